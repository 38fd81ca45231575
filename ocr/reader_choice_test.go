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

// TestTruerPrefersFillersBetweenInvalidReadings: a visa specimen whose
// printed check digits fail (so no reading of it is valid) read the
// right way up, and the same block read upside down, where the fillers
// come out as D and the junk passes more check digits by chance. The
// reading with fillers is the MRZ.
func TestTruerPrefersFillersBetweenInvalidReadings(t *testing.T) {
	upright := Result{Found: true, Format: MRVA, Checks: map[string]bool{"document_number": true},
		RawLines: []string{"VRUTTER<<PETER<UILL98M<<<<<<<<<<<<<<<<<<<<<2", "304286365<<<3GBR0402660M<<<<<<<<<0DBA39791<5"}}
	flipped := Result{Found: true, Format: MRVA, Checks: map[string]bool{"document_number": true, "birth_date": true, "expiry_date": true},
		RawLines: []string{"55L6Z6EVGGODDDDDDDPDH099209088555555959829035", "2DDDDDPDPDDDDDDDDDDPDDWS611I0DHSMLEW<DDH2LLRHA"}}
	if !truer(upright, 0, flipped, 100) || truer(flipped, 100, upright, 0) {
		t.Error("the upside-down junk wins over the reading with fillers")
	}
	valid := Result{Found: true, Valid: true, Format: MRVA, RawLines: []string{"PDDDDDDD", "DDDD"}}
	if !truer(valid, 0, upright, 100) {
		t.Error("fillers outweigh validity")
	}
}
