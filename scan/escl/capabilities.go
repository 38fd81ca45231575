package escl

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/idpro/idpro/scan"
)

// capabilities is GET {base}/ScannerCapabilities, matched on local names:
// devices disagree on prefixes but not on element names.
type capabilities struct {
	Version      string     `xml:"Version"`
	MakeAndModel string     `xml:"MakeAndModel"`
	Platen       *inputCaps `xml:"Platen>PlatenInputCaps"`
	AdfSimplex   *inputCaps `xml:"Adf>AdfSimplexInputCaps"`
	AdfDuplex    *inputCaps `xml:"Adf>AdfDuplexInputCaps"`
	AdfOptions   []string   `xml:"Adf>AdfOptions>AdfOption"`
}

type inputCaps struct {
	MaxWidth  int            `xml:"MaxWidth"`  // 1/300 inch
	MaxHeight int            `xml:"MaxHeight"` // 1/300 inch
	Profiles  []settingsCaps `xml:"SettingProfiles>SettingProfile"`
}

type settingsCaps struct {
	ColorModes []string `xml:"ColorModes>ColorMode"`
	Formats    []string `xml:"DocumentFormats>DocumentFormat"`
	FormatsExt []string `xml:"DocumentFormats>DocumentFormatExt"`
	Discrete   []res    `xml:"SupportedResolutions>DiscreteResolutions>DiscreteResolution"`
	RangeMin   int      `xml:"SupportedResolutions>ResolutionRange>XResolution>Min"`
	RangeMax   int      `xml:"SupportedResolutions>ResolutionRange>XResolution>Max"`
	RangeStep  int      `xml:"SupportedResolutions>ResolutionRange>XResolution>Step"`
}

type res struct {
	X int `xml:"XResolution"`
	Y int `xml:"YResolution"`
}

// source returns the input caps for s. Some devices announce duplex only as
// an AdfOption and reuse the simplex caps for it (a quirk NAPS2 handles too).
func (c capabilities) source(s scan.Source) *inputCaps {
	switch s {
	case scan.Flatbed:
		return c.Platen
	case scan.Feeder:
		return c.AdfSimplex
	case scan.Duplex:
		if c.AdfDuplex != nil {
			return c.AdfDuplex
		}
		if c.AdfSimplex != nil && slices.Contains(c.AdfOptions, "Duplex") {
			return c.AdfSimplex
		}
	}
	return nil
}

func (i *inputCaps) merged() settingsCaps {
	var m settingsCaps
	for _, p := range i.Profiles {
		m.ColorModes = append(m.ColorModes, p.ColorModes...)
		m.Formats = append(m.Formats, p.Formats...)
		m.FormatsExt = append(m.FormatsExt, p.FormatsExt...)
		m.Discrete = append(m.Discrete, p.Discrete...)
		if p.RangeMax > m.RangeMax {
			m.RangeMin, m.RangeMax, m.RangeStep = p.RangeMin, p.RangeMax, p.RangeStep
		}
	}
	return m
}

func (i *inputCaps) resolutions() []int {
	m := i.merged()
	var out []int
	for _, r := range m.Discrete {
		if r.X == r.Y && r.X > 0 && !slices.Contains(out, r.X) {
			out = append(out, r.X)
		}
	}
	if len(out) == 0 && m.RangeMax > 0 {
		out = scan.ResolutionsIn(m.RangeMin, m.RangeMax)
	}
	slices.Sort(out)
	return out
}

// format picks the image format to ask for: PNG keeps the MRZ sharp, JPEG is
// what every device has. ext tells whether the device lists it as
// DocumentFormatExt, which then must be sent too.
func (i *inputCaps) format() (mime string, ext bool) {
	m := i.merged()
	for _, want := range []string{"image/png", "image/jpeg"} {
		inExt := slices.ContainsFunc(m.FormatsExt, func(f string) bool { return strings.EqualFold(f, want) })
		if inExt || slices.ContainsFunc(m.Formats, func(f string) bool { return strings.EqualFold(f, want) }) {
			return want, inExt
		}
	}
	return "", false
}

func (c capabilities) scanCaps() scan.Capabilities {
	var out scan.Capabilities
	for _, s := range []scan.Source{scan.Flatbed, scan.Feeder, scan.Duplex} {
		in := c.source(s)
		if in == nil {
			continue
		}
		out.Sources = append(out.Sources, s)
		for _, r := range in.resolutions() {
			if !slices.Contains(out.Resolutions, r) {
				out.Resolutions = append(out.Resolutions, r)
			}
		}
		for _, m := range in.merged().ColorModes {
			if mode, ok := modeOf(m); ok && !slices.Contains(out.Modes, mode) {
				out.Modes = append(out.Modes, mode)
			}
		}
		w, h := float64(in.MaxWidth)*mmPerUnit, float64(in.MaxHeight)*mmPerUnit
		out.Glass.Width, out.Glass.Height = max(out.Glass.Width, w), max(out.Glass.Height, h)
	}
	slices.Sort(out.Resolutions)
	slices.SortFunc(out.Modes, func(a, b scan.Mode) int { return strings.Compare(string(a), string(b)) })
	return out
}

// mmPerUnit converts eSCL's 1/300 inch to millimetres.
const mmPerUnit = 25.4 / 300

var colorModes = map[string]scan.Mode{"RGB24": scan.Color, "Grayscale8": scan.Gray}

func modeOf(escl string) (scan.Mode, bool) {
	m, ok := colorModes[escl]
	return m, ok
}

func esclMode(m scan.Mode) string {
	for k, v := range colorModes {
		if v == m {
			return k
		}
	}
	return ""
}

// Capabilities reads GET {base}/ScannerCapabilities.
func (c *Client) Capabilities(ctx context.Context, dev scan.Device) (scan.Capabilities, error) {
	caps, err := c.capabilities(ctx, dev)
	if err != nil {
		return scan.Capabilities{}, err
	}
	return caps.scanCaps(), nil
}

func (c *Client) capabilities(ctx context.Context, dev scan.Device) (capabilities, error) {
	var caps capabilities
	err := c.getXML(ctx, dev, dev.ID+"/ScannerCapabilities", &caps)
	if err == nil && caps.Platen == nil && caps.AdfSimplex == nil {
		err = scan.DeviceError(scan.ErrFailed, dev.Name(), fmt.Errorf("capabilities list no source"))
	}
	return caps, err
}

// getXML GETs url and decodes its XML into v, retrying on 503.
func (c *Client) getXML(ctx context.Context, dev scan.Device, url string, v any) error {
	resp, err := c.do(ctx, dev, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return scan.DeviceError(scan.ErrFailed, dev.Name(), fmt.Errorf("GET %s: %s", url, resp.Status))
	}
	if err := xml.NewDecoder(resp.Body).Decode(v); err != nil {
		return scan.DeviceError(scan.ErrFailed, dev.Name(), fmt.Errorf("GET %s: %w", url, err))
	}
	return nil
}
