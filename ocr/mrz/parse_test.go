package mrz

import (
	"slices"
	"testing"
	"time"
)

// now is the fixed "today" of the tests.
var parseNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func TestParseSpecimens(t *testing.T) {
	tests := []struct {
		name   string
		lines  []string
		format Format
		valid  bool
		checks []string // names of the checks expected to pass
		fields Fields
	}{
		{
			name:   "ICAO TD3 passport",
			lines:  []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"},
			format: TD3, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "optional_data", "composite"},
			fields: Fields{DocumentCode: "P", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
				DocumentNumber: "L898902C3", Nationality: "UTO", BirthDate: "1974-08-12", Sex: "F",
				ExpiryDate: "2012-04-15", OptionalData: "ZE184226B"},
		},
		{
			name:   "German passport with D<< and no optional data",
			lines:  []string{"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C01X00T478D<<6408125F3101012<<<<<<<<<<<<<<<6"},
			format: TD3, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "optional_data", "composite"},
			fields: Fields{DocumentCode: "P", IssuingState: "D", Surname: "MUSTERMANN", GivenNames: "ERIKA",
				DocumentNumber: "C01X00T47", Nationality: "D", BirthDate: "1964-08-12", Sex: "F",
				ExpiryDate: "2031-01-01"},
		},
		{
			name:   "TD3 with unspecified sex and a leap-day birth",
			lines:  []string{"P<BELPEETERS<<AN<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "EH12345677BEL0402291<300303585073003328<<<92"},
			format: TD3, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "optional_data", "composite"},
			fields: Fields{DocumentCode: "P", IssuingState: "BEL", Surname: "PEETERS", GivenNames: "AN",
				DocumentNumber: "EH1234567", Nationality: "BEL", BirthDate: "2004-02-29", Sex: "X",
				ExpiryDate: "2030-03-03", OptionalData: "85073003328"},
		},
		{
			name: "ICAO TD1 card",
			lines: []string{"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
				"ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
			format: TD1, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "composite"},
			fields: Fields{DocumentCode: "I", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
				DocumentNumber: "D23145890", Nationality: "UTO", BirthDate: "1974-08-12", Sex: "F",
				ExpiryDate: "2012-04-15"},
		},
		{
			name: "TD1 long document number, check without the filler",
			lines: []string{"I<UTOD23145890<7349<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
				"ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
			format: TD1, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "composite"},
			fields: Fields{DocumentCode: "I", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
				DocumentNumber: "D23145890734", Nationality: "UTO", BirthDate: "1974-08-12", Sex: "F",
				ExpiryDate: "2012-04-15"},
		},
		{
			name: "Belgian card, long number, check only with the filler",
			lines: []string{"IDBEL592123456<7815<<<<<<<<<<<", "9001011M3001019BEL900101123456",
				"DUPONT<<JEAN<LUC<<<<<<<<<<<<<<"},
			format: TD1, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "composite"},
			fields: Fields{DocumentCode: "ID", IssuingState: "BEL", Surname: "DUPONT", GivenNames: "JEAN LUC",
				DocumentNumber: "592123456781", Nationality: "BEL", BirthDate: "1990-01-01", Sex: "M",
				ExpiryDate: "2030-01-01", OptionalData: "90010112345"},
		},
		{
			name: "Belgian card, long number, check only without the filler",
			lines: []string{"IDBEL592123456<7813<<<<<<<<<<<", "9001011M3001019BEL900101123450",
				"DUPONT<<JEAN<LUC<<<<<<<<<<<<<<"},
			format: TD1, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "composite"},
			fields: Fields{DocumentCode: "ID", IssuingState: "BEL", Surname: "DUPONT", GivenNames: "JEAN LUC",
				DocumentNumber: "592123456781", Nationality: "BEL", BirthDate: "1990-01-01", Sex: "M",
				ExpiryDate: "2030-01-01", OptionalData: "90010112345"},
		},
		{
			name:   "ICAO TD2",
			lines:  []string{"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"},
			format: TD2, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "composite"},
			fields: Fields{DocumentCode: "I", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
				DocumentNumber: "D23145890", Nationality: "UTO", BirthDate: "1974-08-12", Sex: "F",
				ExpiryDate: "2012-04-15"},
		},
		{
			name:   "TD2 long document number",
			lines:  []string{"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D23145890<UTO7408122F12041597349<<<2"},
			format: TD2, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date", "composite"},
			fields: Fields{DocumentCode: "I", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
				DocumentNumber: "D23145890734", Nationality: "UTO", BirthDate: "1974-08-12", Sex: "F",
				ExpiryDate: "2012-04-15"},
		},
		{
			name:   "ICAO MRV-A visa",
			lines:  []string{"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"},
			format: MRVA, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date"},
			fields: Fields{DocumentCode: "V", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
				DocumentNumber: "L8988901C", Nationality: "XXX", BirthDate: "1940-09-07", Sex: "F",
				ExpiryDate: "1996-12-10", OptionalData: "6ZE184226B"},
		},
		{
			name:   "ICAO MRV-B visa",
			lines:  []string{"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"},
			format: MRVB, valid: true,
			checks: []string{"document_number", "birth_date", "expiry_date"},
			fields: Fields{DocumentCode: "V", IssuingState: "UTO", Surname: "ERIKSSON", GivenNames: "ANNA MARIA",
				DocumentNumber: "L8988901C", Nationality: "XXX", BirthDate: "1940-09-07", Sex: "F",
				ExpiryDate: "1996-12-10"},
		},
		{
			name:   "old French ID card",
			lines:  []string{"IDFRABERTHIER<<<<<<<<<<<<<<<<<932052", "8806923102858CORINNE<<<<<<<6507028F7"},
			format: FRAID, valid: true,
			checks: []string{"document_number", "birth_date", "composite"},
			fields: Fields{DocumentCode: "ID", IssuingState: "FRA", Surname: "BERTHIER", GivenNames: "CORINNE",
				DocumentNumber: "880692310285", BirthDate: "1965-07-02", Sex: "F", OptionalData: "932052"},
		},
		{
			name:   "French driving licence",
			lines:  []string{"D1FRA13AA000026181231MARTIN<<9"},
			format: DLEU, valid: true,
			checks: []string{"document_number", "composite"},
			fields: Fields{DocumentCode: "D1", IssuingState: "FRA", Surname: "MARTIN",
				DocumentNumber: "13AA00002", ExpiryDate: "2018-12-31"},
		},
		{
			name:   "Dutch driving licence",
			lines:  []string{"D1NLD15094962111659VW87Z78NB84"},
			format: DLEU, valid: true,
			checks: []string{"composite"},
			fields: Fields{DocumentCode: "D1", IssuingState: "NLD", DocumentNumber: "5094962111",
				OptionalData: "659VW87Z78NB8"},
		},
		{
			name:   "Swiss driving licence has no check digits, so is never valid",
			lines:  []string{"AAA001D<<", "FACHE305142128097<<800126<<<<<", "MARCHAND<<FABIENNE<<<<<<<<<<<<"},
			format: DLCHE, valid: false,
			fields: Fields{DocumentCode: "FA", IssuingState: "CHE", Surname: "MARCHAND", GivenNames: "FABIENNE",
				DocumentNumber: "AAA001D", BirthDate: "1980-01-26", OptionalData: "305142128097"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseAt(tt.lines, parseNow)
			if !r.Found || r.Format != tt.format || r.Valid != tt.valid {
				t.Fatalf("found=%v format=%s valid=%v checks=%v, want %s valid=%v", r.Found, r.Format, r.Valid, r.Checks, tt.format, tt.valid)
			}
			if r.Fields != tt.fields {
				t.Errorf("fields\n got %+v\nwant %+v", r.Fields, tt.fields)
			}
			if len(r.Checks) != len(tt.checks) {
				t.Errorf("checks %v, want %v", r.Checks, tt.checks)
			}
			for _, c := range tt.checks {
				if !r.Checks[c] {
					t.Errorf("check %s failed: %v", c, r.Checks)
				}
			}
			if len(r.Corrections) != 0 {
				t.Errorf("corrections on a clean MRZ: %+v", r.Corrections)
			}
			if !slices.Equal(r.Lines, tt.lines) || !slices.Equal(r.RawLines, tt.lines) {
				t.Errorf("lines %q raw %q, want %q", r.Lines, r.RawLines, tt.lines)
			}
			namesUnprotected := tt.format != FRAID && tt.format != DLEU
			if tt.fields.Surname != "" && namesUnprotected && !slices.Contains(r.Review, "surname") {
				t.Errorf("review %v lacks the unprotected surname", r.Review)
			}
		})
	}
}

func TestParseInvalidCheckDigits(t *testing.T) {
	// The birth date check digit 2 became 3: digits are never confused
	// with each other, so nothing may be repaired.
	r := ParseAt([]string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408123F1204159ZE184226B<<<<<10"}, parseNow)
	if !r.Found || r.Valid {
		t.Fatalf("found=%v valid=%v", r.Found, r.Valid)
	}
	if r.Checks["birth_date"] || r.Checks["composite"] || !r.Checks["document_number"] || !r.Checks["expiry_date"] {
		t.Errorf("checks %v", r.Checks)
	}
	if len(r.Corrections) != 0 {
		t.Errorf("corrections %+v", r.Corrections)
	}
	if !slices.Contains(r.Review, "birth_date") {
		t.Errorf("review %v lacks birth_date", r.Review)
	}
}

func TestParseDistinguishesFormatsByCode(t *testing.T) {
	tests := []struct {
		lines []string
		want  Format
	}{
		{[]string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}, TD3},
		{[]string{"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"}, MRVA},
		{[]string{"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"}, TD2},
		{[]string{"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"}, MRVB},
		{[]string{"IDFRABERTHIER<<<<<<<<<<<<<<<<<932052", "8806923102858CORINNE<<<<<<<6507028F7"}, FRAID},
	}
	for _, tt := range tests {
		if got := ParseAt(tt.lines, parseNow).Format; got != tt.want {
			t.Errorf("%q: format %s, want %s", tt.lines[0], got, tt.want)
		}
	}
}

func TestParseNoMRZ(t *testing.T) {
	for _, lines := range [][]string{nil, {}, {"", "  "}, {"hello world"}, {"P<UTO"}} {
		r := ParseAt(lines, parseNow)
		if r.Found || r.Valid {
			t.Errorf("%q: found=%v valid=%v", lines, r.Found, r.Valid)
		}
		if !slices.Equal(r.RawLines, lines) {
			t.Errorf("%q: raw lines %q", lines, r.RawLines)
		}
	}
	r := ParseAt([]string{"hello world"}, parseNow)
	if !slices.Equal(r.Lines, []string{"HELLOWORLD"}) {
		t.Errorf("lines %q, want the normalised text", r.Lines)
	}
}

func TestParseNormalises(t *testing.T) {
	r := ParseAt([]string{"  p<uto eriksson<<anna<maria<<<<<<<<<<<<<<<<<<<\r", "", "L898902C36UTO7408122F1204159ZE184226B«««««10"}, parseNow)
	if !r.Valid || r.Format != TD3 || r.Fields.Surname != "ERIKSSON" {
		t.Fatalf("valid=%v format=%s fields=%+v", r.Valid, r.Format, r.Fields)
	}
	if len(r.Corrections) != 0 {
		t.Errorf("normalisation counted as corrections: %+v", r.Corrections)
	}
}

func TestParseSkipsStrayLines(t *testing.T) {
	r := ParseAt([]string{"REPUBLIC OF UTOPIA", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10", "4"}, parseNow)
	if !r.Valid || r.Format != TD3 || len(r.Lines) != 2 {
		t.Fatalf("valid=%v format=%s lines=%q", r.Valid, r.Format, r.Lines)
	}
}

func TestParseSplitsJoinedLines(t *testing.T) {
	tests := []struct {
		in    string
		lines int
	}{{td3Name + td3Data, 2}, {td1Doc + td1Data + td1Name, 3}, {td3Name + " " + td3Data, 2}}
	for _, tt := range tests {
		if r := ParseAt([]string{tt.in}, parseNow); !r.Valid || len(r.Lines) != tt.lines || r.Fields.Surname != "ERIKSSON" {
			t.Errorf("%q: valid=%v lines=%q", tt.in, r.Valid, r.Lines)
		}
	}
}

func TestParseReversedLines(t *testing.T) {
	for _, lines := range [][]string{{td3Data, td3Name}, {td1Name, td1Data, td1Doc}} {
		r := ParseAt(lines, parseNow)
		want := slices.Clone(lines)
		slices.Reverse(want)
		if !r.Valid || !slices.Equal(r.Lines, want) || !slices.Equal(r.RawLines, lines) {
			t.Errorf("%q: valid=%v lines=%q", lines, r.Valid, r.Lines)
		}
	}
}

// TestParseTakesTheCodeLineFirst: a Maltese ID card specimen whose check
// digits fail in every order. Read from its name line, it would be a
// TD1 of code SP and state ITE, failing no more checks; ICAO opens a TD1
// code with A, C or I, so its ID line comes first.
func TestParseTakesTheCodeLineFirst(t *testing.T) {
	lines := []string{"SPITERI<MANDY<<<<<<<<<<<<<<<<<", "7309258F0810245MLT0310240<<<<5", "IDMLT9999999<<3<9999999M<999<<"}
	r := ParseAt(lines, parseNow)
	if r.Fields.DocumentCode != "ID" || r.Fields.Surname != "SPITERI MANDY" {
		t.Errorf("code %q, surname %q, lines %q: want ID, SPITERI MANDY", r.Fields.DocumentCode, r.Fields.Surname, r.Lines)
	}
}

func TestParseUnspecifiedSexReadAsK(t *testing.T) {
	r := ParseAt([]string{td3Name, "L898902C36UTO7408122K1204159ZE184226B<<<<<10"}, parseNow)
	if r.Fields.Sex != "X" || len(r.Corrections) != 1 || !slices.Contains(r.Review, "sex") {
		t.Errorf("sex=%q corrections=%v review=%v", r.Fields.Sex, r.Corrections, r.Review)
	}
}

func TestParseText(t *testing.T) {
	text := "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n\n \n" +
		"I<UTOD231458907<<<<<<<<<<<<<<<\r\n7408122F1204159UTO<<<<<<<<<<<6\r\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n"
	rs := ParseTextAt(text, parseNow)
	if len(rs) != 2 || rs[0].Format != TD3 || rs[1].Format != TD1 || !rs[0].Valid || !rs[1].Valid {
		t.Fatalf("results %+v", rs)
	}
	if len(ParseText("\n\n")) != 0 {
		t.Error("blank text gave results")
	}
}

// A name line whose << separator was read as ZZ puts every name in the
// surname and leaves the given names empty: valid by every check, so
// the empty given names must be in review, not taken as none.
func TestParseFlagsEmptyGivenNames(t *testing.T) {
	r := ParseAt([]string{"P<UTOERIKSSONZZANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}, parseNow)
	if !r.Valid || r.Fields.GivenNames != "" || !slices.Contains(r.Review, FieldGivenNames) {
		t.Errorf("valid=%v given names %q, review %v: want valid, none, in review", r.Valid, r.Fields.GivenNames, r.Review)
	}
}

// An 8 read as S changes no check digit (S counts 28, 8 counts 8; G
// and 6 are alike): among digits an S puts its field in review, the 8
// as printed does not.
func TestParseFlagsLettersThatWeighAsDigits(t *testing.T) {
	for _, c := range []struct {
		number string
		review bool
	}{
		{"UBS364155", true},
		{"UB8364155", false},
	} {
		lines := []string{"I<UTOVAN<DEN<BERG<<ZSOFIA<<<<<<<<<<<", c.number + "1MAR9603116M3511026<<<<<<<0"}
		r := ParseAt(lines, parseNow)
		if !r.Valid || r.Fields.DocumentNumber != c.number || slices.Contains(r.Review, FieldDocumentNumber) != c.review {
			t.Errorf("%s: valid=%v number %q review %v: want valid, the number as read, in review %v", c.number, r.Valid, r.Fields.DocumentNumber, r.Review, c.review)
		}
	}
}

// The model reads a driving licence's opening D as 0 now and then (a
// generated French licence on an A4 page: `01FRAP478236A41280505PAPADOP00`),
// and the line was not known for a licence. It is, with the D put back
// and the document code in review; a line that only opens like one is
// not made valid by it.
func TestParseLicenceOpenedWithZero(t *testing.T) {
	for _, c := range []struct {
		line  string
		valid bool
	}{
		{"01FRAP478236A41280505PAPADOP00", true},
		{"O1FRA13AA000026181231MARTIN<<9", true},
		{"01NLD15094962111659VW87Z78NB84", true},
		{"01FRAP478236A41280505PAPADOP01", false}, // its composite fails
		{"04FRAP478236A41280505PAPADOP00", false}, // no BAP character 1
	} {
		r := ParseAt([]string{c.line}, parseNow)
		if c.valid && (!r.Valid || r.Format != DLEU || r.Fields.DocumentCode != "D1" || !slices.Contains(r.Review, FieldDocumentCode)) {
			t.Errorf("%s: valid=%v format %q code %q review %v: want a valid licence, D1, its code in review", c.line, r.Valid, r.Format, r.Fields.DocumentCode, r.Review)
		}
		if !c.valid && r.Valid {
			t.Errorf("%s: read valid as %q, want not valid", c.line, r.Lines)
		}
	}
}
