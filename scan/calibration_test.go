package scan

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/idpro/idpro/ocr/specimen"
)

var calibrateSeeds = flag.Int("seeds", 8, "documents per defect strength with -calibrate")

var calibrateDir = flag.String("write", "", "with -calibrate: also write the set to this directory as JPEG files and a manifest.tsv, for idpro check")

var calibrate = flag.Bool("calibrate", false, "run the full calibration set and print its confusion matrix (docs/quality.md)")

var heldOut = flag.Bool("heldout", false, "with -calibrate: the held-out part of the set (other documents and captures, never used to tune)")

// firstSeed is the seed of the set's first document: the tuning part
// starts at 100, the held-out part at 500.
func firstSeed() uint64 {
	if *heldOut {
		return 500
	}
	return 100
}

// kindOf is the kind of the defect pages of seed number s: every kind in
// turn.
func kindOf(s int) specimen.Kind { return specimen.Kinds[s%len(specimen.Kinds)] }

// withFileDPI is img as a JPEG file stating dpi, brought in by Import.
func withFileDPI(img image.Image, dpi int) Page {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	b := withJFIF(buf.Bytes(), dpi)
	pages, err := Import("card.jpg", bytes.NewReader(b), int64(len(b)))
	if err != nil {
		panic(err)
	}
	return pages[0]
}

// defectSet builds the labelled set. seeds is the number of documents per
// defect strength (kinds cycle with the seed); kindSeeds the number of
// clean cards of every kind.
func defectSet(seeds, kindSeeds int) []sample {
	var out []sample
	add := func(name, defect string, strong, mild bool, p Page) {
		out = append(out, sample{name: name, defect: defect, strong: strong, mild: mild, page: p})
	}
	for s := 0; s < seeds; s++ {
		seed := firstSeed() + uint64(s)
		if s < kindSeeds {
			out = append(out, photoSet(s, seed)...)
		}
		// Clean cards of every kind, also with the wrong resolution in
		// the file that phones and editors write (72, 96) or a too fine
		// one (600), brought in through Import as a user's file is.
		var clean *Page
		for _, k := range specimen.Kinds {
			if s >= kindSeeds && k != kindOf(s) {
				continue
			}
			img := render(k, seed, cleanOptions(seed, specimen.Card, 300))
			id := fmt.Sprintf("%s-%d", k, seed)
			add("clean card "+id, "clean", false, false, Page{Image: img, DPI: 300})
			for _, dpi := range []int{72, 96, 600} {
				add(fmt.Sprintf("clean card %s, file says %d dpi", id, dpi), "clean, wrong dpi in file", false, false, withFileDPI(img, dpi))
			}
			if k == kindOf(s) {
				clean = &Page{Image: img, DPI: 300}
			}
		}
		k := kindOf(s)
		id := fmt.Sprintf("%s-%d", k, seed)
		for _, page := range []specimen.Page{specimen.A4Flatbed, specimen.Photo} {
			if s%2 == 1 && page == specimen.A4Flatbed {
				continue // A4 renders are slow; half the seeds suffice
			}
			dpi := 300.0
			opt := cleanOptions(seed, page, 300)
			if page == specimen.Photo {
				dpi = 0
				if !wholeInPhoto(k, seed, opt) {
					continue
				}
			}
			img := render(k, seed, opt)
			add("clean "+page.String()+" "+id, "clean", false, false, Page{Image: img, DPI: dpi})
		}
		// Resolution: the document rendered at a lower resolution.
		for _, dpi := range []float64{240, 150, 110} {
			img := render(k, seed, cleanOptions(seed, specimen.Card, dpi))
			add(fmt.Sprintf("dpi %v %s", dpi, id), "resolution", dpi <= 110, dpi >= 240, Page{Image: img, DPI: dpi})
		}
		// Focus blur on top of the capture's own.
		for _, sigma := range []float64{1, 3, 4.5} {
			o := cleanOptions(seed, specimen.Card, 300)
			o.Blur += sigma
			add(fmt.Sprintf("blur %v %s", sigma, id), "blur", sigma >= 3, sigma <= 1, Page{Image: render(k, seed, o), DPI: 300})
		}
		img := clean.Image.(*image.NRGBA)
		for _, l := range []int{5, 15, 25} {
			add(fmt.Sprintf("motion %d %s", l, id), "motion", l >= 15, l <= 5, Page{Image: motion(img, l), DPI: 300})
		}
		for _, k := range []float64{0.7, 0.45, 0.3} {
			add(fmt.Sprintf("dark %v %s", k, id), "dark", k <= 0.3, k >= 0.7,
				Page{Image: tone(img, func(v float64) float64 { return v * k }), DPI: 300})
			add(fmt.Sprintf("bright %v %s", k, id), "bright", k <= 0.3, k >= 0.7,
				Page{Image: tone(img, func(v float64) float64 { return 255 - (255-v)*k }), DPI: 300})
			add(fmt.Sprintf("flat %v %s", k, id), "contrast", k <= 0.3, k >= 0.7,
				Page{Image: tone(img, func(v float64) float64 { return 160 + (v-160)*k }), DPI: 300})
		}
		b := img.Bounds()
		for _, mm := range []float64{2, 6, 10} {
			r := mm / 25.4 * 300
			add(fmt.Sprintf("glare %vmm %s", mm, id), "glare", mm >= 10, mm <= 2,
				Page{Image: glare(img, float64(b.Dx())*0.6, float64(b.Dy())*0.55, r), DPI: 300})
		}
		for _, f := range []float64{0.15, 0.3} {
			add(fmt.Sprintf("cut %v %s", f, id), "cut", true, false, Page{Image: cut(img, f), DPI: 300})
		}
	}
	for s := 0; s < max(1, seeds/4); s++ {
		add(fmt.Sprintf("blank %d", s), "blank", true, false, Page{Image: blankPage(uint64(s), 150), DPI: 150})
	}
	return out
}

type outcome struct {
	sample
	report Report
}

func runSet(set []sample) []outcome {
	var c Checker
	out := make([]outcome, len(set))
	for i, s := range set {
		out[i] = outcome{s, c.Check(context.Background(), s.page)}
	}
	return out
}

func (s sample) clean() bool { return strings.HasPrefix(s.defect, "clean") }

// label is the row of the confusion matrix a sample belongs to.
func (s sample) label() string {
	switch {
	case s.clean():
		return s.defect
	case s.strong:
		return s.defect + " (strong)"
	case s.mild:
		return s.defect + " (mild)"
	}
	return s.defect + " (medium)"
}

// matrix is the confusion matrix as a Markdown table.
func matrix(res []outcome) string {
	rows := map[string]*[3]int{}
	var names []string
	for _, r := range res {
		l := r.label()
		if rows[l] == nil {
			rows[l] = &[3]int{}
			names = append(names, l)
		}
		rows[l][r.report.Level().rank()]++
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("| generated pages | ok | warn | block |\n|---|---|---|---|\n")
	for _, n := range names {
		r := rows[n]
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", n, r[0], r[1], r[2])
	}
	return b.String()
}

// TestCalibrationSet holds the thresholds to their promise on a small
// generated set: no clean page is blocked, every defect strong enough to
// stop the MRZ reader is, and mild defects are not.
func TestCalibrationSet(t *testing.T) {
	seeds, kindSeeds := 2, 1
	if *calibrate {
		seeds, kindSeeds = *calibrateSeeds, *calibrateSeeds
	}
	if testing.Short() && !*calibrate {
		t.Skip("renders documents")
	}
	res := runSet(defectSet(seeds, kindSeeds))
	for _, r := range res {
		lvl := r.report.Level()
		if (r.clean() || r.mild) && lvl == Block || r.strong && lvl != Block {
			t.Errorf("%s: %s; %s", r.name, lvl, summary(r.report))
		}
	}
	if *calibrate && *calibrateDir != "" {
		writeSet(t, *calibrateDir, res)
	}
	if *calibrate {
		fmt.Print(matrix(res))
		for _, r := range res {
			fmt.Printf("%-40s %-5s %s\n", r.name, r.report.Level(), summary(r.report))
		}
	}
}

func summary(r Report) string {
	var parts []string
	for _, c := range r.Checks {
		parts = append(parts, fmt.Sprintf("%s=%v(%s)", c.Name, trim(c.Value), c.Level))
	}
	return fmt.Sprintf("kind=%s dpi=%.0f(%s) %s", r.Document.Kind, r.Document.DPI, r.Document.DPISource, strings.Join(parts, " "))
}

func trim(v float64) float64 { return math.Round(v*1000) / 1000 }

// writeSet saves the set for an evaluation with the MRZ reader (which
// needs cgo, so runs through idpro check): one JPEG per page, its
// resolution in the JFIF header, and manifest.tsv with the labels.
func writeSet(t *testing.T, dir string, res []outcome) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var manifest strings.Builder
	manifest.WriteString("file\tname\tlabel\tlevel\n")
	for i, r := range res {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, r.page.Image, &jpeg.Options{Quality: 95}); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		if r.page.DPI > 0 {
			b = withJFIF(b, int(r.page.DPI))
		}
		name := fmt.Sprintf("%03d.jpg", i)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&manifest, "%s\t%s\t%s\t%s\n", name, r.name, r.label(), r.report.Level())
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.tsv"), []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// wholeInPhoto tells whether the renderer placed the document wholly
// inside its phone photo: rendered again without light or noise (the
// placement is the same), the photo's edges show only the desk. Some
// placements run a corner off the frame; such a page is cut off, not
// clean.
func wholeInPhoto(k specimen.Kind, seed uint64, opt specimen.RenderOptions) bool {
	opt.Light, opt.Noise, opt.JPEGQuality, opt.Blur = 0, 0, 0, 0
	img := render(k, seed, opt)
	b := img.Bounds()
	desk := img.NRGBAAt(b.Min.X, b.Min.Y)
	differs := func(x, y int) bool {
		c := img.NRGBAAt(x, y)
		d := max(absDiff(c.R, desk.R), absDiff(c.G, desk.G), absDiff(c.B, desk.B))
		return d > 30
	}
	for x := b.Min.X; x < b.Max.X; x++ {
		if differs(x, b.Min.Y) || differs(x, b.Max.Y-1) {
			return false
		}
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		if differs(b.Min.X, y) || differs(b.Max.X-1, y) {
			return false
		}
	}
	return true
}

func absDiff(a, b uint8) int {
	return max(int(a)-int(b), int(b)-int(a))
}

// TestCleanPagesOfEveryKind checks clean A4 flatbed scans (even seeds) and
// phone photos (every seed whose document lies wholly in the frame) of
// every kind, one page at a time: the calibration set holds these for the
// seed's kind only, as A4 pages are large. None may be blocked.
func TestCleanPagesOfEveryKind(t *testing.T) {
	if !*calibrate {
		t.Skip("with -calibrate")
	}
	var counts [3]int
	for s := 0; s < *calibrateSeeds; s++ {
		seed := firstSeed() + uint64(s)
		for _, k := range specimen.Kinds {
			for _, page := range []specimen.Page{specimen.A4Flatbed, specimen.Photo} {
				opt := cleanOptions(seed, page, 300)
				dpi := 300.0
				if page == specimen.A4Flatbed && s%2 == 1 {
					continue
				}
				if page == specimen.Photo {
					if dpi = 0; !wholeInPhoto(k, seed, opt) {
						continue
					}
				}
				r := Checker{}.Check(context.Background(), Page{Image: render(k, seed, opt), DPI: dpi})
				counts[r.Level().rank()]++
				switch r.Level() {
				case Block:
					t.Errorf("clean %s %s-%d: %s", page, k, seed, summary(r))
				case Warn:
					fmt.Printf("warn: clean %s %s-%d: %s\n", page, k, seed, summary(r))
				}
			}
		}
	}
	fmt.Printf("clean A4 and photo pages of every kind: %d ok, %d warn, %d block\n", counts[0], counts[1], counts[2])
}
