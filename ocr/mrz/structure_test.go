package mrz

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
