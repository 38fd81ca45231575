package mrz

import "strings"

// fillerMisreads are the letters OCR engines put where a run of fillers
// '<' is printed.
const fillerMisreads = "KCSE"

// splitName splits an MRZ name field into surname and given names at the
// first "<<"; each part has its fillers turned into single spaces.
func splitName(s string) (surname, given string) {
	sur, giv, _ := strings.Cut(s, "<<")
	return nameWords(sur), nameWords(giv)
}

// nameWords turns fillers into single spaces and trims them.
func nameWords(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '<' }), " ")
}

// nameSeparator is the index of the "<<" between surname and given names,
// or len(s) when there is none.
func nameSeparator(s string) int {
	if i := strings.Index(s, "<<"); i >= 0 {
		return i
	}
	return len(s)
}

// cleanNameFillers returns s with filler runs that were read as letters
// (SMITH<<JOHN<<<<KKK) put back as fillers. Two places are unambiguous
// enough to touch: everything after the "<<" that ends the given names
// (names hold no further "<<"), and a last word that looks like misread
// fillers (no name is KKK or CCCCE).
func cleanNameFillers(s string) string {
	b := []byte(s)
	if sep := strings.Index(s, "<<"); sep >= 0 {
		rest := s[sep+2:]
		if end := strings.Index(strings.TrimLeft(rest, "<"), "<<"); end >= 0 {
			from := sep + 2 + len(rest) - len(strings.TrimLeft(rest, "<")) + end
			if onlyFillerMisreads(s[from:]) {
				fillFillers(b[from:])
			}
		}
	}
	trimmed := strings.TrimRight(string(b), "<")
	start := strings.LastIndexByte(trimmed, '<') + 1
	if word := trimmed[start:]; start > 0 && looksLikeFillers(word) {
		fillFillers(b[start:len(trimmed)])
	}
	return string(b)
}

// strayMarks makes fillers of the lone letters that follow three or
// more fillers in a name field (SPECIMEN<<VZOR<<<<<<<I<<<), but for
// those at the positions kept (an earlier pass's look-alike): a name's
// parts are joined by one filler and surname and given names by two, so
// a run of three is the fill after the names, and a character in it a
// mark (a dot of the background, a scratch) that the recognizer read as
// a letter: too big for the speck rule, which knows only its size. A
// longer word stays: it may be a name whose filler before it is misread;
// so does a digit, which is no misread filler but print out of place (a
// specimen printed two places off).
func strayMarks(b []byte, kept func(i int) bool) {
	run := 0
	for i := 0; i < len(b); i++ {
		if b[i] == '<' {
			run++
			continue
		}
		if run >= 3 && b[i] >= 'A' && b[i] <= 'Z' && (i+1 == len(b) || b[i+1] == '<') && !kept(i) {
			b[i] = '<'
			run++
			continue
		}
		run = 0
	}
}

// looksLikeFillers tells misread fillers from short names such as CECE or
// ESSE: only misread letters, and a K (the most common misreading) or too
// long to be a name.
func looksLikeFillers(word string) bool {
	return len(word) >= 3 && onlyFillerMisreads(word) && (strings.IndexByte(word, 'K') >= 0 || len(word) >= 5)
}

func onlyFillerMisreads(s string) bool {
	return strings.Trim(s, fillerMisreads+"<") == ""
}

func fillFillers(b []byte) {
	for i := range b {
		b[i] = '<'
	}
}
