package ocr

import (
	"image"
	"strings"
	"unicode"
)

// A character its field cannot hold (an 8 for the sex, a 3 in a country
// code, a U among the digits of a date) that is no look-alike Parse
// could swap is the recognizer's error on that glyph. Read again on its
// own, with only the characters the field allows, the glyph says which
// of them it is; the change stands only where no check digit speaks
// against it.

// Allowed characters per class, for reading a glyph again.
const (
	lettersAndFiller = "ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
	digitsAndFiller  = "0123456789<"
	sexes            = "MFX<"
)

// codeLetters are the letters ICAO 9303 opens each format's document
// code with.
var codeLetters = map[Format]string{TD1: "ACI", TD2: "ACI", TD3: "P", MRVA: "V", MRVB: "V", FRAID: "I"}

// glyphReader reads single glyphs again, each once for all the ways
// of combining a page's readings.
type glyphReader struct {
	gr    GlyphRecognizer
	cache map[glyphKey]rune
}

type glyphKey struct {
	img     image.Image
	box     image.Rectangle
	allowed string
}

// newGlyphReader is nil when rec cannot read single glyphs.
func newGlyphReader(rec Recognizer) *glyphReader {
	gr, ok := rec.(GlyphRecognizer)
	if !ok {
		return nil
	}
	return &glyphReader{gr: gr, cache: map[glyphKey]rune{}}
}

// read is the glyph in box of img read as one of allowed; 0 when the
// recognizer finds none or fails, and the reading stands.
func (r *glyphReader) read(img image.Image, box image.Rectangle, allowed string) rune {
	k := glyphKey{img, box, allowed}
	if c, ok := r.cache[k]; ok {
		return c
	}
	c, err := readGlyph(r.gr, img, box, allowed)
	if err != nil {
		c = 0
	}
	r.cache[k] = c
	return c
}

// rereadOutOfClass reads again the glyphs read as characters their
// fields cannot hold and tells whether it changed any. A country code
// that is no country is read again letter by letter, among all letters,
// and a change stands only if the list then knows the code: the glyph
// must say it, not the list alone.
func (d *mrzDraft) rereadOutOfClass(g *glyphWork) bool {
	src, r := g.src, g.reader
	if r == nil {
		return false
	}
	changed := false
	for i, line := range d.lines {
		for j, c := range line {
			fl := d.lay.at[i][j]
			allowed := d.allowedAt(i, j)
			s, k, ok := src.symbol(i, j)
			if allowed == "" || !ok {
				continue
			}
			read := byte(unicode.ToUpper(s.Char))
			if isCountry(fl) {
				// A digit Parse took for its look-alike letter (8 for B)
				// may be another letter (I): the glyph tells, the list
				// confirms. Elsewhere Parse's class fix stands: a glyph
				// read alone is a weaker witness than the look-alikes.
				if d.knownCode(fl) || c != read && !d.fixedByClass(i, j, read) {
					continue
				}
			} else if c != read || strings.IndexByte(allowed, c) >= 0 {
				continue
			}
			if isCountry(fl) {
				// Among the letters that make the code one the list
				// knows, and the letter there now: forced to choose
				// between those few, the glyph says which it is. A
				// blotted B reads as 8 sooner than as B, so the
				// letters' look-alike digits stand for them.
				if allowed = d.knownLetters(fl, j); allowed == "" {
					continue
				}
				allowed += string(c) + lookalikeDigits(allowed)
			}
			to := r.read(src.readings[k].img, s.Box, allowed)
			if l, ok := digitToLetter[byte(to)]; ok && isCountry(fl) {
				to = rune(l)
			}
			if to <= 0 || to > 'Z' || byte(to) == c {
				continue
			}
			if isCountry(fl) && !d.knownWith(fl, j, byte(to)) {
				continue
			}
			if d.shapeChangeHolds(charPos{i, j}, byte(to)) {
				changed = true
			}
		}
	}
	return changed
}

// allowedAt are the characters the field at (line, col) can hold, for
// reading a glyph again; "" where no such reading is asked for.
func (d *mrzDraft) allowedAt(line, col int) string {
	fl := d.lay.at[line][col]
	switch {
	case fl.name == FieldDocumentCode:
		if col == 0 {
			return codeLetters[d.lay.format]
		}
		return ""
	case fl.class == sexClass:
		return sexes
	case fl.class == digitClass:
		return digitsAndFiller
	case fl.class == letterClass:
		return lettersAndFiller
	}
	return ""
}

// knownWith tells whether the country field fl holds a known code with
// to at col.
func (d *mrzDraft) knownWith(fl *mrzField, col int, to byte) bool {
	line := d.lines[fl.line]
	from := line[col]
	line[col] = to
	defer func() { line[col] = from }()
	return d.knownCode(fl)
}

// knownLetters are the letters that, at col, make the country field fl
// hold a known code.
func (d *mrzDraft) knownLetters(fl *mrzField, col int) string {
	var out []byte
	for c := byte('A'); c <= 'Z'; c++ {
		if c != d.lines[fl.line][col] && d.knownWith(fl, col, c) {
			out = append(out, c)
		}
	}
	return string(out)
}

// lookalikeDigits are the digits that look like some of letters.
func lookalikeDigits(letters string) string {
	var out []byte
	for _, l := range []byte(letters) {
		if dg, ok := letterToDigit[l]; ok {
			out = append(out, dg)
		}
	}
	return string(out)
}

// fixedByClass tells whether Parse changed read at (line, col) into
// what the draft holds there for the field's class alone.
func (d *mrzDraft) fixedByClass(line, col int, read byte) bool {
	to, ok := classFix(read, d.lay.at[line][col].class)
	return ok && to == d.lines[line][col]
}
