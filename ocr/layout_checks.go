package ocr

// boundCheck is a check digit as it applies to the text at hand: a long
// document number moves the document number check into the optional data
// and gives it two readings.
type boundCheck struct {
	name     string
	variants [][]mrzSpan // the check passes when any variant does
	line, at int
}

// overflow finds a document number continued into the optional data: the
// check slot holds '<' and the optional data starts with the rest of the
// number followed by its check digit. end is the index after that digit.
func (d *mrzDraft) overflow() (end int, ok bool) {
	l := d.lay
	if l.overflowLine < 0 {
		return 0, false
	}
	doc, _ := d.layoutCheck("document_number")
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

func (d *mrzDraft) layoutCheck(name string) (checkDef, bool) {
	for _, c := range d.lay.checks {
		if c.name == name {
			return c, true
		}
	}
	return checkDef{}, false
}

// checks binds the layout's checks to the current text.
func (d *mrzDraft) checks() []boundCheck {
	out := make([]boundCheck, 0, len(d.lay.checks))
	end, long := d.overflow()
	for _, c := range d.lay.checks {
		b := boundCheck{name: c.name, variants: [][]mrzSpan{c.data}, line: c.line, at: c.at}
		if long && c.name == "document_number" {
			// Issuers differ on whether the '<' in the old slot counts.
			rest := mrzSpan{d.lay.overflowLine, d.lay.overflowAt, end - 1}
			doc := c.data[0]
			withSlot := mrzSpan{doc.line, doc.start, doc.end + 1}
			b.variants = [][]mrzSpan{{doc, rest}, {withSlot, rest}}
			if withSlot.line == rest.line && withSlot.end == rest.start {
				b.variants[1] = []mrzSpan{{doc.line, doc.start, rest.end}}
			}
			b.line, b.at = d.lay.overflowLine, end-1
		}
		out = append(out, b)
	}
	return out
}

func (d *mrzDraft) findCheck(name string) (boundCheck, bool) {
	for _, c := range d.checks() {
		if c.name == name {
			return c, true
		}
	}
	return boundCheck{}, false
}

// passes tells whether the check digit matches one variant of its data. A
// '<' in the slot is right only for data that is all fillers (unused
// optional data).
func (d *mrzDraft) passes(c boundCheck) bool {
	got := d.lines[c.line][c.at]
	for _, v := range c.variants {
		text := d.spanText(v)
		if got == '<' {
			if isFiller(text) {
				return true
			}
			continue
		}
		if want, ok := CheckDigit(text); ok && want == got {
			return true
		}
	}
	return false
}

func (d *mrzDraft) spanText(spans []mrzSpan) string {
	var b []byte
	for _, s := range spans {
		b = append(b, d.lines[s.line][s.start:s.end]...)
	}
	return string(b)
}

func isFiller(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			return false
		}
	}
	return true
}
