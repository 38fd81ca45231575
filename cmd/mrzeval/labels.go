package main

import (
	"slices"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/mrz"
)

// digitOf is the digit each letter a label may wrongly hold where only
// digits stand looks like: more than Parse's class fix knows, as a
// label's D in a date is the print's 0 (the reader tells those apart
// by the glyph's shape, not by class).
var digitOf = map[byte]byte{'D': '0', 'O': '0', 'Q': '0', 'I': '1', 'L': '1', 'Z': '2', 'S': '5', 'G': '6', 'B': '8'}

// lookAlike is the character the field's class allows that c, which it
// does not allow, looks like.
func lookAlike(c byte, class mrz.Class) (byte, bool) {
	switch class {
	case mrz.DigitClass:
		to, ok := digitOf[c]
		return to, ok
	case mrz.LetterClass:
		return mrz.LetterOf(c)
	}
	return 0, false
}

// repairedLabel is truth with every letter that stands where ICAO 9303
// allows only digits (a D in a date), and every digit where it allows
// only letters (an 8 in a nationality), replaced by its look-alike,
// when the document's own check digits, which fail as labelled, then
// all pass. Some labels of the corpus say `58D101` where the print
// and its check digit say `580101` (docs/mrz.md, "What is still wrong
// but valid"): the label is wrong, not the reading, and the eval
// reports both. ok is false when nothing is repaired.
func repairedLabel(truth []string) (repaired []string, ok bool) {
	res := ocr.Parse(truth)
	if res.Valid && slices.Equal(res.Lines, truth) {
		return truth, false
	}
	d := mrz.DraftOf(res)
	if d == nil || len(d.Lines()) != len(truth) {
		return truth, false
	}
	repaired = slices.Clone(truth)
	for i, line := range truth {
		b := []byte(line)
		if len(b) != len(d.Lines()[i]) {
			return truth, false
		}
		for j, c := range b {
			if to, found := lookAlike(c, d.Class(i, j)); found {
				b[j] = to
				ok = true
			}
		}
		repaired[i] = string(b)
	}
	if r := ocr.Parse(repaired); !ok || !r.Valid || !slices.Equal(r.Lines, repaired) {
		return truth, false
	}
	return repaired, true
}
