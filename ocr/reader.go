package ocr

import (
	"context"
	"image"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr/locate"
	"github.com/idpro/idpro/ocr/mrz"
)

// Recognizer reads the text of one MRZ line image (dark text on light,
// upright). Implementations need not be safe for concurrent use: a Reader
// gives each goroutine its own.
type Recognizer interface {
	RecognizeLine(img image.Image) (string, error)
	Close() error
}

// ReaderOptions tune a Reader; the zero value is fine.
type ReaderOptions struct {
	// Workers bounds the recognizers, and so the pages read at once;
	// GOMAXPROCS when 0.
	Workers int
	// Now resolves two-digit years; time.Now when nil.
	Now func() time.Time
}

// Reader finds and reads the MRZ on page images. It is safe for
// concurrent use; recognizers are made on demand and reused.
type Reader struct {
	newRecognizer func() (Recognizer, error)
	now           func() time.Time
	slots         chan struct{} // one per recognizer that may exist
	mu            sync.Mutex
	idle          []Recognizer
	all           []Recognizer
}

// NewReader returns a Reader that makes its recognizers with
// newRecognizer.
func NewReader(newRecognizer func() (Recognizer, error), opts ReaderOptions) *Reader {
	n := opts.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &Reader{newRecognizer: newRecognizer, now: now, slots: make(chan struct{}, n)}
}

// Close closes every recognizer the Reader made.
func (r *Reader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var first error
	for _, rec := range r.all {
		if err := rec.Close(); err != nil && first == nil {
			first = app.Errorf("ocr.engine", err)
		}
	}
	r.all, r.idle = nil, nil
	return first
}

// recognizer returns an idle recognizer or makes one; the caller holds a
// slot, so no more than Workers ever exist.
func (r *Reader) recognizer() (Recognizer, error) {
	r.mu.Lock()
	if n := len(r.idle); n > 0 {
		rec := r.idle[n-1]
		r.idle = r.idle[:n-1]
		r.mu.Unlock()
		return rec, nil
	}
	r.mu.Unlock()
	rec, err := r.newRecognizer()
	if err != nil {
		return nil, app.Errorf("ocr.engine", err)
	}
	r.mu.Lock()
	r.all = append(r.all, rec)
	r.mu.Unlock()
	return rec, nil
}

func (r *Reader) release(rec Recognizer) {
	r.mu.Lock()
	r.idle = append(r.idle, rec)
	r.mu.Unlock()
}

// Read finds the MRZ on img and reads it. No MRZ is not an error: the
// result then has Found false. Errors are for engine failures and
// cancellation.
func (r *Reader) Read(ctx context.Context, img image.Image) (Result, error) {
	if img == nil || img.Bounds().Empty() {
		return Result{}, app.Errorf("ocr.empty_image", nil)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	// A slot bounds the pages worked on at once, not only the OCR.
	select {
	case r.slots <- struct{}{}:
		defer func() { <-r.slots }()
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
	src := locate.NewLuma(img)
	blocks, factor := find(src)
	if len(blocks) == 0 {
		return Result{}, nil
	}
	rec, err := r.recognizer()
	if err != nil {
		return Result{}, err
	}
	defer r.release(rec)
	return readBlocks(ctx, rec, src, factor, blocks, r.now())
}

// find locates the MRZ blocks at the working resolution and, when it
// finds none on an image it reduced, once more at twice the resolution:
// a small MRZ on a large image (a card far from the camera, a copy made
// smaller on a page) has characters too small to find once reduced.
// It costs only where nothing was found.
func find(src *locate.Luma) ([]locate.Block, int) {
	work, factor := locate.Downsample(src)
	blocks := locate.All(work)
	if len(blocks) == 0 && factor > 1 {
		factor /= 2
		blocks = locate.All(locate.DownsampleBy(src, factor))
	}
	return blocks, factor
}

// readBlocks reads the located blocks, the likeliest first, each also
// with the lines it lacks assumed (extended), until a reading settles,
// and returns the truest: the MRZ is the block whose reading has an
// MRZ's shape (its lines, check digits and structure), not the first
// block of regular text.
func readBlocks(ctx context.Context, rec Recognizer, src *locate.Luma, factor int, blocks []locate.Block, now time.Time) (Result, error) {
	var best Result
	first := true
	for _, block := range blocks {
		for _, b := range locate.Extended(block) {
			res, err := readBlock(ctx, rec, src, factor, b, now)
			if err != nil {
				return Result{}, err
			}
			if first || truer(res, 0, best, 0) {
				best, first = res, false
			}
			if settled(best) {
				return flagUnsure(best), nil
			}
		}
	}
	return flagUnsure(best), nil
}

// readBlock reads the block's lines until the result is valid as read
// (settled): first upright as the layout suggests, in each line view in
// turn, combining the views line by line; then the other way up, in case
// the layout misled.
func readBlock(ctx context.Context, rec Recognizer, src *locate.Luma, factor int, block locate.Block, now time.Time) (Result, error) {
	var best Result
	orientations := []bool{block.Flipped, !block.Flipped}
	if block.Headed {
		// The Swiss first line's place fixed the orientation; the other
		// way up reads garbage that may pass as a one-line EU licence.
		orientations = orientations[:1]
	}
	glyphs := newGlyphReader(rec)
	for _, flipped := range orientations {
		var views [][]lineReading
		var res Result
		for _, v := range locate.Views {
			lines, err := readLines(ctx, rec, src, factor, block, flipped, v)
			if err != nil {
				return Result{}, err
			}
			views = append(views, lines)
			// The combinations include the earlier views' own.
			res = bestCombination(views, glyphs, now)
			res.Turns = uprightTurns(block.Frame, flipped)
			if settled(res) {
				return res, nil
			}
		}
		if truer(res, 0, best, 0) {
			best = res
		}
	}
	return best, nil
}

// uprightTurns is the number of clockwise quarter turns that make the
// MRZ read left to right, and so the page stand upright: the reading
// direction is the block's frame, or its opposite when flipped.
func uprightTurns(frame float64, flipped bool) int {
	if flipped {
		frame += math.Pi
	}
	q := int(math.Round(frame / (math.Pi / 2)))
	return ((-q)%4 + 4) % 4
}

// readLines recognises every line of the block, top line first.
func readLines(ctx context.Context, rec Recognizer, src *locate.Luma, factor int, block locate.Block, flipped bool, v locate.View) ([]lineReading, error) {
	lines := make([]lineReading, len(block.Lines))
	for i, l := range block.Lines {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		at := i
		if flipped {
			at = len(lines) - 1 - i
		}
		img := v.Image(func(capPx float64) *image.Gray { return locate.LineImage(src, factor, block.Frame, l, flipped, capPx) })
		read, err := recognize(rec, img)
		if err != nil {
			return nil, err
		}
		lines[at] = read
	}
	return lines, nil
}

// bestCombination parses every way of taking each line from one of the
// views (at most 4^3 on a page), settles confusable glyphs by their
// shapes, and returns the truest result (truer).
func bestCombination(views [][]lineReading, glyphs *glyphReader, now time.Time) Result {
	n := len(views[0])
	var best Result
	pick := make([]lineReading, n)
	text := make([]string, n)
	combos := 1
	for range n {
		combos *= len(views)
	}
	bestConf := 0.0
	for c := range combos {
		k := c
		conf := 0.0
		for i := range pick {
			pick[i] = views[k%len(views)][i]
			text[i] = pick[i].text
			conf += pick[i].conf()
			k /= len(views)
		}
		res := unexplained(mrz.Finish(settleShapes(mrz.Fit(slices.Clone(text), now), pick, glyphs, now), now), text)
		if c == 0 || truer(res, conf, best, bestConf) {
			best, bestConf = res, conf
		}
	}
	return best
}

// unexplained makes r, read from a block's lines text, not valid when
// it leaves some of the lines that read as text out: the block was
// located as MRZ lines, and a one-line licence that a chance check digit
// makes of one of three lines is junk, not the MRZ.
func unexplained(r Result, text []string) Result {
	n := 0
	for _, t := range text {
		if strings.TrimSpace(t) != "" {
			n++
		}
	}
	if r.Valid && len(r.Lines) < n {
		r.Valid = false
	}
	return r
}

// truer tells whether r, from lines whose least sure glyphs have the
// summed confidence rc, is a likelier reading than s, with sc: a valid
// one; between valid ones, the one Parse cut or padded least (a garbled
// line, cut and padded, can pass as a longer format whose extra check
// passes on fillers); between invalid ones, the one with more lines that
// hold a filler (read upside down, the fillers come out as D and the
// junk passes a check digit by chance as often as a misprinted specimen
// read the right way up does); otherwise the one passing more checks;
// then the surer, as names and other text no check digit covers differ
// between views.
func truer(r Result, rc float64, s Result, sc float64) bool {
	if r.Valid != s.Valid {
		return r.Valid
	}
	if a, b := refitted(r), refitted(s); r.Valid && a != b {
		return a < b
	}
	if a, b := fillerLines(r), fillerLines(s); !r.Valid && a != b {
		return a > b
	}
	if p, q := passed(r), passed(s); p != q {
		return p > q
	}
	return rc > sc
}

// refitted counts the characters Parse dropped from or added to the
// lines to give them their lengths.
func refitted(r Result) int {
	n := 0
	for _, c := range r.Corrections {
		if c.From == "" || c.To == "" {
			n++
		}
	}
	return n
}

// fillerLines counts the lines read with a filler ('<') in them: every
// MRZ line but a full TD3 second line has some, and text read upside
// down none.
func fillerLines(r Result) int {
	n := 0
	for _, l := range r.RawLines {
		if strings.Contains(l, "<") {
			n++
		}
	}
	return n
}

// settled tells whether r is valid as read, but for look-alikes: valid
// readings that Parse had to cut down or pad out are worth another view.
func settled(r Result) bool {
	return r.Valid && refitted(r) == 0
}

// passed counts the check digits that hold, and the result's validity.
func passed(r Result) int {
	n := 0
	if r.Valid {
		n += 100
	}
	if r.Found {
		n++
	}
	return n + r.ChecksPassed()
}

// ReadAll reads several pages at once, one per recognizer.
func (r *Reader) ReadAll(ctx context.Context, imgs []image.Image) ([]Result, error) {
	out := make([]Result, len(imgs))
	errs := make([]error, len(imgs))
	var wg sync.WaitGroup
	for i, img := range imgs {
		wg.Go(func() { out[i], errs[i] = r.Read(ctx, img) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return out, err
		}
	}
	return out, nil
}
