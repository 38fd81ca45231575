package ocr

import "strings"

// The OCR confusions that may be undone: each pair looks alike in OCR-B.
// Q and D are not paired with 0: OCR-B draws them distinctly enough that a
// reading of Q or D is more likely right than a misread 0.
var (
	letterToDigit = map[byte]byte{'O': '0', 'I': '1', 'Z': '2', 'S': '5', 'B': '8', 'G': '6'}
	digitToLetter = map[byte]byte{'0': 'O', '1': 'I', '2': 'Z', '5': 'S', '8': 'B', '6': 'G'}
)

// draft is an MRZ being fitted to one layout.
type mrzDraft struct {
	lay       *mrzLayout
	lines     [][]byte
	fixes     []Correction
	deviation int // characters the read lines were off the layout's lengths
}

func newMrzDraft(lay *mrzLayout, lines [][]byte, fixes []Correction) *mrzDraft {
	d := &mrzDraft{lay: lay, lines: make([][]byte, len(lines)), fixes: append([]Correction(nil), fixes...)}
	for i, l := range lines {
		d.lines[i] = append([]byte(nil), l...)
	}
	return d
}

// set changes one character and records the change; a change that undoes
// an earlier one removes it.
func (d *mrzDraft) set(line, col int, to byte) {
	from := d.lines[line][col]
	if from == to {
		return
	}
	d.lines[line][col] = to
	for i := range d.fixes {
		c := &d.fixes[i]
		if c.Line == line && c.Col == col && c.From != "" && c.To != "" {
			c.To = string(to)
			if c.From == c.To {
				d.fixes = append(d.fixes[:i], d.fixes[i+1:]...)
			}
			return
		}
	}
	d.fixes = append(d.fixes, Correction{Line: line, Col: col, From: string(from), To: string(to)})
}

// classFix is the only reading of c that class allows, when c is one of
// the confusions class rules out.
func classFix(c byte, class charClass) (byte, bool) {
	switch class {
	case digitClass:
		if r, ok := letterToDigit[c]; ok {
			return r, true
		}
		if strings.IndexByte(fillerMisreads, c) >= 0 {
			return '<', true
		}
	case letterClass:
		if r, ok := digitToLetter[c]; ok {
			return r, true
		}
	case fillerClass:
		if strings.IndexByte(fillerMisreads, c) >= 0 {
			return '<', true
		}
	case sexClass:
		// An unspecified sex read as K or C; E and S are left alone, as
		// F and 5 look like them too.
		if c == 'K' || c == 'C' {
			return '<', true
		}
	}
	return 0, false
}

// fixClasses undoes confusions that a position's class rules out.
func (d *mrzDraft) fixClasses() {
	for i, line := range d.lines {
		for j, c := range line {
			if r, ok := classFix(c, d.lay.at[i][j].class); ok {
				d.set(i, j, r)
			}
		}
	}
}

// fixCountries restores Germany's code D<< where its fillers were read
// as letters.
func (d *mrzDraft) fixCountries() {
	for _, fl := range d.lay.fields {
		if (fl.name != "issuing_state" && fl.name != "nationality") || fl.end-fl.start != 3 {
			continue
		}
		code := string(d.lines[fl.line][fl.start:fl.end])
		if code[0] == 'D' && !knownCountry(strings.Trim(code, "<")) && onlyFillerMisreads(code[1:]) {
			d.set(fl.line, fl.start+1, '<')
			d.set(fl.line, fl.start+2, '<')
		}
	}
}

// fixNames puts back fillers read as letters at the end of name fields.
func (d *mrzDraft) fixNames() {
	for _, fl := range d.lay.fields {
		if fl.name != nameField && fl.name != "surname" && fl.name != "given_names" {
			continue
		}
		raw := string(d.lines[fl.line][fl.start:fl.end])
		clean := cleanNameFillers(raw)
		for k := range len(raw) {
			d.set(fl.line, fl.start+k, clean[k])
		}
	}
}

// fixFillerRuns puts back fillers read as letters inside free text
// (document numbers, optional data). A run of K, C, S or E between fillers
// (or a filler and the line's end) is a misread part of the filler run;
// such letters can keep a check digit right (K counts 20, which no weight
// makes visible modulo 10), so the repair is made whenever no passing
// check breaks. A run touching fillers on one side only may be data: it
// is repaired when two or more long (data rarely holds KK, CS, EK next to
// fillers) or when that makes a failing check pass.
func (d *mrzDraft) fixFillerRuns() {
	for _, fl := range d.lay.fields {
		if fl.class != anyClass {
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
func (d *mrzDraft) mendsCheck(edits []charEdit) bool {
	var failing []string
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
func (d *mrzDraft) keepsChecks(edits []charEdit) bool {
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

// alternatives are the other readings of the character at (line, col)
// that a check digit may choose between.
func (d *mrzDraft) alternatives(line, col int) []byte {
	if d.lay.at[line][col].class != anyClass {
		return nil
	}
	c := d.lines[line][col]
	var alt []byte
	if r, ok := letterToDigit[c]; ok {
		alt = append(alt, r)
	}
	if r, ok := digitToLetter[c]; ok {
		alt = append(alt, r)
	}
	if strings.IndexByte(fillerMisreads, c) >= 0 && d.nextToFiller(line, col) {
		alt = append(alt, '<')
	}
	return alt
}

func (d *mrzDraft) nextToFiller(line, col int) bool {
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
// are accepted only when the composite check confirms them.
func (d *mrzDraft) repairChecks() {
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
			return true
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
func (d *mrzDraft) unique(fixes [][]charEdit, name string) ([]charEdit, bool) {
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

func (d *mrzDraft) hasComposite() bool {
	_, ok := d.findCheck(composite)
	return ok
}

func (d *mrzDraft) compositePassesWith(edits []charEdit) bool {
	undo := d.apply(edits)
	defer d.revert(undo)
	c, ok := d.findCheck(composite)
	return ok && d.passes(c)
}

func (d *mrzDraft) apply(edits []charEdit) []charEdit {
	undo := make([]charEdit, len(edits))
	for i, e := range edits {
		undo[len(edits)-1-i] = charEdit{e.charPos, d.lines[e.line][e.col]}
		d.lines[e.line][e.col] = e.to
	}
	return undo
}

func (d *mrzDraft) revert(undo []charEdit) {
	for _, e := range undo {
		d.lines[e.line][e.col] = e.to
	}
}

func (d *mrzDraft) commit(edits []charEdit) {
	for _, e := range edits {
		d.set(e.line, e.col, e.to)
	}
}

// repairPositions are the characters a failing check may change: those it
// protects (and its own slot, when that lies in free text) that no passing
// check also protects.
func (d *mrzDraft) repairPositions(c boundCheck) []charPos {
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
func (d *mrzDraft) checkOrder() []string {
	var names []string
	for _, c := range d.lay.checks {
		if c.name != composite {
			names = append(names, c.name)
		}
	}
	return append(names, composite)
}

func (d *mrzDraft) passingChecks() []string {
	var out []string
	for _, c := range d.checks() {
		if d.passes(c) {
			out = append(out, c.name)
		}
	}
	return out
}
