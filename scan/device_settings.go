package scan

import "slices"

// Source is where the scanner takes the paper from.
type Source string

const (
	Flatbed Source = "flatbed"
	Feeder  Source = "feeder" // automatic document feeder, one side
	Duplex  Source = "duplex" // feeder scanning both sides
)

// Mode is the colour mode of a scan.
type Mode string

const (
	Color Mode = "color"
	Gray  Mode = "gray"
)

// Area is a rectangle on the scanner glass in millimetres from its top-left
// corner. The zero Area means the whole glass.
type Area struct {
	X, Y, Width, Height float64
}

// IsZero tells whether a is the whole glass.
func (a Area) IsZero() bool { return a == Area{} }

// Settings are what one Scan call asks for.
type Settings struct {
	Source Source
	DPI    int
	Mode   Mode
	Area   Area
	// MaxPages stops a feeder batch early; 0 scans until the feeder is
	// empty. A flatbed scan is always one page.
	MaxPages int
}

// Capabilities are what a device can do.
type Capabilities struct {
	Sources     []Source `json:"sources"`
	Resolutions []int    `json:"resolutions"` // dpi, ascending
	Modes       []Mode   `json:"modes"`
	// Glass is the largest scan area in millimetres (Width x Height); zero
	// when the device does not tell.
	Glass Area `json:"glass"`
}

// Has tells whether the device offers source s.
func (c Capabilities) Has(s Source) bool { return slices.Contains(c.Sources, s) }

// NearestDPI returns the supported resolution closest to want, preferring
// the higher one on a tie so that a final scan never loses detail; want
// itself when the device lists none.
func (c Capabilities) NearestDPI(want int) int {
	best := 0
	for _, r := range c.Resolutions {
		if best == 0 || abs(r-want) < abs(best-want) || (abs(r-want) == abs(best-want) && r > best) {
			best = r
		}
	}
	if best == 0 {
		return want
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// StandardResolutions are offered for devices that accept any resolution in
// a range; the range's limits filter them.
var StandardResolutions = []int{75, 100, 150, 200, 300, 400, 600, 1200}

// ResolutionsIn returns the standard resolutions between lo and hi.
func ResolutionsIn(lo, hi int) []int {
	var out []int
	for _, r := range StandardResolutions {
		if r >= lo && r <= hi {
			out = append(out, r)
		}
	}
	return out
}
