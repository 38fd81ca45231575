package scan

import (
	"context"
	"image"

	"github.com/idpro/idpro/ocr"
)

// Level says what a check's outcome means for the request.
type Level string

const (
	OK    Level = "ok"    // nothing to do
	Warn  Level = "warn"  // may be submitted, better rescanned
	Block Level = "block" // would cost days of back-and-forth: rescan first
)

func (l Level) rank() int {
	switch l {
	case Warn:
		return 1
	case Block:
		return 2
	}
	return 0
}

// Check is the outcome of one quality check on one page. Message is a
// translation key whose text says what is wrong and how to fix it; Data
// fills its placeholders. Value and Threshold are in Unit; Threshold is
// the limit the value passed or failed (for OK, the warning limit).
type Check struct {
	Name      string         `json:"name"`
	Level     Level          `json:"level"`
	Value     float64        `json:"value"`
	Threshold float64        `json:"threshold"`
	Unit      string         `json:"unit,omitempty"`
	Message   string         `json:"message"`
	Data      map[string]any `json:"data,omitempty"`
	// severity is how far the value is past the warning limit, towards
	// the blocking one (0 at warn, 1 at block): of several flags, the
	// one furthest gone explains an unreadable MRZ.
	severity float64
}

// Report is every check on one page and the document they looked at.
// Checks is the verdict; it is made by judge from what was measured: the
// image checks as their thresholds graded them and what the MRZ reader
// made of the page, so that it can be made again once the request's
// other pages are known (Judge).
type Report struct {
	Document Document `json:"-"`
	Checks   []Check  `json:"checks"`
	measured []Check
	mrz      mrzOutcome
}

// Level is the worst level of the report's checks.
func (r Report) Level() Level {
	worst := OK
	for _, c := range r.Checks {
		if c.Level.rank() > worst.rank() {
			worst = c.Level
		}
	}
	return worst
}

// Worst is the check to show for the page: at the report's worst level,
// the one furthest past its limit (a warning about how the page was taken
// last), the first of equals; false when every check passed.
func (r Report) Worst() (Check, bool) {
	level := r.Level()
	if level == OK {
		return Check{}, false
	}
	best := -1
	for i, c := range r.Checks {
		if c.Level == level && (best < 0 || c.severity > r.Checks[best].severity) {
			best = i
		}
	}
	return r.Checks[best], true
}

// MRZReader reads the machine-readable zone of a page; *ocr.Reader is
// one. It is an interface here so that scan builds without cgo.
type MRZReader interface {
	Read(ctx context.Context, img image.Image) (ocr.Result, error)
}

// Checker runs the quality checks. MRZ may be nil: the MRZ check is then
// skipped with a note.
type Checker struct {
	Thresholds Thresholds
	MRZ        MRZReader
}

// Check runs every check on one page, judged as the only page of its
// request: a page whose kind carries the MRZ on the side shown must have
// a readable one.
func (c Checker) Check(ctx context.Context, p Page) Report {
	r := c.measure(ctx, p)
	r.judge(false)
	return r
}

// CheckPages runs every check on the pages of one request and judges each
// knowing the others (Judge).
func (c Checker) CheckPages(ctx context.Context, pages []Page) []Report {
	out := make([]Report, len(pages))
	for i, p := range pages {
		out[i] = c.measure(ctx, p)
	}
	return Judge(out)
}

// measure runs the image checks and reads the MRZ, without a verdict.
func (c Checker) measure(ctx context.Context, p Page) Report {
	t := c.Thresholds
	if t == (Thresholds{}) {
		t = DefaultThresholds
	}
	if p.Image == nil || p.Image.Bounds().Empty() {
		return Report{measured: []Check{{Name: "blank", Level: Block, Message: "scan.quality.blank.block"}}}
	}
	a := analyse(p)
	r := Report{Document: a.doc}
	r.measured = append(r.measured, t.blank(a))
	if a.blank {
		return r
	}
	r.measured = append(r.measured,
		t.cutOff(a),
		t.resolution(a),
		t.sharpness(a),
		t.exposure(a),
		t.contrast(a),
		t.glare(a),
	)
	r.mrz = c.readMRZ(ctx, p)
	return r
}
