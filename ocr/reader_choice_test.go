package ocr

import "testing"

// TestTruerPrefersTheReadingParseDidNotCut: a German ID card's names
// line read with its background dots as 58 characters, cut down to a
// passport line whose unused optional data passes a fifth check on its
// fillers, against the same card read clean as the TD2 it is. Both are
// valid; the one Parse did not cut or pad is the truer, and only it
// settles the reading.
func TestTruerPrefersTheReadingParseDidNotCut(t *testing.T) {
	checks := func(n int) map[string]bool {
		m := map[string]bool{}
		for _, name := range []string{"document_number", "birth_date", "expiry_date", "composite", "optional_data"}[:n] {
			m[name] = true
		}
		return m
	}
	cut := Result{Found: true, Valid: true, Format: TD3, Checks: checks(5), Corrections: []Correction{
		{Line: 0, Col: 44, From: "R"}, {Line: 0, Col: 44, From: "<"}, {Line: 1, Col: 36, To: "<"},
	}}
	clean := Result{Found: true, Valid: true, Format: TD2, Checks: checks(4)}
	if !truer(clean, 0, cut, 100) || truer(cut, 100, clean, 0) {
		t.Error("the cut passport reading wins over the clean card")
	}
	if settled(cut) || !settled(clean) {
		t.Errorf("settled: cut %v, clean %v; want false, true", settled(cut), settled(clean))
	}
	invalid := Result{Found: true, Checks: checks(3)}
	if !truer(cut, 0, invalid, 100) {
		t.Error("an invalid reading wins over a valid one")
	}
	fewer := Result{Found: true, Checks: checks(2)}
	if !truer(invalid, 0, fewer, 100) || !truer(fewer, 90, Result{Found: true, Checks: checks(2)}, 80) {
		t.Error("between invalid readings, more checks, then surer glyphs, should win")
	}
}
