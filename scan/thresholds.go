package scan

// Thresholds are the limits of the quality checks. The defaults are
// calibrated on the generated set described in docs/quality.md.
type Thresholds struct {
	// Resolution on the document, dots per inch.
	DPIWarn, DPIBlock float64
	// Blur effect (0 sharp .. 1 flat) measured at about 150 dpi.
	BlurWarn, BlurBlock float64
	// Too dark: the brightest 2% of the document (its paper) below this.
	DarkWarn, DarkBlock float64
	// Washed out: the darkest 2% (its ink) above this.
	BrightWarn, BrightBlock float64
	// Share of the document blown out to white.
	ClipWarn float64
	// Grey levels between the darkest and brightest 2% of the document.
	ContrastWarn, ContrastBlock float64
	// Area of glare hot spots on the document, mm².
	GlareWarn, GlareBlock float64
	// A page with no document and less than this share of edges is blank.
	BlankInk float64
}

// DefaultThresholds: see docs/quality.md for how each was chosen.
var DefaultThresholds = Thresholds{
	DPIWarn: 280, DPIBlock: 150,
	BlurWarn: 0.40, BlurBlock: 0.46,
	DarkWarn: 150, DarkBlock: 100,
	BrightWarn: 110, BrightBlock: 150,
	ClipWarn:     0.30,
	ContrastWarn: 110, ContrastBlock: 70,
	GlareWarn: 25, GlareBlock: 100,
	BlankInk: 0.002,
}
