package main

import (
	"context"
	"flag"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/corpus"
	"github.com/idpro/idpro/ocr/tesseract"
)

var (
	linesDir    = flag.String("lines", "", "also evaluate the recognizers alone on the MRZ line crops in this directory (X.tif + X.gt.txt)")
	legacyData  = flag.String("legacy", "", "with -lines: also measure this generic eng.traineddata (tesseract 4.0.0, with its legacy part) with --oem 0")
	linesMisses = flag.Bool("lines-misses", false, "with -lines: list every line idpro's model gets wrong, after correction")
	baselines   = flag.Bool("baselines", true, "with -lines: also measure Debian's eng model (minutes; off for quick recipe trials)")
	mrzData     = flag.String("mrzdata", "", "measure this traineddata file as idpro's model instead of the embedded one (recipe trials)")
	lstmData    = flag.String("lstmdata", "", "with -lines: also measure this LSTM traineddata file (--oem 1, MRZ whitelist)")
)

// newMRZ starts idpro's engine on the embedded data, or on -mrzdata;
// cache is a directory for the embedded data.
func newMRZ(cache string) (*tesseract.Engine, error) {
	if *mrzData == "" {
		return tesseract.NewMRZ(cache)
	}
	return tesseract.New(tesseract.Options{
		DataDir: filepath.Dir(*mrzData), Language: strings.TrimSuffix(filepath.Base(*mrzData), ".traineddata"),
		Mode: tesseract.LegacyMode, Whitelist: tesseract.MRZAlphabet,
	})
}

func init() {
	sections = append(sections, func(w io.Writer) error {
		if *linesDir == "" {
			return nil
		}
		rep, err := evalLines(*linesDir, *legacyData, w)
		if err != nil || !*linesMisses {
			return err
		}
		last := rep.Engines[len(rep.Engines)-1]
		fmt.Fprintf(w, "\n%s: %d lines not exact after correction\n\n", last.Name, len(last.Misses))
		for _, m := range last.Misses {
			part := ""
			switch {
			case m.Valid:
				part = " (in a whole MRZ, valid truth)"
			case m.Whole:
				part = " (in a whole MRZ)"
			}
			fmt.Fprintf(w, "    %s%s\n      truth %s\n      raw   %s\n      fixed %s\n", m.Name, part, m.Truth, m.Raw, m.Corrected)
		}
		return nil
	})
}

// LinesReport is the evaluation of recognizers on MRZ line crops (X.tif
// with its ground truth X.gt.txt): per engine, on the real crops and on the
// synthetic ones (font_generate_*) apart.
type LinesReport struct {
	Dir     string
	Engines []EngineLines
}

// EngineLines is how one engine did.
type EngineLines struct {
	Name      string
	Real      LineScore
	Synthetic LineScore
	MsPerLine float64 // recognition only, one reused engine
	Misses    []LineMiss
}

// LineScore counts lines read exactly, before and after ocr.Parse's
// correction, and the character error rate of the raw reading.
type LineScore struct {
	Lines, Exact, ExactCorrected int
	// InWhole counts the lines of documents whose crops form a whole MRZ,
	// the only ones ocr.Parse corrects; WholeExact of them were read
	// exactly after correction.
	InWhole, WholeExact int
	// InValid counts the lines of whole MRZs whose true text passes its
	// own check digits (not the specimens printed with wrong ones, or
	// with a letter in a date, which Parse rightly does not reproduce);
	// ValidExact of them were read exactly after correction.
	InValid, ValidExact int
	errors, chars       int
}

// CER is the raw character error rate: edit distance over truth length.
func (s LineScore) CER() float64 {
	if s.chars == 0 {
		return 0
	}
	return float64(s.errors) / float64(s.chars)
}

// LineMiss is one line not read exactly even after correction.
type LineMiss struct {
	Name, Truth, Raw, Corrected string
	Whole                       bool // in a whole MRZ, so corrected
	Valid                       bool // and its true text passes its check digits
}

type lineSample struct {
	name, doc, truth string
	img              image.Image
}

// evalLines reads every line crop in dir with Debian's eng model, with the
// generic legacy eng data at legacyData (a path to eng.traineddata from
// tesseract 4.0.0; skipped when empty) and with idpro's MRZ model, and
// writes a Markdown table to w. Lines of one document (NAME-0, NAME-1, ...)
// are corrected together by ocr.Parse, as the reader does.
func evalLines(dir, legacyData string, w io.Writer) (LinesReport, error) {
	samples, err := loadLines(dir)
	if err != nil {
		return LinesReport{}, err
	}
	cache, err := os.MkdirTemp("", "mrzeval-tessdata-")
	if err != nil {
		return LinesReport{}, err
	}
	defer os.RemoveAll(cache)

	type engine struct {
		name  string
		start func() (*tesseract.Engine, error)
	}
	var engines []engine
	if *baselines {
		engines = append(engines, engine{"Debian eng (LSTM), whitelist", tesseract.NewSystemEng})
	}
	if legacyData != "" {
		engines = append(engines, engine{"eng 4.0.0 legacy (--oem 0), whitelist", func() (*tesseract.Engine, error) {
			return tesseract.New(tesseract.Options{
				DataDir: filepath.Dir(legacyData), Language: strings.TrimSuffix(filepath.Base(legacyData), ".traineddata"),
				Mode: tesseract.LegacyMode, Whitelist: tesseract.MRZAlphabet,
			})
		}})
	}
	if *lstmData != "" {
		engines = append(engines, engine{"LSTM " + filepath.Base(*lstmData), func() (*tesseract.Engine, error) {
			return tesseract.New(tesseract.Options{
				DataDir: filepath.Dir(*lstmData), Language: strings.TrimSuffix(filepath.Base(*lstmData), ".traineddata"),
				Mode: tesseract.LSTMMode, Whitelist: tesseract.MRZAlphabet,
			})
		}})
	}
	engines = append(engines, engine{"idpro mrz", func() (*tesseract.Engine, error) { return newMRZ(cache) }})

	rep := LinesReport{Dir: dir}
	for _, e := range engines {
		res, err := evalEngine(e.name, e.start, samples)
		if err != nil {
			return rep, err
		}
		rep.Engines = append(rep.Engines, res)
	}
	writeLinesReport(w, rep)
	return rep, nil
}

func loadLines(dir string) ([]lineSample, error) {
	crops, err := corpus.List(dir)
	if err != nil {
		return nil, err
	}
	out := make([]lineSample, 0, len(crops))
	for _, c := range crops {
		img, err := c.Image()
		if err != nil {
			return nil, err
		}
		out = append(out, lineSample{name: c.Name, doc: c.Doc, truth: c.Truth, img: img})
	}
	return out, nil
}

func evalEngine(name string, start func() (*tesseract.Engine, error), samples []lineSample) (EngineLines, error) {
	res := EngineLines{Name: name}
	e, err := start()
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	defer e.Close()
	raw := make([]string, len(samples))
	t0 := time.Now()
	for i, s := range samples {
		if raw[i], err = e.RecognizeLine(s.img); err != nil {
			return res, fmt.Errorf("%s: %s: %w", name, s.name, err)
		}
	}
	res.MsPerLine = float64(time.Since(t0).Microseconds()) / 1000 / float64(len(samples))

	corrected, err := correctByDocument(e, samples, raw)
	if err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	whole := make([]bool, len(samples))
	valid := make([]bool, len(samples))
	for i := 0; i < len(samples); {
		j := i + 1
		for j < len(samples) && samples[j].doc == samples[i].doc {
			j++
		}
		w := wholeMRZ(samples[i:j])
		v := w && truthValid(samples[i:j])
		for k := i; k < j; k++ {
			whole[k], valid[k] = w, v
		}
		i = j
	}
	for i, s := range samples {
		score := &res.Real
		if strings.HasPrefix(s.name, "font_generate_") {
			score = &res.Synthetic
		}
		score.Lines++
		score.chars += len(s.truth)
		score.errors += editDistance(raw[i], s.truth)
		if raw[i] == s.truth {
			score.Exact++
		}
		if whole[i] {
			score.InWhole++
			if corrected[i] == s.truth {
				score.WholeExact++
			}
		}
		if valid[i] {
			score.InValid++
			if corrected[i] == s.truth {
				score.ValidExact++
			}
		}
		if corrected[i] == s.truth {
			score.ExactCorrected++
		} else {
			res.Misses = append(res.Misses, LineMiss{s.name, s.truth, raw[i], corrected[i], whole[i], valid[i]})
		}
	}
	return res, nil
}

// correctByDocument reads the lines of each document that form a whole
// MRZ as the reader would, with ocr.ReadLineImages (the crops as given,
// then at the reader's capital heights, combined by check digits), and
// returns its corrected lines; other crops keep their raw reading. The
// corpus numbers a document's crops in no fixed order; the reader knows
// the order from where the lines are on the page, so here the ground
// truth tells it.
func correctByDocument(rec ocr.Recognizer, samples []lineSample, raw []string) ([]string, error) {
	out := append([]string(nil), raw...)
	for i := 0; i < len(samples); {
		j := i + 1
		for j < len(samples) && samples[j].doc == samples[i].doc {
			j++
		}
		if wholeMRZ(samples[i:j]) {
			if err := correctDocument(rec, samples[i:j], raw[i:j], out[i:j]); err != nil {
				return nil, err
			}
		}
		i = j
	}
	return out, nil
}

// wholeMRZ tells whether a document's crops make up a complete MRZ: 3x30,
// 2x36 or 2x44 by the ground truth, distinct lines (the corpus has
// documents with one line cropped twice), and true lines in which Parse
// finds an MRZ of that many lines. Parse cannot place a lone line of a
// three-line MRZ, and the reader never hands it one.
func wholeMRZ(lines []lineSample) bool {
	width := len(lines[0].truth)
	seen := map[string]bool{}
	for _, l := range lines {
		if len(l.truth) != width || seen[l.truth] {
			return false
		}
		seen[l.truth] = true
	}
	switch {
	case len(lines) == 3 && width == 30, len(lines) == 2 && (width == 36 || width == 44):
		_, ok := mrzOrder(lines)
		return ok
	}
	return false
}

// truthValid tells whether a whole MRZ's true lines, in their order,
// pass every check digit as they are.
func truthValid(samples []lineSample) bool {
	order, _ := mrzOrder(samples)
	truth := make([]string, len(order))
	for k, at := range order {
		truth[k] = samples[at].truth
	}
	r := ocr.Parse(truth)
	return r.Valid && slices.Equal(r.Lines, truth)
}

// mrzOrder is the order of a document's crops in its MRZ, found from the
// ground truth, and whether the true lines in that order hold an MRZ of
// that many lines.
func mrzOrder(samples []lineSample) ([]int, bool) {
	var order []int
	var best ocr.Result
	for _, o := range permutations(len(samples)) {
		truth := make([]string, len(o))
		for k, at := range o {
			truth[k] = samples[at].truth
		}
		if r := ocr.Parse(truth); order == nil || truerOrder(r, best) {
			best, order = r, o
		}
	}
	return order, best.Found && len(best.Lines) == len(samples)
}

func correctDocument(rec ocr.Recognizer, samples []lineSample, raw, out []string) error {
	order, _ := mrzOrder(samples)
	imgs := make([]image.Image, len(order))
	for k, at := range order {
		imgs[k] = samples[at].img
	}
	r, err := ocr.ReadLineImages(context.Background(), rec, imgs, time.Now())
	if err != nil || !r.Found || len(r.Lines) != len(imgs) {
		return err
	}
	// Parse may still put the lines in another order; match finds where
	// each came from.
	match(raw, r.Lines, out)
	return nil
}

// truerOrder tells whether the true lines in one order, parsed as r, are
// more likely the MRZ's order than those parsed as s: all lines taken,
// then kept as given (Parse tries the lines bottom first too, and would
// otherwise be handed the raw lines in an order it has to undo), then
// valid, then fewest corrections (true text in its order needs none, even
// on the corpus's specimens whose check digits are wrong), then fewest
// fields to review (a line read in the wrong place makes its country
// codes unknown and its dates impossible), then most check digits
// passing.
func truerOrder(r, s ocr.Result) bool {
	if a, b := r.Found && len(r.Lines) == len(r.RawLines), s.Found && len(s.Lines) == len(s.RawLines); a != b {
		return a
	}
	if a, b := slices.Equal(r.Lines, r.RawLines), slices.Equal(s.Lines, s.RawLines); a != b {
		return a
	}
	if r.Valid != s.Valid {
		return r.Valid
	}
	if len(r.Corrections) != len(s.Corrections) {
		return len(r.Corrections) < len(s.Corrections)
	}
	if len(r.Review) != len(s.Review) {
		return len(r.Review) < len(s.Review)
	}
	return r.ChecksPassed() > s.ChecksPassed()
}

// match puts each corrected line in out at the place of the raw line it
// came from (Parse puts lines in MRZ order): the assignment with the least
// total edit distance.
func match(raw, corrected, out []string) {
	best := -1
	for _, order := range permutations(len(raw)) {
		d := 0
		for k, o := range order {
			d += editDistance(raw[o], corrected[k])
		}
		if best < 0 || d < best {
			best = d
			for k, o := range order {
				out[o] = corrected[k]
			}
		}
	}
}

// permutations lists every order of 0..n-1.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for at := 0; at <= len(p); at++ {
			q := append(append(append([]int{}, p[:at]...), n-1), p[at:]...)
			out = append(out, q)
		}
	}
	return out
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func writeLinesReport(w io.Writer, rep LinesReport) {
	pct := func(n, d int) string {
		if d == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(d))
	}
	fmt.Fprintf(w, "\n## Recognizers alone on MRZ line crops (%s)\n\nOne reused engine each; exact = whole line right. ocr.Parse corrects the lines of one document together, in the order that passes most check digits (the corpus does not number lines in MRZ order), and only where the crops form a whole MRZ; other crops count as read. \"Valid truth\": the lines of whole MRZs whose true text passes its own check digits as it is (specimens printed with wrong check digits or a letter in a date are left out).\n\n", rep.Dir)
	fmt.Fprintln(w, "| engine | crops | lines | exact raw | exact after ocr.Parse | lines in whole MRZs | of those exact after ocr.Parse | lines with valid truth | of those exact | CER raw | ms/line |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|")
	for _, e := range rep.Engines {
		for _, part := range []struct {
			name string
			s    LineScore
		}{{"real", e.Real}, {"synthetic", e.Synthetic}} {
			fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %d | %s | %d | %s | %.2f%% | %.1f |\n", e.Name, part.name, part.s.Lines,
				pct(part.s.Exact, part.s.Lines), pct(part.s.ExactCorrected, part.s.Lines),
				part.s.InWhole, pct(part.s.WholeExact, part.s.InWhole),
				part.s.InValid, pct(part.s.ValidExact, part.s.InValid), 100*part.s.CER(), e.MsPerLine)
		}
	}
}
