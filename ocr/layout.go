package ocr

// charClass is what a position of an MRZ may hold; it decides which OCR
// confusions can be undone without looking at check digits.
type charClass uint8

const (
	anyClass    charClass = iota // A-Z 0-9 <, e.g. document numbers
	digitClass                   // 0-9, or < for unknown date parts and unused check digits
	letterClass                  // A-Z and <
	fillerClass                  // only <
	sexClass                     // M F X <
)

// span is the half-open range [start, end) of one line.
type span struct{ line, start, end int }

// field is a part of an MRZ. Its name is the json name in Fields, a check
// name for check digit slots, or a private name for data Fields does not
// hold. Several fields may share a name: their text is joined.
type field struct {
	name  string
	class charClass
	slot  bool // a check digit slot rather than data
	span
}

// check is one check digit: the digit at (line, at) protects data.
type check struct {
	name     string
	data     []span
	line, at int
}

// Names of the internal fields.
const (
	nameField   = "name" // surname<<given names in one field
	fillerField = "filler"
	otherField  = "other" // parts Fields does not carry
	composite   = "composite"
)

// layout describes one MRZ format: line lengths, fields and check digits.
type layout struct {
	format  Format
	lengths []int
	fields  []field
	checks  []check
	// overflow is the start of the optional data into which a document
	// number longer than 9 characters continues (TD1, TD2); -1 if none.
	overflowLine, overflowAt int
	// accepts tells, from the first line, whether the document code
	// belongs to this layout.
	accepts func(first string) bool
	// at indexes fields by position.
	at [][]*field
}

func f(name string, class charClass, line, start, end int) field {
	return field{name: name, class: class, span: span{line, start, end}}
}

// digit is the check digit slot of the check called name.
func digit(name string, line, at int) field {
	fl := f(name, digitClass, line, at, at+1)
	fl.slot = true
	return fl
}

func newLayout(l layout) *layout {
	filler := &field{name: fillerField, class: fillerClass}
	l.at = make([][]*field, len(l.lengths))
	for i, n := range l.lengths {
		l.at[i] = make([]*field, n)
		for j := range n {
			l.at[i][j] = filler
		}
	}
	for k := range l.fields {
		fl := &l.fields[k]
		for j := fl.start; j < fl.end; j++ {
			l.at[fl.line][j] = fl
		}
	}
	if l.overflowLine == 0 && l.overflowAt == 0 {
		l.overflowLine = -1
	}
	return &l
}

func firstIs(c byte) func(string) bool {
	return func(s string) bool { return len(s) > 0 && s[0] == c }
}

func firstIsNot(c byte) func(string) bool {
	return func(s string) bool { return len(s) > 0 && s[0] != c }
}

// frenchIDCode tells the old French ID card (IDFRA...) from other 2x36
// documents.
func frenchIDCode(s string) bool {
	return len(s) >= 5 && s[:2] == "ID" && s[2:5] == "FRA"
}

// Line 1 of TD3 and MRV-A, and of TD2 and MRV-B: code, state, name.
func nameLine(width int) []field {
	return []field{
		f("document_code", letterClass, 0, 0, 2),
		f("issuing_state", letterClass, 0, 2, 5),
		f(nameField, letterClass, 0, 5, width),
	}
}

// The part of line 2 that TD3, TD2, MRV-A and MRV-B share.
func travelLine2() []field {
	return []field{
		f("document_number", anyClass, 1, 0, 9),
		digit("document_number", 1, 9),
		f("nationality", letterClass, 1, 10, 13),
		f("birth_date", digitClass, 1, 13, 19),
		digit("birth_date", 1, 19),
		f("sex", sexClass, 1, 20, 21),
		f("expiry_date", digitClass, 1, 21, 27),
		digit("expiry_date", 1, 27),
	}
}

func travelChecks() []check {
	return []check{
		{name: "document_number", data: []span{{1, 0, 9}}, line: 1, at: 9},
		{name: "birth_date", data: []span{{1, 13, 19}}, line: 1, at: 19},
		{name: "expiry_date", data: []span{{1, 21, 27}}, line: 1, at: 27},
	}
}

func join[T any](parts ...[]T) []T {
	var out []T
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	td3 = newLayout(layout{
		format:  TD3,
		lengths: []int{44, 44},
		accepts: firstIsNot('V'),
		fields: join(nameLine(44), travelLine2(), []field{
			f("optional_data", anyClass, 1, 28, 42),
			digit("optional_data", 1, 42),
			digit(composite, 1, 43),
		}),
		checks: join(travelChecks(), []check{
			{name: "optional_data", data: []span{{1, 28, 42}}, line: 1, at: 42},
			{name: composite, data: []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 43}}, line: 1, at: 43},
		}),
	})

	mrva = newLayout(layout{
		format:  MRVA,
		lengths: []int{44, 44},
		accepts: firstIs('V'),
		fields:  join(nameLine(44), travelLine2(), []field{f("optional_data", anyClass, 1, 28, 44)}),
		checks:  travelChecks(),
	})

	td2 = newLayout(layout{
		format:  TD2,
		lengths: []int{36, 36},
		accepts: func(s string) bool { return firstIsNot('V')(s) && !frenchIDCode(s) },
		fields: join(nameLine(36), travelLine2(), []field{
			f("optional_data", anyClass, 1, 28, 35),
			digit(composite, 1, 35),
		}),
		checks: join(travelChecks(), []check{
			{name: composite, data: []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 35}}, line: 1, at: 35},
		}),
		overflowLine: 1, overflowAt: 28,
	})

	mrvb = newLayout(layout{
		format:  MRVB,
		lengths: []int{36, 36},
		accepts: firstIs('V'),
		fields:  join(nameLine(36), travelLine2(), []field{f("optional_data", anyClass, 1, 28, 36)}),
		checks:  travelChecks(),
	})

	td1 = newLayout(layout{
		format:  TD1,
		lengths: []int{30, 30, 30},
		accepts: func(s string) bool { return len(s) >= 20 },
		fields: []field{
			f("document_code", letterClass, 0, 0, 2),
			f("issuing_state", letterClass, 0, 2, 5),
			f("document_number", anyClass, 0, 5, 14),
			digit("document_number", 0, 14),
			f("optional_data", anyClass, 0, 15, 30),
			f("birth_date", digitClass, 1, 0, 6),
			digit("birth_date", 1, 6),
			f("sex", sexClass, 1, 7, 8),
			f("expiry_date", digitClass, 1, 8, 14),
			digit("expiry_date", 1, 14),
			f("nationality", letterClass, 1, 15, 18),
			f("optional_data", anyClass, 1, 18, 29),
			digit(composite, 1, 29),
			f(nameField, letterClass, 2, 0, 30),
		},
		checks: []check{
			{name: "document_number", data: []span{{0, 5, 14}}, line: 0, at: 14},
			{name: "birth_date", data: []span{{1, 0, 6}}, line: 1, at: 6},
			{name: "expiry_date", data: []span{{1, 8, 14}}, line: 1, at: 14},
			{name: composite, data: []span{{0, 5, 30}, {1, 0, 7}, {1, 8, 15}, {1, 18, 29}}, line: 1, at: 29},
		},
		overflowLine: 0, overflowAt: 15,
	})

	// The French national ID card issued until 2021 (2x36, its own layout):
	// the 12-character card number starts with the issue year and month
	// and the issuing department.
	fraID = newLayout(layout{
		format:  FRAID,
		lengths: []int{36, 36},
		accepts: frenchIDCode,
		fields: []field{
			f("document_code", letterClass, 0, 0, 2),
			f("issuing_state", letterClass, 0, 2, 5),
			f("surname", letterClass, 0, 5, 30),
			f("optional_data", anyClass, 0, 30, 36),
			f("document_number", anyClass, 1, 0, 12),
			digit("document_number", 1, 12),
			f("given_names", letterClass, 1, 13, 27),
			f("birth_date", digitClass, 1, 27, 33),
			digit("birth_date", 1, 33),
			f("sex", sexClass, 1, 34, 35),
			digit(composite, 1, 35),
		},
		checks: []check{
			{name: "document_number", data: []span{{1, 0, 12}}, line: 1, at: 12},
			{name: "birth_date", data: []span{{1, 27, 33}}, line: 1, at: 33},
			{name: composite, data: []span{{0, 0, 36}, {1, 0, 35}}, line: 1, at: 35},
		},
	})

	// ISO 18013 driving licences: D, a BAP configuration character, the
	// issuing state, national data, and a check digit over the first 29.
	dlCode = []field{
		f("document_code", letterClass, 0, 0, 1),
		f("document_code", anyClass, 0, 1, 2),
		f("issuing_state", letterClass, 0, 2, 5),
	}
	dlComposite = check{name: composite, data: []span{{0, 0, 29}}, line: 0, at: 29}

	// French licence: number, its check digit (over the first 14
	// characters), expiry, the first 8 letters of the surname.
	dlFRA = newLayout(layout{
		format:  DLEU,
		lengths: []int{30},
		accepts: func(s string) bool { return len(s) >= 5 && s[0] == 'D' && s[2:5] == "FRA" },
		fields: join(dlCode, []field{
			f("document_number", anyClass, 0, 5, 14),
			digit("document_number", 0, 14),
			f("expiry_date", digitClass, 0, 15, 21),
			f("surname", letterClass, 0, 21, 29),
			digit(composite, 0, 29),
		}),
		checks: []check{
			{name: "document_number", data: []span{{0, 0, 14}}, line: 0, at: 14},
			dlComposite,
		},
	})

	// Dutch licence: a version character, the 10-digit licence number and
	// an opaque part.
	dlNLD = newLayout(layout{
		format:  DLEU,
		lengths: []int{30},
		accepts: func(s string) bool { return len(s) >= 5 && s[0] == 'D' && s[2:5] == "NLD" },
		fields: join(dlCode, []field{
			f(otherField, anyClass, 0, 5, 6),
			f("document_number", digitClass, 0, 6, 16),
			f("optional_data", anyClass, 0, 16, 29),
			digit(composite, 0, 29),
		}),
		checks: []check{dlComposite},
	})

	// Any other state's licence: only the frame is known.
	dlOther = newLayout(layout{
		format:  DLEU,
		lengths: []int{30},
		accepts: firstIs('D'),
		fields: join(dlCode, []field{
			f("optional_data", anyClass, 0, 5, 29),
			digit(composite, 0, 29),
		}),
		checks: []check{dlComposite},
	})

	// Swiss (and Liechtenstein) licence: 9+30+30 characters, no check
	// digits. Line 1: licence number (3 letters, 3 digits) and the
	// language letter; line 2: code FA, state, PIN and version, birth date.
	dlCHE = newLayout(layout{
		format:  DLCHE,
		lengths: []int{9, 30, 30},
		accepts: func(s string) bool { return len(s) < 20 },
		fields: []field{
			f("document_number", letterClass, 0, 0, 3),
			f("document_number", digitClass, 0, 3, 6),
			f("document_number", letterClass, 0, 6, 7),
			f("document_code", letterClass, 1, 0, 2),
			f("issuing_state", letterClass, 1, 2, 5),
			f("optional_data", digitClass, 1, 5, 17),
			f("birth_date", digitClass, 1, 19, 25),
			f(nameField, letterClass, 2, 0, 30),
		},
	})
)

// layoutsFor lists the layouts that n lines may be, most likely first.
func layoutsFor(n int) []*layout {
	switch n {
	case 1:
		return []*layout{dlFRA, dlNLD, dlOther}
	case 2:
		return []*layout{td3, mrva, td2, mrvb, fraID}
	case 3:
		return []*layout{td1, dlCHE}
	}
	return nil
}
