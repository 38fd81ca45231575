package mrz

import "strings"

// fixFillerRuns puts back fillers read as letters inside free text
// (document numbers, optional data). A run of K, C, S or E between fillers
// (or a filler and the line's end) is a misread part of the filler run;
// such letters can keep a check digit right (K counts 20, which no weight
// makes visible modulo 10), so the repair is made whenever no passing
// check breaks. A run touching fillers on one side only may be data: it
// is repaired when two or more long (data rarely holds KK, CS, EK next to
// fillers) or when that makes a failing check pass.
func (d *Draft) fixFillerRuns() {
	for _, fl := range d.lay.fields {
		if fl.class != AnyClass {
			continue
		}
		line := d.lines[fl.line]
		for j := fl.start; j < fl.end; j++ {
			if strings.IndexByte(fillerMisreads, line[j]) < 0 {
				continue
			}
			k := j
			for k < fl.end && strings.IndexByte(fillerMisreads, line[k]) >= 0 {
				k++
			}
			left := j > fl.start && line[j-1] == '<'
			right := k == len(line) || (k < fl.end && line[k] == '<')
			edits := make([]charEdit, 0, k-j)
			for c := j; c < k; c++ {
				edits = append(edits, charEdit{charPos{fl.line, c}, '<'})
			}
			switch {
			case left && right:
				if d.keepsChecks(edits) {
					d.commit(edits)
				}
			case left || right:
				if d.keepsChecks(edits) && (k-j >= 2 || d.mendsCheck(edits)) {
					d.commit(edits)
				}
			}
			j = k - 1
		}
	}
}

// mendsCheck tells whether edits make a failing check pass.
func (d *Draft) mendsCheck(edits []charEdit) bool {
	var failing []Field
	for _, c := range d.checks() {
		if !d.passes(c) {
			failing = append(failing, c.name)
		}
	}
	undo := d.apply(edits)
	defer d.revert(undo)
	for _, name := range failing {
		if c, ok := d.findCheck(name); ok && d.passes(c) {
			return true
		}
	}
	return false
}

// keepsChecks tells whether edits leave every passing check passing.
func (d *Draft) keepsChecks(edits []charEdit) bool {
	passing := d.passingChecks()
	undo := d.apply(edits)
	defer d.revert(undo)
	for _, name := range passing {
		if c, ok := d.findCheck(name); !ok || !d.passes(c) {
			return false
		}
	}
	return true
}
