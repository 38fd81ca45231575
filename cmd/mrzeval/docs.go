package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	xdraw "golang.org/x/image/draw"
)

var (
	docsDir    = flag.String("docs", "", "also read whole MRZ images built from the real line crops in this directory, as `idpro mrz` reads a file")
	docsHalf   = flag.String("docs-half", "both", "with -docs: which half of the corpus to read: tuning, held-out or both")
	docsMax    = flag.Int("docs-max", 0, "with -docs: read at most this many documents of each half (0: all)")
	docsScenes = flag.String("docs-scenes", "", "with -docs: only these scenes, comma-separated (default: all)")
	docsMisses = flag.Bool("docs-misses", false, "with -docs: list every image not read exactly on stderr")
	docsOnly   = flag.String("docs-only", "", "with -docs: only the documents whose name contains this")
	docsDump   = flag.String("docs-dump", "", "with -docs: also write every image built into this directory, to look at")
)

func init() {
	sections = append(sections, func(w io.Writer) error {
		if *docsDir == "" {
			return nil
		}
		return evalDocs(*docsDir, w)
	})
}

// The corpus is split in two halves by the name of the photo its crops
// came from: correction rules are tuned on the first and judged on both,
// so a rule that only helps the crops it was made on shows as a gap.
const (
	tuningHalf  = "tuning"
	heldOutHalf = "held-out"
)

// halfOf assigns a source photo to a half by a hash of its name: stable
// across runs and machines, and blind to what the photo shows.
func halfOf(doc string) string {
	h := fnv.New32a()
	h.Write([]byte(doc))
	if h.Sum32()%2 == 0 {
		return tuningHalf
	}
	return heldOutHalf
}

// corpusDoc is one document of the corpus whose crops form a whole MRZ,
// its lines in MRZ order.
type corpusDoc struct {
	name   string
	half   string
	truth  []string
	crops  []image.Image
	format ocr.Format
	valid  bool // the true lines pass their own check digits as printed
}

// wholeDocs groups the crops into documents and keeps those that form a
// whole MRZ, in MRZ order.
func wholeDocs(samples []lineSample) []corpusDoc {
	var out []corpusDoc
	for i := 0; i < len(samples); {
		j := i + 1
		for j < len(samples) && samples[j].doc == samples[i].doc {
			j++
		}
		group := samples[i:j]
		i = j
		if strings.HasPrefix(group[0].name, "font_generate_") || !wholeMRZ(group) {
			continue
		}
		order, _ := mrzOrder(group)
		d := corpusDoc{name: group[0].doc, half: halfOf(group[0].doc), valid: truthValid(group)}
		for _, at := range order {
			d.truth = append(d.truth, group[at].truth)
			d.crops = append(d.crops, group[at].img)
		}
		d.format = ocr.Parse(d.truth).Format
		out = append(out, d)
	}
	return out
}

// scene is one way a corpus MRZ is shown to the reader.
type scene struct {
	name  string
	build func(d corpusDoc, k int) (name string, data []byte, err error)
}

var scenes = []scene{
	{"mrz alone", sceneAlone(false)},
	{"mrz alone, turned", sceneAlone(true)},
	{"card", sceneCard},
	{"a4 page", scenePage},
}

// mrzCapMM is the MRZ capitals' height on generated documents
// (specimen draws them 2.4 mm high, in ICAO's 2.0-3.0 mm).
const mrzCapMM = 2.4

// turn is the k-th document's orientation in a turned scene: the four
// quarter turns in rotation, and up to maxSkew degrees either way.
func turn(k int, maxSkew float64) (int, float64) {
	skew := maxSkew * math.Sin(float64(k)*2.3999) // the golden angle: spread, never repeating
	return 90 * (k % 4), skew
}

// sceneAlone is the MRZ on white, as a cropped photo of the zone gives
// it; turned, the k-th document is turned by a quarter turn (90, 180, 270
// in rotation) and up to 3 degrees more.
func sceneAlone(turned bool) func(corpusDoc, int) (string, []byte, error) {
	return func(d corpusDoc, k int) (string, []byte, error) {
		strip, capPx := mrzStrip(d.crops, 0)
		opt := specimen.RenderOptions{DPI: capPx / (mrzCapMM / 25.4), Page: specimen.Card}
		if turned {
			opt.Rotate, opt.Skew = turn(k, 3)
			if opt.Rotate == 0 {
				opt.Rotate = 180
			}
		}
		img, err := specimen.Capture(strip, opt)
		if err != nil {
			return "", nil, err
		}
		var buf bytes.Buffer
		err = png.Encode(&buf, img)
		return "mrz.png", buf.Bytes(), err
	}
}

// cardScales are the sizes at which the crops are printed on a card,
// against their own: the crops' capitals are about 30-40 px, so these
// span phone photos and 150-400 dpi scans.
var cardScales = []float64{1, 0.7, 0.5}

// sceneCard prints the MRZ on a generated document of its format (photo,
// printed fields, background pattern), captured as a cropped card at one
// of cardScales, turned a quarter turn in rotation and up to 4 degrees.
func sceneCard(d corpusDoc, k int) (string, []byte, error) {
	_, natural := mrzStrip(d.crops[:1], 0)
	capPx := natural * cardScales[k%len(cardScales)]
	dpi := capPx / (mrzCapMM / 25.4)
	doc, err := printOn(d, k, capPx, dpi)
	if err != nil {
		return "", nil, err
	}
	opt := specimen.RenderOptions{DPI: dpi, Page: specimen.Card, Noise: 3, Seed: uint64(k)}
	opt.Rotate, opt.Skew = turn(k+1, 4)
	return captureJPEG(doc, opt)
}

// scenePage prints the MRZ on a generated document at 300 dpi and lays
// it on an A4 flatbed page, turned.
func scenePage(d corpusDoc, k int) (string, []byte, error) {
	const dpi = 300
	doc, err := printOn(d, k, mrzCapMM/25.4*dpi, dpi)
	if err != nil {
		return "", nil, err
	}
	opt := specimen.RenderOptions{DPI: dpi, Page: specimen.A4Flatbed, Noise: 2, Seed: uint64(k)}
	opt.Rotate, opt.Skew = turn(k+2, 4)
	return captureJPEG(doc, opt)
}

// kindFor is the generated document a corpus MRZ is printed on: one
// of its format's size.
func kindFor(d corpusDoc) specimen.Kind {
	switch len(d.truth[0]) {
	case 30:
		return specimen.IDCard
	case 36:
		return specimen.TD2Card
	}
	return specimen.Passport
}

// printOn draws a generated document of d's size at dpi and prints d's
// crops where its MRZ goes, with capitals capPx high, darkening the
// background as ink does (the crops' white lets the pattern through).
// When the crops are wider than the document allows, the document is
// drawn larger.
func printOn(d corpusDoc, k int, capPx, dpi float64) (image.Image, error) {
	strip, _ := mrzStrip(d.crops, capPx)
	gen := specimen.Random(uint64(k)+1, kindFor(d))
	for {
		bg, at, err := specimen.Backdrop(gen, dpi, uint64(k))
		if err != nil {
			return nil, err
		}
		room := bg.Rect.Dx() - 2*at.Min.X
		if strip.Rect.Dx() > room && dpi < 1200 {
			dpi *= float64(strip.Rect.Dx()) / float64(room) * 1.02
			continue
		}
		// The strip's last baseline on the MRZ's.
		top := at.Max.Y - strip.Rect.Dy() + int(stripMargin(capPx))
		for y := 0; y < strip.Rect.Dy(); y++ {
			for x := 0; x < strip.Rect.Dx(); x++ {
				px, py := at.Min.X+x, top+y
				if !(image.Point{px, py}).In(bg.Rect) {
					continue
				}
				ink := float64(strip.GrayAt(x, y).Y) / 255
				c := bg.RGBAAt(px, py)
				bg.SetRGBA(px, py, color.RGBA{uint8(float64(c.R) * ink), uint8(float64(c.G) * ink), uint8(float64(c.B) * ink), 255})
			}
		}
		return bg, nil
	}
}

// captureJPEG captures doc as opt says and encodes it as a scanner or
// phone would.
func captureJPEG(doc image.Image, opt specimen.RenderOptions) (string, []byte, error) {
	img, err := specimen.Capture(doc, opt)
	if err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	return "mrz.jpg", buf.Bytes(), err
}

// lineSpacing is the distance between MRZ baselines in capital heights:
// ICAO's 6 lines per inch (4.23 mm) over 2.4 mm capitals.
const lineSpacing = 4.23 / mrzCapMM

// stripMargin is the white left around the lines of a strip, in px.
func stripMargin(capPx float64) float64 { return capPx }

// mrzStrip stacks the crops into one MRZ image, each line at lineSpacing
// below the one before and flush left, each scaled so its capitals are
// capPx high (the corpus scaled every crop to about the same height, so
// the lines of one document come at different scales), or the first
// crop's own when capPx is 0; on white with a margin of one capital
// height. It returns the strip and its capitals' height.
func mrzStrip(crops []image.Image, capPx float64) (*image.Gray, float64) {
	type line struct {
		img              *image.Gray
		top, left, scale float64
	}
	var lines []line
	for _, c := range crops {
		g := grey(c)
		top, bottom, left := inkExtent(g)
		if capPx == 0 {
			capPx = float64(bottom - top)
		}
		s := capPx / float64(max(bottom-top, 1))
		lines = append(lines, line{g, float64(top), float64(left), s})
	}
	margin := stripMargin(capPx)
	width := 0.0
	for _, l := range lines {
		width = max(width, (float64(l.img.Rect.Dx())-l.left)*l.scale)
	}
	height := int(2*margin + float64(len(lines)-1)*lineSpacing*capPx + capPx)
	out := image.NewGray(image.Rect(0, 0, int(width+2*margin), height))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	for i, l := range lines {
		w := int(float64(l.img.Rect.Dx()) * l.scale)
		h := int(float64(l.img.Rect.Dy()) * l.scale)
		scaled := image.NewGray(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(scaled, scaled.Rect, l.img, l.img.Rect, xdraw.Src, nil)
		x0 := int(margin - l.left*l.scale)
		y0 := int(margin + float64(i)*lineSpacing*capPx - l.top*l.scale)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				p := image.Point{x0 + x, y0 + y}
				if p.In(out.Rect) {
					at := out.PixOffset(p.X, p.Y)
					out.Pix[at] = min(out.Pix[at], scaled.Pix[scaled.PixOffset(x, y)])
				}
			}
		}
	}
	return out, capPx
}

// grey converts a crop to 8-bit grey.
func grey(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok && g.Rect.Min == (image.Point{}) {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			g.Set(x, y, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return g
}

// inkExtent is a crop's capitals: the rows where a tenth of the busiest
// row's ink is, and the first column with ink.
func inkExtent(g *image.Gray) (top, bottom, left int) {
	rows := make([]int, g.Rect.Dy())
	left = g.Rect.Dx()
	most := 0
	for y := range rows {
		for x := 0; x < g.Rect.Dx(); x++ {
			if g.Pix[g.PixOffset(x, y)] < 128 {
				rows[y]++
				left = min(left, x)
			}
		}
		most = max(most, rows[y])
	}
	top, bottom = -1, 0
	for y, n := range rows {
		if 10*n > most {
			if top < 0 {
				top = y
			}
			bottom = y + 1
		}
	}
	if top < 0 || left == g.Rect.Dx() {
		return 0, g.Rect.Dy(), 0
	}
	return top, bottom, left
}

// docOutcome is how reading one image of a document ended.
type docOutcome int

const (
	outExact      docOutcome = iota // every line as printed
	outNotFound                     // no MRZ found
	outFlagged                      // wrong, but invalid or with the wrong fields flagged for review
	outWrongValid                   // wrong in a field not flagged, and reported valid: silently wrong
)

// docTally counts outcomes of one group of images.
type docTally struct {
	n     int
	count [4]int
}

func (t *docTally) add(o docOutcome) { t.n++; t.count[o]++ }

// classify compares what was read with the document's true lines.
func classify(res ocr.Result, d corpusDoc) docOutcome {
	switch {
	case !res.Found:
		return outNotFound
	case slices.Equal(res.Lines, d.truth):
		return outExact
	case res.Valid && len(unflaggedWrong(res, d)) > 0:
		return outWrongValid
	}
	return outFlagged
}

// unflaggedWrong lists the fields read wrong that the result does not
// ask the user to check. The true fields are Parse's of the true lines,
// which change nothing in a valid MRZ.
func unflaggedWrong(res ocr.Result, d corpusDoc) []string {
	want := ocr.Parse(d.truth)
	var out []string
	for _, f := range ocr.FieldNames {
		if res.Fields.Get(f) != want.Fields.Get(f) && !slices.Contains(res.Review, string(f)) {
			out = append(out, string(f))
		}
	}
	if res.Format != want.Format {
		out = append(out, "format")
	}
	return out
}

// readAsIdproMRZ reads an encoded image as `idpro mrz` reads a file:
// scan.Import, then the reader on each page, keeping the first valid
// result or the one found with most checks passing.
func readAsIdproMRZ(reader *ocr.Reader, name string, data []byte) (ocr.Result, error) {
	pages, err := scan.Import(name, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ocr.Result{}, err
	}
	var best ocr.Result
	for _, p := range pages {
		r, err := reader.Read(context.Background(), p.Image)
		if err != nil {
			return best, err
		}
		if r.Valid || (r.Found && !best.Found) || r.ChecksPassed() > best.ChecksPassed() {
			best = r
		}
		if r.Valid {
			break
		}
	}
	return best, nil
}

// evalDocs reads every whole document of the corpus in every scene and
// writes the tallies per half, scene and format.
func evalDocs(dir string, w io.Writer) error {
	samples, err := loadLines(dir)
	if err != nil {
		return err
	}
	cache, err := os.MkdirTemp("", "mrzeval-tessdata-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cache)
	reader := ocr.NewReader(func() (ocr.Recognizer, error) { return newMRZ(cache) }, ocr.ReaderOptions{Workers: 1})
	defer reader.Close()

	var docs []corpusDoc
	taken := map[string]int{}
	for _, d := range wholeDocs(samples) {
		if *docsHalf != "both" && d.half != *docsHalf {
			continue
		}
		if !strings.Contains(d.name, *docsOnly) || (*docsMax > 0 && taken[d.half] >= *docsMax) {
			continue
		}
		taken[d.half]++
		docs = append(docs, d)
	}
	type key struct{ half, scene, format string }
	tallies := map[key]*docTally{}
	tally := func(k key) *docTally {
		if tallies[k] == nil {
			tallies[k] = &docTally{}
		}
		return tallies[k]
	}
	var used []scene
	for _, s := range scenes {
		if *docsScenes == "" || slices.Contains(strings.Split(*docsScenes, ","), s.name) {
			used = append(used, s)
		}
	}
	for _, s := range used {
		for k, d := range docs {
			name, data, err := s.build(d, k)
			if err != nil {
				return fmt.Errorf("%s, %s: %w", d.name, s.name, err)
			}
			if *docsDump != "" {
				file := fmt.Sprintf("%03d-%s-%s", k, strings.ReplaceAll(s.name, " ", ""), name)
				if err := os.WriteFile(filepath.Join(*docsDump, file), data, 0o644); err != nil {
					return err
				}
			}
			res, err := readAsIdproMRZ(reader, name, data)
			if err != nil {
				return fmt.Errorf("%s, %s: %w", d.name, s.name, err)
			}
			o := classify(res, d)
			for _, k := range []key{{d.half, s.name, ""}, {d.half, "", string(d.format)}, {d.half, "", ""}} {
				tally(k).add(o)
			}
			if d.valid {
				tally(key{d.half, "", "valid truth"}).add(o)
			}
			if o != outExact && *docsMisses {
				fmt.Fprintf(os.Stderr, "%s [%s, %s]: %s found=%v valid=%v review=%v wrong=%v\n  want %q\n  got  %q\n",
					d.name, d.half, s.name, [...]string{"exact", "not found", "wrong, flagged", "WRONG BUT VALID"}[o],
					res.Found, res.Valid, res.Review, unflaggedWrong(res, d), d.truth, res.Lines)
			}
		}
	}

	fmt.Fprintf(w, "\n## Whole MRZ images from real line crops (%s)\n\n", dir)
	fmt.Fprintf(w, "Each document's crops stacked in MRZ order (%d documents: %d tuning, %d held out, split by a hash of the source photo's name), shown in %d scenes and read as `idpro mrz` reads a file. Exact: every line as printed. Wrong but valid: reported valid with a wrong field not flagged for review.\n\n",
		len(docs), taken[tuningHalf], taken[heldOutHalf], len(used))
	fmt.Fprintln(w, "| half | scene or format | images | exact | not found | wrong, flagged or invalid | wrong but valid |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	row := func(k key, label string) {
		t := tallies[k]
		if t == nil {
			return
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %s |\n", k.half, label, t.n,
			percent1(t.count[outExact], t.n), percent1(t.count[outNotFound], t.n),
			percent1(t.count[outFlagged], t.n), percent1(t.count[outWrongValid], t.n))
	}
	formats := []string{}
	for k := range tallies {
		if k.format != "" && k.format != "valid truth" && !slices.Contains(formats, k.format) {
			formats = append(formats, k.format)
		}
	}
	slices.Sort(formats)
	for _, half := range []string{tuningHalf, heldOutHalf} {
		for _, s := range used {
			row(key{half, s.name, ""}, s.name)
		}
		for _, f := range formats {
			row(key{half, "", f}, "format "+f)
		}
		row(key{half, "", "valid truth"}, "documents whose truth passes its checks")
		row(key{half, "", ""}, "**all**")
	}
	return nil
}

func percent1(k, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%% (%d)", 100*float64(k)/float64(n), k)
}
