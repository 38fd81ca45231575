package mrz

import (
	"slices"
	"time"
)

// What the reader (package ocr) asks of a Draft: a fitted MRZ it
// corrects further by the glyphs' shapes, in the text's own terms.
// Positions are (line, col) of the fitted lines.

// DraftOf is Fit's (or Parse's) result res as a draft to correct
// further; nil when res holds no MRZ.
func DraftOf(res Result) *Draft {
	if !res.Found {
		return nil
	}
	lay := layoutOf(res)
	if lay == nil {
		return nil
	}
	lines := make([][]byte, len(res.Lines))
	for i, l := range res.Lines {
		lines[i] = []byte(l)
	}
	return newDraft(lay, lines, res.Corrections)
}

// layoutOf is the layout Parse read res with.
func layoutOf(res Result) *layout {
	for _, lay := range layoutsFor(len(res.Lines)) {
		if lay.format == res.Format && lay.accepts(res.Lines[0]) {
			return lay
		}
	}
	return nil
}

// Result reads the fields out of the draft, with raw as the lines
// read; dates are resolved relative to now.
func (d *Draft) Result(raw []string, now time.Time) Result { return d.result(raw, now) }

// Lines are the draft's lines; change them only with Set.
func (d *Draft) Lines() [][]byte { return d.lines }

// Format is the draft's layout.
func (d *Draft) Format() Format { return d.lay.format }

// Class is what the position may hold.
func (d *Draft) Class(line, col int) Class { return d.lay.at[line][col].class }

// FieldName names the field the position belongs to, as Correction.Field
// and Result.Review do.
func (d *Draft) FieldName(line, col int) Field { return d.fieldName(line, col) }

// InName tells a position in a name, where only letters are read and no
// check digit helps.
func (d *Draft) InName(line, col int) bool { return isName(d.lay.at[line][col]) }

// InCountry tells a position in a country code.
func (d *Draft) InCountry(line, col int) bool { return isCountry(d.lay.at[line][col]) }

// ShapeMaySettle tells whether a glyph's shape may settle the
// character at the position: one in a field that allows letters and
// digits, but not the document code, which the issuer's list settles.
func (d *Draft) ShapeMaySettle(line, col int) bool { return shapeSettles(d.lay.at[line][col]) }

// Covered tells whether some check digit covers the position, as its
// digit or its data.
func (d *Draft) Covered(line, col int) bool { return len(d.covering(charPos{line, col})) > 0 }

func isName(fl *part) bool {
	return fl.name == nameField || fl.name == FieldSurname || fl.name == FieldGivenNames
}

func shapeSettles(fl *part) bool {
	return fl.class == AnyClass && fl.name != FieldDocumentCode
}

// ChangeHolds makes the change at (line, col) unless a check digit
// speaks against it, and tells whether it made it. A position no check
// digit covers changes on the reader's word alone; one that failing
// checks cover only when every check covering it then passes and none
// breaks; one a passing check covers never.
func (d *Draft) ChangeHolds(line, col int, to byte) bool {
	p := charPos{line, col}
	covering := d.covering(p)
	from := d.lines[p.line][p.col]
	if len(covering) == 0 {
		d.set(p.line, p.col, to)
		return true
	}
	before := d.passingChecks()
	d.set(p.line, p.col, to)
	after := d.passingChecks()
	kept := true
	for _, name := range before {
		kept = kept && slices.Contains(after, name)
	}
	for _, c := range covering {
		kept = kept && slices.Contains(after, c.name)
	}
	if len(covering) == 1 && covering[0].name == composite && !slices.Contains(before, composite) {
		// Passing the composite alone is chance while a field it
		// covers still fails (repairChecks).
		kept = kept && d.allPass()
	}
	if kept {
		return true
	}
	d.set(p.line, p.col, from)
	return false
}

// covering are the checks whose digit or data includes p.
func (d *Draft) covering(p charPos) []boundCheck {
	var out []boundCheck
	for _, c := range d.checks() {
		if c.covers(p) {
			out = append(out, c)
		}
	}
	return out
}

// covers tells whether the check's digit or data includes p.
func (c boundCheck) covers(p charPos) bool {
	if p.line == c.line && p.col == c.at {
		return true
	}
	for _, v := range c.variants {
		for _, s := range v {
			if s.line == p.line && s.start <= p.col && p.col < s.end {
				return true
			}
		}
	}
	return false
}

// Allowed characters per class, for reading a glyph again.
const (
	lettersAndFiller = "ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
	digitsAndFiller  = "0123456789<"
	sexes            = "MFX<"
)

// codeLetters are the letters ICAO 9303 opens each format's document
// code with.
var codeLetters = map[Format]string{TD1: "ACI", TD2: "ACI", TD3: "P", MRVA: "V", MRVB: "V", FRAID: "I"}

// Allowed are the characters the field at (line, col) can hold, for
// reading a glyph again; "" where no such reading is asked for.
func (d *Draft) Allowed(line, col int) string {
	fl := d.lay.at[line][col]
	switch {
	case fl.name == FieldDocumentCode:
		if col == 0 {
			return codeLetters[d.lay.format]
		}
		return ""
	case fl.class == SexClass:
		return sexes
	case fl.class == DigitClass:
		return digitsAndFiller
	case fl.class == LetterClass:
		return lettersAndFiller
	}
	return ""
}

// KnownCode tells whether the country code the position is in is one
// the list knows.
func (d *Draft) KnownCode(line, col int) bool { return d.knownCode(d.lay.at[line][col]) }

// KnownWith tells whether the country code the position is in is one
// the list knows with to there.
func (d *Draft) KnownWith(line, col int, to byte) bool {
	fl := d.lay.at[line][col]
	l := d.lines[fl.line]
	from := l[col]
	l[col] = to
	defer func() { l[col] = from }()
	return d.knownCode(fl)
}

// KnownLetters are the letters that, at (line, col), make the country
// code there one the list knows.
func (d *Draft) KnownLetters(line, col int) string {
	var out []byte
	for c := byte('A'); c <= 'Z'; c++ {
		if c != d.lines[line][col] && d.KnownWith(line, col, c) {
			out = append(out, c)
		}
	}
	return string(out)
}

// LookalikeDigits are the digits that look like some of letters.
func LookalikeDigits(letters string) string {
	var out []byte
	for _, l := range []byte(letters) {
		if dg, ok := letterToDigit[l]; ok {
			out = append(out, dg)
		}
	}
	return string(out)
}

// LetterOf is the letter the digit d looks like, if any.
func LetterOf(d byte) (byte, bool) {
	l, ok := digitToLetter[d]
	return l, ok
}

// FixedByClass tells whether Parse changed read at (line, col) into
// what the draft holds there for the field's class alone.
func (d *Draft) FixedByClass(line, col int, read byte) bool {
	to, ok := classFix(read, d.lay.at[line][col].class)
	return ok && to == d.lines[line][col]
}

// Fit is Parse before the last passes: the reader corrects its result
// further by the glyphs, then calls Finish.
func Fit(lines []string, now time.Time) Result { return parseAt(lines, now) }

// Finish runs the last passes on res (correct_broken.go).
func Finish(res Result, now time.Time) Result { return keepBroken(res, now) }

// Set changes one character and records the change as a Correction; a
// change that undoes an earlier one removes it.
func (d *Draft) Set(line, col int, to byte) { d.set(line, col, to) }
