package escl

import (
	"encoding/xml"
	"math"

	"github.com/idpro/idpro/scan"
)

// scanSettings is the body of POST {base}/ScanJobs. Prefixed tag names with
// declared namespaces make encoding/xml write the prefixes devices expect.
type scanSettings struct {
	XMLName   xml.Name `xml:"scan:ScanSettings"`
	NSScan    string   `xml:"xmlns:scan,attr"`
	NSPWG     string   `xml:"xmlns:pwg,attr"`
	Version   string   `xml:"pwg:Version"`
	Region    region   `xml:"pwg:ScanRegions>pwg:ScanRegion"`
	Input     string   `xml:"pwg:InputSource"`
	ColorMode string   `xml:"scan:ColorMode,omitempty"`
	// Both format elements: older devices read pwg:DocumentFormat, newer
	// ones scan:DocumentFormatExt (the only one SANE's escl backend sends).
	Format    string `xml:"pwg:DocumentFormat"`
	FormatExt string `xml:"scan:DocumentFormatExt,omitempty"`
	XRes      int    `xml:"scan:XResolution,omitempty"`
	YRes      int    `xml:"scan:YResolution,omitempty"`
	Duplex    *bool  `xml:"scan:Duplex"` // feeder only; some platens reject it
}

type region struct {
	Units   string `xml:"pwg:ContentRegionUnits"`
	XOffset int    `xml:"pwg:XOffset"`
	YOffset int    `xml:"pwg:YOffset"`
	Width   int    `xml:"pwg:Width"`
	Height  int    `xml:"pwg:Height"`
}

// job builds the request for settings set on a device with input caps in.
func job(set scan.Settings, in *inputCaps) scanSettings {
	mime, ext := in.format()
	w, h := in.MaxWidth, in.MaxHeight
	if w <= 0 || h <= 0 {
		w, h = a4Width, a4Height // the device does not say: assume A4
	}
	j := scanSettings{
		NSScan: NSScan, NSPWG: NSPWG, Version: "2.0",
		Input:     "Platen",
		ColorMode: esclMode(set.Mode),
		Format:    mime,
		Region:    region{Units: "escl:ThreeHundredthsOfInches", Width: w, Height: h},
	}
	if ext {
		j.FormatExt = mime
	}
	if set.Source == scan.Feeder || set.Source == scan.Duplex {
		j.Input = "Feeder"
		duplex := set.Source == scan.Duplex
		j.Duplex = &duplex
	}
	if set.DPI > 0 {
		dpi := scan.Capabilities{Resolutions: in.resolutions()}.NearestDPI(set.DPI)
		j.XRes, j.YRes = dpi, dpi
	}
	if !set.Area.IsZero() {
		j.Region.XOffset = units(set.Area.X)
		j.Region.YOffset = units(set.Area.Y)
		j.Region.Width = min(units(set.Area.Width), w-j.Region.XOffset)
		j.Region.Height = min(units(set.Area.Height), h-j.Region.YOffset)
	}
	return j
}

// A4 in 1/300 inch.
const a4Width, a4Height = 2480, 3508

// units converts millimetres to eSCL's 1/300 inch.
func units(mm float64) int { return int(math.Round(mm / mmPerUnit)) }
