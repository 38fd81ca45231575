package mrz

// boundCheck is a check digit as it applies to the text at hand: a long
// document number moves the document number check into the optional data
// and gives it two readings.
type boundCheck struct {
	name     Field
	variants [][]span // the check passes when any variant does
	line, at int
}

// overflow finds a document number continued into the optional data: the
// check slot holds '<' and the optional data starts with the rest of the
// number followed by its check digit. end is the index after that digit.
func (d *Draft) overflow() (end int, ok bool) {
	l := d.lay
	if l.overflowLine < 0 {
		return 0, false
	}
	doc, _ := d.layoutCheck(FieldDocumentNumber)
	line := d.lines[l.overflowLine]
	if d.lines[doc.line][doc.at] != '<' || line[l.overflowAt] == '<' {
		return 0, false
	}
	limit := l.at[l.overflowLine][l.overflowAt].end
	end = l.overflowAt
	for end < limit && line[end] != '<' {
		end++
	}
	return end, end-l.overflowAt >= 2
}

func (d *Draft) layoutCheck(name Field) (checkDef, bool) {
	for _, c := range d.lay.checks {
		if c.name == name {
			return c, true
		}
	}
	return checkDef{}, false
}

// checks binds the layout's checks to the current text.
func (d *Draft) checks() []boundCheck {
	end, long := d.overflow()
	if !long {
		return d.lay.bound
	}
	out := make([]boundCheck, 0, len(d.lay.checks))
	for _, b := range d.lay.bound {
		if b.name == FieldDocumentNumber {
			// Issuers differ on whether the '<' in the old slot counts.
			rest := span{d.lay.overflowLine, d.lay.overflowAt, end - 1}
			doc := b.variants[0][0]
			withSlot := span{doc.line, doc.start, doc.end + 1}
			b.variants = [][]span{{doc, rest}, {withSlot, rest}}
			if withSlot.line == rest.line && withSlot.end == rest.start {
				b.variants[1] = []span{{doc.line, doc.start, rest.end}}
			}
			b.line, b.at = d.lay.overflowLine, end-1
		}
		out = append(out, b)
	}
	return out
}

func (d *Draft) findCheck(name Field) (boundCheck, bool) {
	for _, c := range d.checks() {
		if c.name == name {
			return c, true
		}
	}
	return boundCheck{}, false
}

// passes tells whether the check digit matches one variant of its data. A
// '<' in the slot is right only for unused optional data, all fillers.
func (d *Draft) passes(c boundCheck) bool {
	got := d.lines[c.line][c.at]
	for _, v := range c.variants {
		want, filler, ok := d.checkDigitOf(v)
		switch {
		case !ok:
		case got == '<':
			if c.name == FieldOptionalData && filler {
				return true
			}
		case want == got:
			return true
		}
	}
	return false
}

// checkDigitOf is CheckDigit over the text of spans, without copying it;
// filler tells whether that text is all fillers.
func (d *Draft) checkDigitOf(spans []span) (digit byte, filler, ok bool) {
	sum, i := 0, 0
	filler = true
	for _, s := range spans {
		for _, c := range d.lines[s.line][s.start:s.end] {
			v, ok := charValue(c)
			if !ok {
				return 0, false, false
			}
			filler = filler && c == '<'
			sum += v * checkWeights[i%3]
			i++
		}
	}
	return byte('0' + sum%10), filler, true
}
