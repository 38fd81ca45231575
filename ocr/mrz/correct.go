package mrz

import "strings"

// The OCR confusions that may be undone: each pair looks alike in OCR-B.
// Q and D are not paired with 0: OCR-B draws them distinctly enough that a
// reading of Q or D is more likely right than a misread 0.
var (
	letterToDigit = map[byte]byte{'O': '0', 'I': '1', 'Z': '2', 'S': '5', 'B': '8', 'G': '6'}
	digitToLetter = map[byte]byte{'0': 'O', '1': 'I', '2': 'Z', '5': 'S', '8': 'B', '6': 'G'}
)

// Draft is an MRZ being fitted to one layout.
type Draft struct {
	lay       *layout
	lines     [][]byte
	fixes     []Correction
	deviation int // characters the read lines were off the layout's lengths
}

func newDraft(lay *layout, lines [][]byte, fixes []Correction) *Draft {
	d := &Draft{lay: lay, lines: make([][]byte, len(lines)), fixes: append([]Correction(nil), fixes...)}
	for i, l := range lines {
		d.lines[i] = append([]byte(nil), l...)
	}
	return d
}

// set changes one character and records the change; a change that undoes
// an earlier one removes it.
func (d *Draft) set(line, col int, to byte) {
	from := d.lines[line][col]
	if from == to {
		return
	}
	d.lines[line][col] = to
	if i := d.fixAt(line, col); i >= 0 {
		c := &d.fixes[i]
		c.To = string(to)
		if c.From == c.To {
			d.fixes = append(d.fixes[:i], d.fixes[i+1:]...)
		}
		return
	}
	d.fixes = append(d.fixes, Correction{Line: line, Col: col, From: string(from), To: string(to)})
}

// fixAt is the index of the change of one character to another recorded
// at (line, col), or -1 when no pass changed it.
func (d *Draft) fixAt(line, col int) int {
	for i, c := range d.fixes {
		if c.Line == line && c.Col == col && c.From != "" && c.To != "" {
			return i
		}
	}
	return -1
}

// classFix is the only reading of c that class allows, when c is one of
// the confusions class rules out.
func classFix(c byte, class Class) (byte, bool) {
	switch class {
	case DigitClass:
		if r, ok := letterToDigit[c]; ok {
			return r, true
		}
		if strings.IndexByte(fillerMisreads, c) >= 0 {
			return '<', true
		}
	case LetterClass:
		if r, ok := digitToLetter[c]; ok {
			return r, true
		}
	case FillerClass:
		if strings.IndexByte(fillerMisreads, c) >= 0 {
			return '<', true
		}
	case SexClass:
		// An unspecified sex read as K or C; E and S are left alone, as
		// F and 5 look like them too.
		if c == 'K' || c == 'C' {
			return '<', true
		}
	}
	return 0, false
}

// fixClasses undoes confusions that a position's class rules out, and
// the D that opens every driving licence's line read as 0 or O: the
// layout was chosen for it (dlOpens).
func (d *Draft) fixClasses() {
	for i, line := range d.lines {
		for j, c := range line {
			if r, ok := classFix(c, d.lay.at[i][j].class); ok {
				d.set(i, j, r)
			}
		}
	}
	if d.lay.format == DLEU && d.lines[0][0] != 'D' {
		d.set(0, 0, 'D')
	}
}

// fixCountries restores Germany's code D<< where its fillers were read
// as letters, and settles O, D and Q in a code that is not a country by
// the one reading that is.
func (d *Draft) fixCountries() {
	for _, fl := range d.lay.fields {
		if !isCountry(&fl) || fl.end-fl.start != 3 || d.knownCode(&fl) {
			continue
		}
		code := string(d.lines[fl.line][fl.start:fl.end])
		if code[0] == 'D' && onlyFillerMisreads(code[1:]) {
			d.set(fl.line, fl.start+1, '<')
			d.set(fl.line, fl.start+2, '<')
			continue
		}
		if known, ok := lookalikeCountry(code); ok {
			for k := range known {
				d.set(fl.line, fl.start+k, known[k])
			}
		}
	}
}

// isCountry tells the fields that hold a country code.
func isCountry(fl *part) bool {
	return fl.name == FieldIssuingState || fl.name == FieldNationality
}

// knownCode tells whether the country field fl holds a known code.
func (d *Draft) knownCode(fl *part) bool {
	return knownCountry(strings.Trim(string(d.lines[fl.line][fl.start:fl.end]), "<"))
}

// countryLookalikes are the letters a read letter may be in a country
// code: OCR-B's O, D and Q differ by a stroke that blotted print loses
// (and a 0 read in a code has become O), as C and G do by G's spur and
// E and F by E's foot, and only the closed list of codes can tell them
// apart.
var countryLookalikes = map[byte]string{'O': "DQ", 'D': "OQ", 'Q': "OD", 'C': "G", 'G': "C", 'E': "F", 'F': "E"}

// lookalikeCountry returns the one known country code that code becomes
// by swapping lookalikes, if exactly one does.
func lookalikeCountry(code string) (string, bool) {
	var found []string
	var try func(b []byte, at int)
	try = func(b []byte, at int) {
		if at == len(b) {
			if c := string(b); c != code && knownCountry(strings.Trim(c, "<")) {
				found = append(found, c)
			}
			return
		}
		try(b, at+1)
		orig := b[at]
		for _, alt := range []byte(countryLookalikes[orig]) {
			b[at] = alt
			try(b, at+1)
		}
		b[at] = orig
	}
	try([]byte(code), 0)
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// fixNames puts back fillers read as letters at the end of name fields.
func (d *Draft) fixNames() {
	for _, fl := range d.lay.fields {
		if fl.name != nameField && fl.name != FieldSurname && fl.name != FieldGivenNames {
			continue
		}
		raw := string(d.lines[fl.line][fl.start:fl.end])
		clean := []byte(cleanNameFillers(raw))
		strayMarks(clean, func(k int) bool { return d.fixAt(fl.line, fl.start+k) >= 0 })
		for k := range len(raw) {
			d.set(fl.line, fl.start+k, clean[k])
		}
	}
}
