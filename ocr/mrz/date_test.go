package mrz

import (
	"slices"
	"testing"
	"time"
)

func TestBirthDate(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		raw, want string
		ok        bool
	}{
		{"740812", "1974-08-12", true},
		{"260601", "2026-06-01", true}, // born today
		{"260602", "1926-06-02", true}, // tomorrow in 2026 is impossible
		{"001231", "2000-12-31", true},
		{"040229", "2004-02-29", true},
		{"050229", "050229", false}, // no 29 February in 2005
		{"741301", "741301", false},
		{"740800", "740800", false},
		{"74<<<<", "74<<<<", true}, // unknown month and day
		{"7408<<", "7408<<", true},
		{"74XX12", "74XX12", true},
		{"74O812", "74O812", false},
		{"7408", "7408", false},
	}
	for _, tt := range tests {
		got, ok := birthDate(tt.raw, at)
		if got != tt.want || ok != tt.ok {
			t.Errorf("birthDate(%q) = %q, %v; want %q, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}

func TestExpiryDate(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct{ raw, want string }{
		{"120415", "2012-04-15"},
		{"360101", "2036-01-01"},
		{"461231", "2046-12-31"}, // 20 years ahead
		{"470101", "1947-01-01"},
		{"961210", "1996-12-10"},
	}
	for _, tt := range tests {
		if got, ok := expiryDate(tt.raw, at); got != tt.want || !ok {
			t.Errorf("expiryDate(%q) = %q, %v; want %q", tt.raw, got, ok, tt.want)
		}
	}
}

func TestParseResolvesCenturyFromNow(t *testing.T) {
	lines := []string{td3Name, td3Data}
	if got := ParseAt(lines, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).Fields.ExpiryDate; got != "2012-04-15" {
		t.Errorf("expiry seen from 2000: %s", got)
	}
	if got := ParseAt(lines, time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)).Fields.ExpiryDate; got != "1912-04-15" {
		t.Errorf("expiry seen from 1990, more than 20 years ahead: %s", got)
	}
	if got := ParseAt(lines, time.Date(2075, 1, 1, 0, 0, 0, 0, time.UTC)).Fields.BirthDate; got != "2074-08-12" {
		t.Errorf("birth seen from 2075: %s", got)
	}
}

func TestParseFlagsImpossibleDates(t *testing.T) {
	// 2005-02-29 does not exist, though its check digit is right: not
	// valid.
	r := ParseAt([]string{"P<BELPEETERS<<AN<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "EH12345677BEL0502294<300303585073003328<<<92"}, parseNow)
	if r.Valid || r.ChecksPassed() != len(r.Checks) || r.Fields.BirthDate != "050229" {
		t.Fatalf("valid=%v birth=%q", r.Valid, r.Fields.BirthDate)
	}
	if !slices.Contains(r.Review, "birth_date") {
		t.Errorf("review %v lacks birth_date", r.Review)
	}
}
