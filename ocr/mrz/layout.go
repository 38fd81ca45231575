package mrz

// Class is what a position of an MRZ may hold; it decides which OCR
// confusions can be undone without looking at check digits.
type Class uint8

const (
	AnyClass    Class = iota // A-Z 0-9 <, e.g. document numbers
	DigitClass               // 0-9, or < for unknown date parts and unused check digits
	LetterClass              // A-Z and <
	FillerClass              // only <
	SexClass                 // M F X <
)

// span is the half-open range [start, end) of one line.
type span struct{ line, start, end int }

// part is a part of an MRZ. Its name is the json name in Fields, a check
// name for check digit slots, or a private name for data Fields does not
// hold. Several fields may share a name: their text is joined.
type part struct {
	name  Field
	class Class
	slot  bool // a check digit slot rather than data
	span
}

// checkDef is one check digit: the digit at (line, at) protects data.
type checkDef struct {
	name     Field
	data     []span
	line, at int
}

// Names of the internal fields.
const (
	nameField   Field = "name" // surname<<given names in one field
	fillerField Field = "filler"
	otherField  Field = "other" // parts Fields does not carry
	composite   Field = "composite"
)

// layout describes one MRZ format: line lengths, fields and check digits.
type layout struct {
	format  Format
	lengths []int
	fields  []part
	checks  []checkDef
	// overflow is the start of the optional data into which a document
	// number longer than 9 characters continues (TD1, TD2); -1 if none.
	overflowLine, overflowAt int
	// accepts tells, from the first line, whether the document code
	// belongs to this layout.
	accepts func(first string) bool
	// at indexes fields by position.
	at [][]*part
	// bound are the checks as they apply without a long document number.
	bound []boundCheck
}

func fld(name Field, class Class, line, start, end int) part {
	return part{name: name, class: class, span: span{line, start, end}}
}

// checkSlot is the check digit slot of the check called name.
func checkSlot(name Field, line, at int) part {
	fl := fld(name, DigitClass, line, at, at+1)
	fl.slot = true
	return fl
}

func newLayout(l layout) *layout {
	filler := &part{name: fillerField, class: FillerClass}
	l.at = make([][]*part, len(l.lengths))
	for i, n := range l.lengths {
		l.at[i] = make([]*part, n)
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
	for _, c := range l.checks {
		l.bound = append(l.bound, boundCheck{name: c.name, variants: [][]span{c.data}, line: c.line, at: c.at})
	}
	if l.overflowLine == 0 && l.overflowAt == 0 {
		l.overflowLine = -1
	}
	return &l
}

func codeIs(c byte) func(string) bool {
	return func(s string) bool { return len(s) > 0 && s[0] == c }
}

// dlOpens tells whether c may open a driving licence's line: its D, or
// the 0 or O the model reads for it now and then, which fixClasses makes
// the D again.
func dlOpens(c byte) bool { return c == 'D' || c == '0' || c == 'O' }

func codeIsNot(c byte) func(string) bool {
	return func(s string) bool { return len(s) > 0 && s[0] != c }
}

// frenchIDCode tells the old French ID card (IDFRA...) from other 2x36
// documents.
func frenchIDCode(s string) bool {
	return len(s) >= 5 && s[:2] == "ID" && s[2:5] == "FRA"
}

// Line 1 of TD3 and MRV-A, and of TD2 and MRV-B: code, state, name.
func nameLineFields(width int) []part {
	return []part{
		fld(FieldDocumentCode, LetterClass, 0, 0, 2),
		fld(FieldIssuingState, LetterClass, 0, 2, 5),
		fld(nameField, LetterClass, 0, 5, width),
	}
}

// The part of line 2 that TD3, TD2, MRV-A and MRV-B share.
func travelLine2Fields() []part {
	return []part{
		fld(FieldDocumentNumber, AnyClass, 1, 0, 9),
		checkSlot(FieldDocumentNumber, 1, 9),
		fld(FieldNationality, LetterClass, 1, 10, 13),
		fld(FieldBirthDate, DigitClass, 1, 13, 19),
		checkSlot(FieldBirthDate, 1, 19),
		fld(FieldSex, SexClass, 1, 20, 21),
		fld(FieldExpiryDate, DigitClass, 1, 21, 27),
		checkSlot(FieldExpiryDate, 1, 27),
	}
}

func travelChecks() []checkDef {
	return []checkDef{
		{name: FieldDocumentNumber, data: []span{{1, 0, 9}}, line: 1, at: 9},
		{name: FieldBirthDate, data: []span{{1, 13, 19}}, line: 1, at: 19},
		{name: FieldExpiryDate, data: []span{{1, 21, 27}}, line: 1, at: 27},
	}
}

func concat[T any](parts ...[]T) []T {
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
		accepts: codeIsNot('V'),
		fields: concat(nameLineFields(44), travelLine2Fields(), []part{
			fld(FieldOptionalData, AnyClass, 1, 28, 42),
			checkSlot(FieldOptionalData, 1, 42),
			checkSlot(composite, 1, 43),
		}),
		checks: concat(travelChecks(), []checkDef{
			{name: FieldOptionalData, data: []span{{1, 28, 42}}, line: 1, at: 42},
			{name: composite, data: []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 43}}, line: 1, at: 43},
		}),
	})

	mrva = newLayout(layout{
		format:  MRVA,
		lengths: []int{44, 44},
		accepts: codeIs('V'),
		fields:  concat(nameLineFields(44), travelLine2Fields(), []part{fld(FieldOptionalData, AnyClass, 1, 28, 44)}),
		checks:  travelChecks(),
	})

	td2 = newLayout(layout{
		format:  TD2,
		lengths: []int{36, 36},
		accepts: func(s string) bool { return codeIsNot('V')(s) && !frenchIDCode(s) },
		fields: concat(nameLineFields(36), travelLine2Fields(), []part{
			fld(FieldOptionalData, AnyClass, 1, 28, 35),
			checkSlot(composite, 1, 35),
		}),
		checks: concat(travelChecks(), []checkDef{
			{name: composite, data: []span{{1, 0, 10}, {1, 13, 20}, {1, 21, 35}}, line: 1, at: 35},
		}),
		overflowLine: 1, overflowAt: 28,
	})

	mrvb = newLayout(layout{
		format:  MRVB,
		lengths: []int{36, 36},
		accepts: codeIs('V'),
		fields:  concat(nameLineFields(36), travelLine2Fields(), []part{fld(FieldOptionalData, AnyClass, 1, 28, 36)}),
		checks:  travelChecks(),
	})

	td1 = newLayout(layout{
		format:  TD1,
		lengths: []int{30, 30, 30},
		accepts: func(s string) bool { return len(s) >= 20 },
		fields: []part{
			// The second code character is the issuer's: US green
			// cards print C1.
			fld(FieldDocumentCode, LetterClass, 0, 0, 1),
			fld(FieldDocumentCode, AnyClass, 0, 1, 2),
			fld(FieldIssuingState, LetterClass, 0, 2, 5),
			fld(FieldDocumentNumber, AnyClass, 0, 5, 14),
			checkSlot(FieldDocumentNumber, 0, 14),
			fld(FieldOptionalData, AnyClass, 0, 15, 30),
			fld(FieldBirthDate, DigitClass, 1, 0, 6),
			checkSlot(FieldBirthDate, 1, 6),
			fld(FieldSex, SexClass, 1, 7, 8),
			fld(FieldExpiryDate, DigitClass, 1, 8, 14),
			checkSlot(FieldExpiryDate, 1, 14),
			fld(FieldNationality, LetterClass, 1, 15, 18),
			fld(FieldOptionalData, AnyClass, 1, 18, 29),
			checkSlot(composite, 1, 29),
			fld(nameField, LetterClass, 2, 0, 30),
		},
		checks: []checkDef{
			{name: FieldDocumentNumber, data: []span{{0, 5, 14}}, line: 0, at: 14},
			{name: FieldBirthDate, data: []span{{1, 0, 6}}, line: 1, at: 6},
			{name: FieldExpiryDate, data: []span{{1, 8, 14}}, line: 1, at: 14},
			{name: composite, data: []span{{0, 5, 30}, {1, 0, 7}, {1, 8, 15}, {1, 18, 29}}, line: 1, at: 29},
		},
		overflowLine: 0, overflowAt: 15,
	})

	// The French national ID card issued until 2021 (2x36, its own layout):
	// the 12-character card number is the issue year and month (digits),
	// the issuing department and office (2A and 2B are Corsica's) and a
	// 5-digit sequence.
	fraID = newLayout(layout{
		format:  FRAID,
		lengths: []int{36, 36},
		accepts: frenchIDCode,
		fields: []part{
			fld(FieldDocumentCode, LetterClass, 0, 0, 2),
			fld(FieldIssuingState, LetterClass, 0, 2, 5),
			fld(FieldSurname, LetterClass, 0, 5, 30),
			fld(FieldOptionalData, AnyClass, 0, 30, 36),
			fld(FieldDocumentNumber, DigitClass, 1, 0, 4),
			fld(FieldDocumentNumber, AnyClass, 1, 4, 7),
			fld(FieldDocumentNumber, DigitClass, 1, 7, 12),
			checkSlot(FieldDocumentNumber, 1, 12),
			fld(FieldGivenNames, LetterClass, 1, 13, 27),
			fld(FieldBirthDate, DigitClass, 1, 27, 33),
			checkSlot(FieldBirthDate, 1, 33),
			fld(FieldSex, SexClass, 1, 34, 35),
			checkSlot(composite, 1, 35),
		},
		checks: []checkDef{
			{name: FieldDocumentNumber, data: []span{{1, 0, 12}}, line: 1, at: 12},
			{name: FieldBirthDate, data: []span{{1, 27, 33}}, line: 1, at: 33},
			{name: composite, data: []span{{0, 0, 36}, {1, 0, 35}}, line: 1, at: 35},
		},
	})

	// ISO 18013 driving licences: D, a BAP configuration character, the
	// issuing state, national data, and a check digit over the first 29.
	dlCode = []part{
		fld(FieldDocumentCode, LetterClass, 0, 0, 1),
		fld(FieldDocumentCode, AnyClass, 0, 1, 2),
		fld(FieldIssuingState, LetterClass, 0, 2, 5),
	}
	dlComposite = checkDef{name: composite, data: []span{{0, 0, 29}}, line: 0, at: 29}

	// French licence: number, its check digit (over the first 14
	// characters), expiry, the first 8 letters of the surname.
	dlFRA = newLayout(layout{
		format:  DLEU,
		lengths: []int{30},
		accepts: func(s string) bool { return len(s) >= 5 && dlOpens(s[0]) && s[2:5] == "FRA" },
		fields: concat(dlCode, []part{
			fld(FieldDocumentNumber, AnyClass, 0, 5, 14),
			checkSlot(FieldDocumentNumber, 0, 14),
			fld(FieldExpiryDate, DigitClass, 0, 15, 21),
			fld(FieldSurname, LetterClass, 0, 21, 29),
			checkSlot(composite, 0, 29),
		}),
		checks: []checkDef{
			{name: FieldDocumentNumber, data: []span{{0, 0, 14}}, line: 0, at: 14},
			dlComposite,
		},
	})

	// Dutch licence: a version character, the 10-digit licence number and
	// an opaque part.
	dlNLD = newLayout(layout{
		format:  DLEU,
		lengths: []int{30},
		accepts: func(s string) bool { return len(s) >= 5 && dlOpens(s[0]) && s[2:5] == "NLD" },
		fields: concat(dlCode, []part{
			fld(otherField, AnyClass, 0, 5, 6),
			fld(FieldDocumentNumber, DigitClass, 0, 6, 16),
			fld(FieldOptionalData, AnyClass, 0, 16, 29),
			checkSlot(composite, 0, 29),
		}),
		checks: []checkDef{dlComposite},
	})

	// Any other state's licence: only the frame is known.
	dlOther = newLayout(layout{
		format:  DLEU,
		lengths: []int{30},
		accepts: func(s string) bool { return len(s) > 0 && dlOpens(s[0]) && !dlFRA.accepts(s) && !dlNLD.accepts(s) },
		fields: concat(dlCode, []part{
			fld(FieldOptionalData, AnyClass, 0, 5, 29),
			checkSlot(composite, 0, 29),
		}),
		checks: []checkDef{dlComposite},
	})

	// Swiss (and Liechtenstein) licence: 9+30+30 characters, no check
	// digits. Line 1: licence number (3 letters, 3 digits) and the
	// language letter; line 2: code FA, state, PIN and version, birth date.
	dlCHE = newLayout(layout{
		format:  DLCHE,
		lengths: []int{9, 30, 30},
		accepts: func(s string) bool { return len(s) < 20 },
		fields: []part{
			fld(FieldDocumentNumber, LetterClass, 0, 0, 3),
			fld(FieldDocumentNumber, DigitClass, 0, 3, 6),
			fld(FieldDocumentNumber, LetterClass, 0, 6, 7),
			fld(FieldDocumentCode, LetterClass, 1, 0, 2),
			fld(FieldIssuingState, LetterClass, 1, 2, 5),
			fld(FieldOptionalData, DigitClass, 1, 5, 17),
			fld(FieldBirthDate, DigitClass, 1, 19, 25),
			fld(nameField, LetterClass, 2, 0, 30),
		},
	})
)

// codeFiller tells whether the layout starts with a two-letter document
// code and the issuing state, where a one-letter code's filler (P<, I<)
// is often lost.
func (l *layout) codeFiller() bool {
	at := l.at[0]
	return l.format != DLEU && len(at) > 4 && at[1].name == FieldDocumentCode && at[2].name == FieldIssuingState
}

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
