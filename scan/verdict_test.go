package scan

import (
	"testing"
)

// measuredPage is what Check measures on a page of kind with the image
// checks given (others ok) and the MRZ reader's outcome.
func measuredPage(kind Kind, state mrzState, flags ...Check) Report {
	checks := []Check{
		{Name: "blank", Level: OK}, {Name: "edges", Level: OK}, {Name: "resolution", Level: OK},
		{Name: "sharpness", Level: OK}, {Name: "exposure", Level: OK}, {Name: "contrast", Level: OK}, {Name: "glare", Level: OK},
	}
	for _, f := range flags {
		for i := range checks {
			if checks[i].Name == f.Name {
				checks[i] = f
			}
		}
	}
	return Report{Document: Document{Found: true, Kind: kind}, measured: checks, mrz: mrzOutcome{state: state, format: "TD3"}}
}

func checkNamed(r Report, name string) Check {
	for _, c := range r.Checks {
		if c.Name == name {
			return c
		}
	}
	return Check{}
}

var (
	darkBlock   = Check{Name: "exposure", Level: Block, Message: "scan.quality.exposure.dark_block", severity: 1.2}
	blurWarn    = Check{Name: "sharpness", Level: Warn, Message: "scan.quality.sharpness.warn", severity: 0.8}
	darkWarn    = Check{Name: "exposure", Level: Warn, Message: "scan.quality.exposure.dark_warn", severity: 0.3}
	touchesWarn = Check{Name: "edges", Level: Warn, Message: "scan.quality.edges.warn", severity: informational}
	unknownDPI  = Check{Name: "resolution", Level: Warn, Message: "scan.quality.resolution.unknown", severity: informational}
)

func TestVerdictFollowsTheMRZ(t *testing.T) {
	for _, c := range []struct {
		name    string
		page    Report
		level   Level
		check   string // the check that must be at level (besides mrz)
		message string // of that check
		mrz     string // the MRZ check's message
	}{
		{"a dark photo whose MRZ reads is not blocked", measuredPage(KindPassport, mrzRead, darkBlock),
			Warn, "exposure", "scan.quality.exposure.dark_warn", "scan.quality.mrz.ok"},
		{"a blurred page whose MRZ cannot be found is blocked for blur",
			measuredPage(KindUnknown, mrzMissing, blurWarn, darkWarn, unknownDPI),
			Block, "sharpness", "scan.quality.sharpness.block", "scan.quality.mrz.unreadable_sharpness"},
		{"a dim page read with failing check digits is blocked for the light",
			measuredPage(KindPassport, mrzInvalid, darkWarn),
			Block, "exposure", "scan.quality.exposure.dark_block", "scan.quality.mrz.unreadable_exposure"},
		{"a clean page read with failing check digits, alone, is blocked", measuredPage(KindPassport, mrzInvalid),
			Block, "mrz", "scan.quality.mrz.invalid", "scan.quality.mrz.invalid"},
		{"a blurred card side without an MRZ is blocked for its blur", measuredPage(KindCard, mrzMissing, blurWarn),
			Block, "sharpness", "scan.quality.sharpness.block", "scan.quality.mrz.unreadable_sharpness"},
		{"a clean passport page without an MRZ, alone, is blocked", measuredPage(KindPassport, mrzMissing),
			Block, "mrz", "scan.quality.mrz.missing", "scan.quality.mrz.missing"},
		{"a card side without an MRZ, alone, needs the other side", measuredPage(KindCard, mrzMissing, touchesWarn),
			Block, "mrz", "scan.quality.mrz.other_side", "scan.quality.mrz.other_side"},
		{"a passport page at the edge without an MRZ is cut off", measuredPage(KindPassport, mrzMissing, touchesWarn),
			Block, "edges", "scan.quality.edges.block", "scan.quality.mrz.unreadable_edges"},
		{"an unknown resolution explains nothing", measuredPage(KindUnknown, mrzMissing, unknownDPI),
			Block, "mrz", "scan.quality.mrz.missing", "scan.quality.mrz.missing"},
		{"without a reader the image checks decide", measuredPage(KindPassport, mrzSkipped, darkBlock),
			Block, "exposure", "scan.quality.exposure.dark_block", "scan.quality.mrz.skipped"},
	} {
		r := Judge([]Report{c.page})[0]
		if got := r.Level(); got != c.level {
			t.Errorf("%s: level %s, want %s: %+v", c.name, got, c.level, r.Checks)
		}
		if got := checkNamed(r, c.check); got.Level != c.level || got.Message != c.message {
			t.Errorf("%s: %s is %s %q, want %s %q", c.name, c.check, got.Level, got.Message, c.level, c.message)
		}
		if got := checkNamed(r, "mrz").Message; got != c.mrz {
			t.Errorf("%s: mrz %q, want %q", c.name, got, c.mrz)
		}
	}
}

// The other pages of a passport (visa sticker, observations, signature)
// need no MRZ once the data page's is read; alone, such a page is blocked.
func TestOtherPagesNeedNoMRZ(t *testing.T) {
	data := measuredPage(KindPassport, mrzRead)
	signature := measuredPage(KindPassport, mrzMissing)
	blurred := measuredPage(KindPassport, mrzMissing, blurWarn)
	got := Judge([]Report{data, signature, blurred})
	if got[0].Level() != OK || got[1].Level() != OK || checkNamed(got[1], "mrz").Message != "scan.quality.mrz.other_page" {
		t.Errorf("data page %s, signature page %s: %+v", got[0].Level(), got[1].Level(), got[1].Checks)
	}
	// Judged on its readability alone: a warning stays a warning.
	if got[2].Level() != Warn || checkNamed(got[2], "sharpness").Level != Warn {
		t.Errorf("blurred other page: %+v", got[2].Checks)
	}
	if alone := Judge([]Report{signature})[0]; alone.Level() != Block {
		t.Errorf("a passport page without an MRZ, alone: %s", alone.Level())
	}
	// Judging again changes nothing.
	if again := Judge(got); again[1].Level() != OK || len(again[1].Checks) != len(got[1].Checks) {
		t.Errorf("judged twice: %+v", again[1].Checks)
	}
}

// The check shown is the one furthest past its limit, a note on how the
// page was taken (touching the edge, no resolution) last.
func TestWorstIsTheFlagFurthestGone(t *testing.T) {
	r := Judge([]Report{measuredPage(KindPassport, mrzRead, touchesWarn, unknownDPI, darkWarn, blurWarn)})[0]
	if c, _ := r.Worst(); c.Name != "sharpness" {
		t.Errorf("shown: %s", c.Name)
	}
	r = Judge([]Report{measuredPage(KindPassport, mrzRead, touchesWarn, unknownDPI)})[0]
	if c, _ := r.Worst(); c.Name != "edges" {
		t.Errorf("shown: %s", c.Name)
	}
	if _, bad := Judge([]Report{measuredPage(KindPassport, mrzRead)})[0].Worst(); bad {
		t.Error("a clean page has a flag")
	}
}
