package ocr

import (
	"slices"
	"testing"
	"time"
)

// readNow resolves the test MRZs' two-digit years.
var readNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

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

func TestReadingThatLeavesLinesOutIsNotValid(t *testing.T) {
	junk := withCheck(t, "D1FRA13AA000026181231MARTIN<<")
	text := []string{"I<UTOD23145890<7349<<<<<<<<<<", junk, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"}
	r := ParseAt(text, readNow)
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

func TestUnsureGlyphsPutTheirFieldInReview(t *testing.T) {
	r := Result{Valid: true, Review: []Field{FieldSurname},
		Confidence: map[Field]float64{FieldSurname: 40, FieldDocumentNumber: unsureConf - 1, FieldBirthDate: 95, "composite": 10}}
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
