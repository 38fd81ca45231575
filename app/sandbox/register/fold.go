package register

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSpellings bounds the spellings one name expands to: every Ä, Ö, Ü, Å
// and Ø doubles them. Past the bound the remaining letters keep only their
// ICAO spelling, so a name with seven umlauts still matches its MRZ form.
const maxSpellings = 64

// transliterations are the letters ICAO 9303 Part 3 writes with two
// letters; the first spelling is ICAO's, the second the base letter someone
// typing without accents uses.
var transliterations = map[rune][]string{
	'Ä': {"AE", "A"},
	'Ö': {"OE", "O"},
	'Ü': {"UE", "U"},
	'Å': {"AA", "A"},
	'Ø': {"OE", "O"},
	'Æ': {"AE"},
	'Œ': {"OE"},
	'ß': {"SS"},
	'ẞ': {"SS"},
	'Þ': {"TH"},
	'Ĳ': {"IJ"},
}

// bareLetters are letters with a stroke or without a dot, which Unicode
// does not decompose into a base letter and a mark (the dotless ı is
// upper-cased to I before).
var bareLetters = map[rune]rune{
	'Ł': 'L', 'Đ': 'D', 'Ð': 'D', 'Ħ': 'H', 'Ŀ': 'L', 'Ŧ': 'T', 'Ŋ': 'N', 'ĸ': 'K', 'Ɨ': 'I',
}

// spellings returns the upper-case A-Z forms a printed, typed or MRZ name
// may take, sorted; words are separated by a single '<' whatever separated
// them (spaces, hyphens, MRZ fillers); other punctuation is dropped, as in
// the MRZ ("O'Brien" is OBRIEN). An empty name has no spellings.
func spellings(name string) []string {
	var parts [][]string // per letter its spellings, and the word separators
	count, size, sep := 1, 0, false
	for _, r := range name {
		if isSeparator(r) {
			sep = true
			continue
		}
		alts := letterSpellings(r)
		if len(alts) == 0 {
			continue
		}
		if sep && len(parts) > 0 {
			parts = append(parts, wordSeparator)
			size++
		}
		sep = false
		if count*len(alts) > maxSpellings {
			alts = alts[:1]
		}
		count *= len(alts)
		size += len(alts[0])
		parts = append(parts, alts)
	}
	if len(parts) == 0 {
		return nil
	}
	out := make([]string, count)
	var b strings.Builder
	for i := range out {
		b.Grow(size) // the first spellings are ICAO's, the longest
		k := i       // i in the mixed radix of the parts' lengths
		for _, alts := range parts {
			b.WriteString(alts[k%len(alts)])
			k /= len(alts)
		}
		out[i] = b.String()
		b.Reset()
	}
	sort.Strings(out)
	return out
}

var wordSeparator = []string{"<"}

// ascii holds the one-letter spellings of A-Z and 0-9, so that the
// common case allocates nothing while the user types.
var ascii = func() []string {
	out := make([]string, unicode.MaxASCII)
	for r := range out {
		out[r] = string(rune(r))
	}
	return out
}()

func isSeparator(r rune) bool {
	return r == '<' || r == '-' || unicode.IsSpace(r) || unicode.Is(unicode.Pd, r)
}

// letterSpellings gives the A-Z spellings of one character, none for
// punctuation. A letter outside the Latin script is kept as it is, upper
// case, so that two such names still compare.
func letterSpellings(r rune) []string {
	if r == 'ß' { // no single upper-case rune in simple case mapping
		return transliterations[r]
	}
	r = unicode.ToUpper(r)
	if r < unicode.MaxASCII {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return ascii[r : r+1]
		}
		return nil
	}
	if alts, ok := transliterations[r]; ok {
		return alts
	}
	if b, ok := bareLetters[r]; ok {
		return []string{string(b)}
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') {
			b.WriteRune(d)
		}
	}
	switch {
	case b.Len() > 0:
		return []string{b.String()}
	case unicode.IsLetter(r):
		return []string{string(r)}
	}
	return nil
}

// normalDocument is a document number as compared: upper case, without
// spaces or MRZ fillers.
func normalDocument(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '<' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, s)
}

// normalCountry is an ICAO country code as compared: upper case, fillers
// dropped, and Germany's one-letter MRZ code D as DEU.
func normalCountry(s string) string {
	c := strings.ToUpper(strings.Trim(strings.TrimSpace(s), "<"))
	if c == "D" {
		return "DEU"
	}
	return c
}
