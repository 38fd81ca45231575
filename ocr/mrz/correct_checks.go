package mrz

import "strings"

// alternatives are the other readings of the character at (line, col)
// that a check digit may choose between.
func (d *Draft) alternatives(line, col int) []byte {
	if d.lay.at[line][col].class != AnyClass {
		return nil
	}
	c := d.lines[line][col]
	var alt []byte
	if r, ok := letterToDigit[c]; ok && d.fitsNeighbours(line, col, isDigit) {
		alt = append(alt, r)
	}
	if r, ok := digitToLetter[c]; ok && (d.opensField(line, col) || d.fitsNeighbours(line, col, isLetter)) {
		alt = append(alt, r)
	}
	if strings.IndexByte(fillerMisreads, c) >= 0 && d.nextToFiller(line, col) {
		alt = append(alt, '<')
	}
	return alt
}

// fitsNeighbours tells whether a character of kind at (line, col) would
// sit next to one of its kind in its free-text field, or has no letter or
// digit beside it. Identifiers run in blocks (letters, then digits), so a
// lone letter amid digits is a far less likely reading: without this, a
// digit misread as another digit is "repaired" by turning some other
// digit into a letter about four times in ten.
func (d *Draft) fitsNeighbours(line, col int, kind func(byte) bool) bool {
	l, classed := d.lines[line], false
	for _, n := range [2]int{col - 1, col + 1} {
		if n < 0 || n >= len(l) || d.lay.at[line][n].class != AnyClass {
			continue
		}
		if kind(l[n]) {
			return true
		}
		classed = classed || isDigit(l[n]) || isLetter(l[n])
	}
	return !classed
}

// opensField tells whether (line, col) is the first character of its
// free-text field, where a letter may start the block of digits that
// follows (passport numbers such as B0000000).
func (d *Draft) opensField(line, col int) bool {
	return col == 0 || d.lay.at[line][col-1].class != AnyClass
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }

func (d *Draft) nextToFiller(line, col int) bool {
	l := d.lines[line]
	return (col > 0 && l[col-1] == '<') || (col+1 < len(l) && l[col+1] == '<')
}

type charPos struct{ line, col int }

type charEdit struct {
	charPos
	to byte
}

// repairChecks tries, for each failing check digit, the other readings of
// the characters it protects, and applies a repair only when exactly one
// makes the check pass without breaking another. Two-character repairs
// are accepted only when the composite check confirms them. A repair of
// the composite alone must leave every check passing: the composite
// covers the other fields and their digits, so while one of them fails
// the composite should too, and passing it then is chance (specimens
// misprinted, a field misread beyond look-alikes).
func (d *Draft) repairChecks() {
	for _, name := range d.checkOrder() {
		c, ok := d.findCheck(name)
		if !ok || d.passes(c) {
			continue
		}
		candidates := d.repairPositions(c)
		passing := d.passingChecks()
		try := func(edits []charEdit) bool {
			undo := d.apply(edits)
			defer d.revert(undo)
			c, ok := d.findCheck(name)
			if !ok || !d.passes(c) {
				return false
			}
			for _, p := range passing {
				if cc, ok := d.findCheck(p); !ok || !d.passes(cc) {
					return false
				}
			}
			return name != composite || d.allPass()
		}
		var singles [][]charEdit
		for _, p := range candidates {
			for _, a := range d.alternatives(p.line, p.col) {
				e := []charEdit{{p, a}}
				if try(e) {
					singles = append(singles, e)
				}
			}
		}
		if fix, ok := d.unique(singles, name); ok {
			d.commit(fix)
			continue
		}
		if len(singles) > 0 || len(candidates) > 16 || !d.hasComposite() || name == composite {
			continue
		}
		var pairs [][]charEdit
		for i, p := range candidates {
			for _, a := range d.alternatives(p.line, p.col) {
				for _, q := range candidates[i+1:] {
					for _, b := range d.alternatives(q.line, q.col) {
						e := []charEdit{{p, a}, {q, b}}
						if try(e) && d.compositePassesWith(e) {
							pairs = append(pairs, e)
						}
					}
				}
			}
		}
		if len(pairs) == 1 {
			d.commit(pairs[0])
		}
	}
}

// unique picks the one repair among fixes, using the composite check to
// choose when several fix the check itself.
func (d *Draft) unique(fixes [][]charEdit, name Field) ([]charEdit, bool) {
	if len(fixes) == 1 {
		return fixes[0], true
	}
	if len(fixes) == 0 || name == composite || !d.hasComposite() {
		return nil, false
	}
	var confirmed [][]charEdit
	for _, e := range fixes {
		if d.compositePassesWith(e) {
			confirmed = append(confirmed, e)
		}
	}
	if len(confirmed) == 1 {
		return confirmed[0], true
	}
	return nil, false
}

func (d *Draft) hasComposite() bool {
	_, ok := d.findCheck(composite)
	return ok
}

func (d *Draft) compositePassesWith(edits []charEdit) bool {
	undo := d.apply(edits)
	defer d.revert(undo)
	c, ok := d.findCheck(composite)
	return ok && d.passes(c)
}

func (d *Draft) apply(edits []charEdit) []charEdit {
	undo := make([]charEdit, len(edits))
	for i, e := range edits {
		undo[len(edits)-1-i] = charEdit{e.charPos, d.lines[e.line][e.col]}
		d.lines[e.line][e.col] = e.to
	}
	return undo
}

func (d *Draft) revert(undo []charEdit) {
	for _, e := range undo {
		d.lines[e.line][e.col] = e.to
	}
}

func (d *Draft) commit(edits []charEdit) {
	for _, e := range edits {
		d.set(e.line, e.col, e.to)
	}
}

// repairPositions are the characters a failing check may change: those it
// protects (and its own slot, when that lies in free text) that no passing
// check also protects.
func (d *Draft) repairPositions(c boundCheck) []charPos {
	guarded := map[charPos]bool{}
	for _, other := range d.checks() {
		if other.name == c.name || !d.passes(other) {
			continue
		}
		for _, s := range other.variants[0] {
			for j := s.start; j < s.end; j++ {
				guarded[charPos{s.line, j}] = true
			}
		}
		guarded[charPos{other.line, other.at}] = true
	}
	seen := map[charPos]bool{}
	var out []charPos
	add := func(p charPos) {
		if seen[p] || guarded[p] || len(d.alternatives(p.line, p.col)) == 0 {
			return
		}
		seen[p] = true
		out = append(out, p)
	}
	for _, v := range c.variants {
		for _, s := range v {
			for j := s.start; j < s.end; j++ {
				add(charPos{s.line, j})
			}
		}
	}
	add(charPos{c.line, c.at})
	return out
}

// checkOrder repairs the checks of single fields before the composite,
// which then decides between their candidate repairs.
func (d *Draft) checkOrder() []Field {
	var names []Field
	for _, c := range d.lay.checks {
		if c.name != composite {
			names = append(names, c.name)
		}
	}
	return append(names, composite)
}

// allPass tells whether every check passes.
func (d *Draft) allPass() bool {
	for _, c := range d.checks() {
		if !d.passes(c) {
			return false
		}
	}
	return true
}

func (d *Draft) passingChecks() []Field {
	var out []Field
	for _, c := range d.checks() {
		if d.passes(c) {
			out = append(out, c.name)
		}
	}
	return out
}
