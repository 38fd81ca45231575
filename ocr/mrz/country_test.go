package mrz

import (
	"slices"
	"testing"
)

func TestKnownCountry(t *testing.T) {
	for _, c := range []string{"BEL", "NLD", "FRA", "D", "UTO", "XXA", "XXB", "XXC", "XXX", "RKS", "XXK", "EUE", "UNO", "GBD", "ZWE"} {
		if !knownCountry(c) {
			t.Errorf("%s unknown", c)
		}
	}
	for _, c := range []string{"DEU<", "D<<", "", "ABC", "UK", "GER", "XYZ"} {
		if knownCountry(c) {
			t.Errorf("%q known", c)
		}
	}
	if len(iso3166Alpha3) != 249 {
		t.Errorf("%d ISO codes, want 249", len(iso3166Alpha3))
	}
}

func TestParseReviewsUnknownCountry(t *testing.T) {
	// ABC is no country; the check digits do not cover it, and pass: the
	// MRZ is not valid all the same, as its structure does not hold.
	r := ParseAt([]string{"P<ABCERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"}, parseNow)
	if r.Valid || r.ChecksPassed() != len(r.Checks) || r.Fields.IssuingState != "ABC" {
		t.Fatalf("valid=%v state=%q", r.Valid, r.Fields.IssuingState)
	}
	if !slices.Contains(r.Review, "issuing_state") || slices.Contains(r.Review, "nationality") {
		t.Errorf("review %v", r.Review)
	}
}
