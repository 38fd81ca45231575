package ocr

import (
	"image"
	"strings"
	"unicode"

	"github.com/idpro/idpro/ocr/mrz"
)

// A character its field cannot hold (an 8 for the sex, a 3 in a country
// code, a U among the digits of a date) that is no look-alike Parse
// could swap is the recognizer's error on that glyph. Read again on its
// own, with only the characters the field allows, the glyph says which
// of them it is; the change stands only where no check digit speaks
// against it.

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
func rereadOutOfClass(d *mrz.Draft, g *glyphWork) bool {
	src, r := g.src, g.reader
	if r == nil {
		return false
	}
	changed := false
	for i, line := range d.Lines() {
		for j, c := range line {
			country := d.InCountry(i, j)
			allowed := d.Allowed(i, j)
			s, k, ok := src.symbol(i, j)
			if allowed == "" || !ok {
				continue
			}
			read := byte(unicode.ToUpper(s.Char))
			if country {
				// A digit Parse took for its look-alike letter (8 for B)
				// may be another letter (I): the glyph tells, the list
				// confirms. Elsewhere Parse's class fix stands: a glyph
				// read alone is a weaker witness than the look-alikes.
				if d.KnownCode(i, j) || c != read && !d.FixedByClass(i, j, read) {
					continue
				}
			} else if c != read || strings.IndexByte(allowed, c) >= 0 {
				continue
			}
			if country {
				// Among the letters that make the code one the list
				// knows, and the letter there now: forced to choose
				// between those few, the glyph says which it is. A
				// blotted B reads as 8 sooner than as B, so the
				// letters' look-alike digits stand for them.
				if allowed = d.KnownLetters(i, j); allowed == "" {
					continue
				}
				allowed += string(c) + mrz.LookalikeDigits(allowed)
			}
			to := r.read(src.readings[k].img, s.Box, allowed)
			if l, ok := mrz.LetterOf(byte(to)); ok && country {
				to = rune(l)
			}
			if to <= 0 || to > 'Z' || byte(to) == c {
				continue
			}
			if country && !d.KnownWith(i, j, byte(to)) {
				continue
			}
			if d.ChangeHolds(i, j, byte(to)) {
				changed = true
			}
		}
	}
	return changed
}
