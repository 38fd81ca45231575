package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/corpus"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
)

var (
	docsDir    = flag.String("docs", "", "also read whole MRZ images built from the real line crops in this directory, as `idpro mrz` reads a file")
	docsHalf   = flag.String("docs-half", "both", "with -docs: which half of the corpus to read: tuning, held-out or both")
	docsMax    = flag.Int("docs-max", 0, "with -docs: read at most this many documents of each half (0: all)")
	docsScenes = flag.String("docs-scenes", "", "with -docs: only these scenes, comma-separated (default: all)")
	docsMisses = flag.Bool("docs-misses", false, "with -docs: list every image not read exactly on stderr")
	docsOnly   = flag.String("docs-only", "", "with -docs: only the documents whose name contains this")
	docsList   = flag.Bool("docs-list", false, "with -docs: list the whole documents, their half, whether their truth passes its checks and its repaired label, and read nothing")
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
// came from (corpus.Half): correction rules are tuned on the first and
// judged on both, so a rule that only helps the crops it was made on shows
// as a gap.
const (
	tuningHalf  = corpus.Tuning
	heldOutHalf = corpus.HeldOut
)

// corpusDoc is one document of the corpus whose crops form a whole MRZ,
// its lines in MRZ order.
type corpusDoc struct {
	name   string
	half   string
	truth  []string
	crops  []image.Image
	format ocr.Format
	valid  bool // the true lines pass their own check digits as printed
	// repaired are the true lines with the label's impossible letters
	// put right (repairedLabel); nil when the label stands.
	repaired []string
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
		d := corpusDoc{name: group[0].doc, half: corpus.Half(group[0].doc), valid: truthValid(group)}
		for _, at := range order {
			d.truth = append(d.truth, group[at].truth)
			d.crops = append(d.crops, group[at].img)
		}
		d.format = ocr.Parse(d.truth).Format
		if r, ok := repairedLabel(d.truth); ok {
			d.repaired = r
		}
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
		strip, capPx := specimen.StackMRZ(d.crops, 0)
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
	_, natural := specimen.StackMRZ(d.crops[:1], 0)
	capPx := natural * cardScales[k%len(cardScales)]
	dpi := capPx / (mrzCapMM / 25.4)
	doc, err := specimen.PrintMRZ(specimen.Random(uint64(k)+1, kindFor(d)), uint64(k), d.crops, capPx, dpi)
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
	doc, err := specimen.PrintMRZ(specimen.Random(uint64(k)+1, kindFor(d)), uint64(k), d.crops, mrzCapMM/25.4*dpi, dpi)
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
	// review counts the fields in review of the images read exact: each
	// is a comparison asked of the user for nothing.
	review int
}

func (t *docTally) add(o docOutcome, res ocr.Result) {
	t.n++
	t.count[o]++
	if o == outExact {
		t.review += len(res.Review)
	}
}

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
		if res.Fields.Get(f) != want.Fields.Get(f) && !slices.Contains(res.Review, f) {
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
	if *docsList {
		for _, d := range docs {
			fmt.Fprintf(w, "%s\t%s\t%s\tvalid=%v\trepaired=%q\n", d.half, d.format, d.name, d.valid, d.repaired)
		}
		return nil
	}
	type key struct{ half, scene, format string }
	tallies := map[key]*docTally{}
	tally := func(k key) *docTally {
		if tallies[k] == nil {
			tallies[k] = &docTally{}
		}
		return tallies[k]
	}
	calib := map[string][]fieldConf{}
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
			if d.valid {
				calib[d.half] = append(calib[d.half], confidences(res, d)...)
			}
			for _, k := range []key{{d.half, s.name, ""}, {d.half, "", string(d.format)}, {d.half, "", ""}} {
				tally(k).add(o, res)
			}
			if d.valid {
				tally(key{d.half, "", "valid truth"}).add(o, res)
			}
			against := o
			if d.repaired != nil {
				dr := d
				dr.truth = d.repaired
				against = classify(res, dr)
			}
			tally(key{d.half, "", "labels repaired"}).add(against, res)
			if o != outExact && *docsMisses {
				fmt.Fprintf(os.Stderr, "%s [%s, %s]: %s found=%v valid=%v review=%v wrong=%v\n  want %q\n  got  %q\n  raw  %q\n  corrections %v\n  confidence %v\n",
					d.name, d.half, s.name, [...]string{"exact", "not found", "wrong, flagged", "WRONG BUT VALID"}[o],
					res.Found, res.Valid, res.Review, unflaggedWrong(res, d), d.truth, res.Lines, res.RawLines, res.Corrections, res.Confidence)
			}
		}
	}

	fmt.Fprintf(w, "\n## Whole MRZ images from real line crops (%s)\n\n", dir)
	fmt.Fprintf(w, "Each document's crops stacked in MRZ order (%d documents: %d tuning, %d held out, split by a hash of the source photo's name), shown in %d scenes and read as `idpro mrz` reads a file. Exact: every line as printed. Wrong but valid: reported valid with a wrong field not flagged for review.\n\n",
		len(docs), taken[tuningHalf], taken[heldOutHalf], len(used))
	if *passesOffFlag != "" {
		fmt.Fprintf(w, "Correction passes switched off: %s.\n\n", *passesOffFlag)
	}
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
		if k.format != "" && k.format != "valid truth" && k.format != "labels repaired" && !slices.Contains(formats, k.format) {
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
		row(key{half, "", "labels repaired"}, "all, against the repaired labels")
	}
	fmt.Fprintln(w, "\nLabels repaired (a letter where only digits may stand, or a digit where only letters may, put right where the document's own check digits then all pass):")
	fmt.Fprintln(w)
	for _, d := range docs {
		if d.repaired != nil {
			fmt.Fprintf(w, "- %s (%s): %q for %q\n", d.name, d.half, d.repaired, d.truth)
		}
	}
	fmt.Fprintln(w, "\nFields in review on the images read exact:")
	fmt.Fprintln(w)
	for _, half := range []string{tuningHalf, heldOutHalf} {
		for _, k := range []key{{half, "", "valid truth"}, {half, "", ""}} {
			if t := tallies[k]; t != nil {
				label := map[string]string{"valid truth": "truth passes its checks", "": "all"}[k.format]
				fmt.Fprintf(w, "- %s, %s: %d fields over %d images\n", half, label, t.review, t.count[outExact])
			}
		}
	}
	confidenceTable(w, calib)
	return nil
}

// fieldConf is one field of a valid reading that was not flagged for
// review: the recognizer's least confidence in its glyphs, and whether
// it was read right.
type fieldConf struct {
	conf  float64
	right bool
}

// confidences lists the unflagged fields of a valid reading of d.
func confidences(res ocr.Result, d corpusDoc) []fieldConf {
	if !res.Valid {
		return nil
	}
	want := ocr.Parse(d.truth)
	var out []fieldConf
	for _, f := range ocr.FieldNames {
		c, ok := res.Confidence[f]
		if !ok || slices.Contains(res.Review, f) {
			continue
		}
		out = append(out, fieldConf{c, res.Fields.Get(f) == want.Fields.Get(f)})
	}
	return out
}

// confidenceTable shows, per half, what flagging the unflagged fields
// of valid readings below a confidence would catch and cost: wrong
// fields flagged against right ones (documents whose truth passes its
// checks only). A threshold is chosen on the tuning half.
func confidenceTable(w io.Writer, calib map[string][]fieldConf) {
	fmt.Fprintf(w, "\nUnflagged fields of valid readings (truth passing its checks), flagged if the least glyph confidence were below:\n\n| half | threshold | wrong fields flagged | right fields flagged |\n|---|---|---|---|\n")
	for _, half := range []string{tuningHalf, heldOutHalf} {
		wrong, right := 0, 0
		for _, c := range calib[half] {
			if c.right {
				right++
			} else {
				wrong++
			}
		}
		for _, t := range []float64{50, 60, 70, 75, 80, 85, 88, 90, 92} {
			fw, fr := 0, 0
			for _, c := range calib[half] {
				if c.conf < t && c.right {
					fr++
				} else if c.conf < t {
					fw++
				}
			}
			fmt.Fprintf(w, "| %s | %.0f | %d of %d | %d of %d |\n", half, t, fw, wrong, fr, right)
		}
	}
}

func percent1(k, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%% (%d)", 100*float64(k)/float64(n), k)
}
