package mrz

import "time"

// A field that still holds a character its class rules out once every
// correction is made (a letter among a date's digits, a digit in a name)
// is not what the layout says is there: a line read one place off, or a
// specimen printed with a stray character. Look-alikes swapped in it are
// guesses that make it no more readable, so they go back to what was
// read, and the field, which Fields cannot read, goes to review.

// keepBroken undoes, in res, the swaps made inside fields that still
// break their class. Parse and the reader call it last, once the glyphs
// have been read again: those can still mend such a field.
func keepBroken(res Result, now time.Time) Result {
	d := DraftOf(res)
	if d == nil || !runLast(d) {
		return res
	}
	out := d.result(res.RawLines, now)
	out.Confidence = res.Confidence
	return out
}

// undoBrokenSwaps puts back the characters swapped in fields that break
// their class, and tells whether it put back any.
func (d *Draft) undoBrokenSwaps() bool {
	var undo []Correction
	for _, fl := range d.lay.fields {
		if !d.breaksClass(&fl) {
			continue
		}
		for _, c := range d.fixes {
			if c.Line == fl.line && fl.start <= c.Col && c.Col < fl.end && len(c.From) == 1 && len(c.To) == 1 && c.From != "<" && c.To != "<" {
				undo = append(undo, c)
			}
		}
	}
	for _, c := range undo {
		d.set(c.Line, c.Col, c.From[0])
	}
	return len(undo) > 0
}

// breaksClass tells whether fl, a field of digits or of letters, holds
// a character of neither its class nor the filler.
func (d *Draft) breaksClass(fl *part) bool {
	var ok func(byte) bool
	switch fl.class {
	case DigitClass:
		ok = isDigit
	case LetterClass:
		ok = isLetter
	default:
		return false
	}
	for _, c := range d.lines[fl.line][fl.start:fl.end] {
		if c != '<' && !ok(c) {
			return true
		}
	}
	return false
}
