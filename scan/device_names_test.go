package scan

import (
	"slices"
	"testing"
)

// Two scanners of the same model read apart by what reaches them; a
// vendor called "Noname" (SANE's test and file backends) is not shown.
func TestNamesTellSameModelsApart(t *testing.T) {
	devs := []Device{
		{Backend: SANE, ID: "pnm:0", Vendor: "Noname", Model: "PNM file reader"},
		{Backend: SANE, ID: "pnm:1", Vendor: "Noname", Model: "PNM file reader"},
		{Backend: SANE, ID: "test:0", Vendor: "Noname", Model: "frontend-tester"},
		{Backend: ESCL, ID: "http://192.168.1.20:8080/eSCL", Vendor: "HP", Model: "LaserJet MFP"},
		{Backend: ESCL, ID: "http://office-mfp.local/eSCL", Vendor: "HP", Model: "LaserJet MFP"},
		{Backend: ESCL, ID: "http://10.0.0.9/eSCL", Vendor: "Canon", Model: "MF743"},
		{Backend: WIA, ID: "{6BDD1FC6}\\0001"},
	}
	want := []string{
		"PNM file reader (pnm:0)",
		"PNM file reader (pnm:1)",
		"frontend-tester",
		"HP LaserJet MFP (192.168.1.20:8080)",
		"HP LaserJet MFP (office-mfp.local)",
		"Canon MF743",
		"{6BDD1FC6}\\0001",
	}
	if got := Names(devs); !slices.Equal(got, want) {
		t.Errorf("names\n got %q\nwant %q", got, want)
	}
}
