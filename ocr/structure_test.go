package ocr

import (
	"slices"
	"testing"
)

// withCheck appends the check digit of s, so a test line passes its
// composite whatever it holds.
func withCheck(t *testing.T, s string) string {
	t.Helper()
	c, ok := CheckDigit(s)
	if !ok {
		t.Fatalf("no check digit for %q", s)
	}
	return s + string(c)
}

func TestValidMeansTheStructureHolds(t *testing.T) {
	for _, tt := range []struct {
		name   string
		lines  []string
		broken Field
	}{
		// The junk: a line of guilloche read as a licence whose
		// composite passes by chance.
		{"licence without its BAP digit", []string{withCheck(t, "DDDDDDDDDDAYIYWN3IDAIISGDD22J")}, FieldDocumentCode},
		{"licence with another BAP configuration", []string{withCheck(t, "D5SSD55555555559582L00L0I5500")}, FieldDocumentCode},
		{"licence of no state", []string{withCheck(t, "D1QQQ13AA000026181231MARTIN<<")}, FieldIssuingState},
		{"passport code on a card", []string{"P<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"}, FieldDocumentCode},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseAt(tt.lines, parseNow)
			if !r.Found || r.Valid {
				t.Fatalf("found=%v valid=%v lines %q", r.Found, r.Valid, r.Lines)
			}
			if !slices.Contains(r.Review, tt.broken) {
				t.Errorf("review %v lacks %s", r.Review, tt.broken)
			}
		})
	}
}

func TestValidStructureStaysValid(t *testing.T) {
	for _, lines := range [][]string{
		{"P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4"},
		{"D1FRA13AA000026181231MARTIN<<9"},
		{"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"},
	} {
		if r := ParseAt(lines, parseNow); !r.Valid {
			t.Errorf("%q: not valid, checks %v review %v", lines, r.Checks, r.Review)
		}
	}
}

func TestReadingThatLeavesLinesOutIsNotValid(t *testing.T) {
	junk := withCheck(t, "D1FRA13AA000026181231MARTIN<<")
	text := []string{"I<UTOD23145890<7349<<<<<<<<<<", junk, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"}
	r := ParseAt(text, parseNow)
	if !r.Valid || len(r.Lines) != 1 {
		t.Fatalf("Parse: valid=%v lines %q; the test wants a valid licence from one line of three", r.Valid, r.Lines)
	}
	if unexplained(r, text).Valid {
		t.Error("a licence from one line of a three-line block is valid")
	}
	if !unexplained(r, []string{"", junk, " "}).Valid {
		t.Error("lines that read as nothing made the licence invalid")
	}
}

func TestIssuersCodeCharacterIsReviewed(t *testing.T) {
	// ID read as IP passes every check: the second character is the
	// issuer's and no check digit covers it.
	r := ParseAt([]string{"IPUTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"}, parseNow)
	if !r.Valid || !slices.Contains(r.Review, FieldDocumentCode) {
		t.Errorf("IP: valid=%v review %v", r.Valid, r.Review)
	}
	r = ParseAt([]string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}, parseNow)
	if slices.Contains(r.Review, FieldDocumentCode) {
		t.Errorf("P<: review %v", r.Review)
	}
}

func TestUnsureGlyphsPutTheirFieldInReview(t *testing.T) {
	r := Result{Valid: true, Review: []Field{FieldSurname},
		Confidence: map[Field]float64{FieldSurname: 40, FieldDocumentNumber: unsureConf - 1, FieldBirthDate: 95, composite: 10}}
	got := flagUnsure(r).Review
	if !slices.Equal(got, []Field{FieldSurname, FieldDocumentNumber}) {
		t.Errorf("review %v, want surname and document_number in that order", got)
	}
}

// TestUnsureCodesPutTheirFieldInReview: a country code, which only the
// list of codes confirms, needs a surer glyph (codeConf) than a field
// a check digit covers (unsureConf).
func TestUnsureCodesPutTheirFieldInReview(t *testing.T) {
	for _, tc := range []struct {
		field  Field
		conf   float64
		review bool
	}{
		{FieldNationality, codeConf - 1, true},
		{FieldIssuingState, codeConf - 0.5, true},
		{FieldIssuingState, codeConf, false},
		{FieldNationality, 95, false},
		{FieldDocumentNumber, codeConf - 1, false},
		{FieldBirthDate, unsureConf - 1, true},
	} {
		r := Result{Valid: true, Confidence: map[Field]float64{tc.field: tc.conf}}
		if got := slices.Contains(flagUnsure(r).Review, tc.field); got != tc.review {
			t.Errorf("%s at %.1f: in review %v, want %v", tc.field, tc.conf, got, tc.review)
		}
	}
}
