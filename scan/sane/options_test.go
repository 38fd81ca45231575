package sane

import (
	"slices"
	"testing"

	"github.com/idpro/idpro/scan"
)

// airscanOptions is the relevant part of `scanimage -A` for a
// sane-airscan device, whose sources and modes are named unlike the test
// backend's.
const airscanOptions = `
All options specific to device 'airscan:e0:Kyocera ECOSYS M2040dn':
  Standard:
    --resolution 100|150|200|300|600dpi [300]
        Sets the resolution of the scanned image.
    --mode Color|Gray [Color]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --source Flatbed|ADF|ADF Duplex [Flatbed]
        Selects the scan source (such as a document-feeder).
  Geometry:
    -l 0..215.9mm [0]
        Top-left x position of scan area.
    -t 0..297.011mm [0]
        Top-left y position of scan area.
    -x 0..215.9mm [215.9]
        Width of scan-area.
    -y 0..297.011mm [297.011]
        Height of scan-area.
`

// fujitsuOptions names sources "ADF Front|ADF Back|ADF Duplex" and modes
// "Lineart|Halftone|Gray|Color", with a resolution range.
const fujitsuOptions = `
  Scan Mode:
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source (such as a document-feeder).
    --mode Lineart|Halftone|Gray|Color [Lineart]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --resolution 50..600dpi (in steps of 1) [600]
        Sets the horizontal resolution of the scanned image.
    --ald[=(yes|no)] [inactive]
        Scanner detects paper lower edge. May confuse some frontends.
`

func TestParseOptionsOfOtherDrivers(t *testing.T) {
	a := parseOptions(airscanOptions)
	if !slices.Equal(a.caps.Sources, []scan.Source{scan.Flatbed, scan.Feeder, scan.Duplex}) ||
		a.sources[scan.Duplex] != "ADF Duplex" || a.sources[scan.Feeder] != "ADF" {
		t.Errorf("airscan sources %v %v", a.caps.Sources, a.sources)
	}
	if !slices.Equal(a.caps.Resolutions, []int{100, 150, 200, 300, 600}) || !a.area || a.caps.Glass.Height != 297.011 {
		t.Errorf("airscan caps %+v", a.caps)
	}

	f := parseOptions(fujitsuOptions)
	if !slices.Equal(f.caps.Sources, []scan.Source{scan.Feeder, scan.Duplex}) || f.sources[scan.Feeder] != "ADF Front" {
		t.Errorf("fujitsu sources %v %v", f.caps.Sources, f.sources)
	}
	if !slices.Equal(f.caps.Modes, []scan.Mode{scan.Color, scan.Gray}) || f.modes[scan.Gray] != "Gray" {
		t.Errorf("fujitsu modes %v", f.modes)
	}
	if !slices.Equal(f.caps.Resolutions, []int{75, 100, 150, 200, 300, 400, 600}) || f.area {
		t.Errorf("fujitsu caps %+v area %v", f.caps, f.area)
	}
}

func TestSourceNames(t *testing.T) {
	for name, want := range map[string]scan.Source{
		"Flatbed": scan.Flatbed, "Normal": scan.Flatbed, "Document Table": scan.Flatbed,
		"Automatic Document Feeder":                      scan.Feeder,
		"Automatic Document Feeder(left aligned)":        scan.Feeder,
		"Automatic Document Feeder(left aligned,Duplex)": scan.Duplex,
		"ADF Back": "", "Transparency Adapter": "",
	} {
		if got, _ := sourceOf(name); got != want {
			t.Errorf("sourceOf(%q) = %q, want %q", name, got, want)
		}
	}
}
