// Command mrzeval measures how well idpro reads the MRZ of generated
// documents (ocr/specimen): the share of documents with every field exact,
// per capture, resolution and kind; the time per page on one core; and the
// peak memory for a 600-dpi A4 page. It prints a markdown report.
//
//	go run ./cmd/mrzeval [-n 10] [-o report.md]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mrzeval:", err)
		os.Exit(1)
	}
}

func run() error {
	n := flag.Int("n", 10, "documents per kind, capture and resolution")
	seed := flag.Uint64("seed", 1, "first seed")
	out := flag.String("o", "", "write the report to this file instead of stdout")
	procs := flag.Int("procs", 1, "GOMAXPROCS while reading (timings are per core)")
	peak := flag.String("peak", "", "internal: read this one JPEG, print the peak memory in kB and exit")
	verbose := flag.Bool("v", false, "list every document not read exactly on stderr")
	tilt := flag.Float64("tilt", 0, "photograph the documents at an angle: the far side this share of the near side's size (specimen's Tilt; 0: square on)")
	tiltTop := flag.Bool("tilt-top", false, "with -tilt, the document's top side far, not its right side")
	passesOffFlag = flag.String("passes-off", "", "switch these correction passes off, comma-separated, to measure what they are worth (ocr.PassNames: "+strings.Join(ocr.PassNames(), ", ")+")")
	flag.Parse()
	if *passesOffFlag != "" {
		if err := ocr.SwitchOff(strings.Split(*passesOffFlag, ",")...); err != nil {
			return err
		}
	}

	dir, err := os.MkdirTemp("", "mrzeval-tessdata-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	runtime.GOMAXPROCS(*procs)
	reader := ocr.NewReader(func() (ocr.Recognizer, error) { return newMRZ(dir) }, ocr.ReaderOptions{Workers: 1})
	defer reader.Close()

	if *peak != "" {
		if err := readOnce(reader, *peak); err != nil {
			return err
		}
		kb, err := ownPeakKB()
		if err != nil {
			return err
		}
		fmt.Println(kb)
		return nil
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if *n > 0 {
		e := &eval{reader: reader, n: *n, seed: *seed, tilt: *tilt, tiltTop: *tiltTop, verbose: *verbose}
		if err := e.run(w); err != nil {
			return err
		}
	}
	for _, section := range sections {
		if err := section(w); err != nil {
			return err
		}
	}
	return nil
}

// passesOffFlag names the correction passes switched off (-passes-off).
var passesOffFlag *string

// sections are further reports that other files of this command add from
// their init (lines.go: the recognizer alone on line crops).
var sections []func(w io.Writer) error

// capture is one way of bringing a document in, at one resolution.
type capture struct {
	page specimen.Page
	dpi  float64
}

var captures = []capture{
	{specimen.A4Flatbed, 150}, {specimen.A4Flatbed, 300}, {specimen.A4Flatbed, 600},
	{specimen.Card, 150}, {specimen.Card, 300}, {specimen.Card, 600},
	{specimen.Photo, 300},
}

type eval struct {
	reader  *ocr.Reader
	n       int
	seed    uint64
	tilt    float64 // the photos' Tilt
	tiltTop bool    // and TiltTop
	verbose bool
}

// outcome is what reading one capture of each kind gave.
type outcome struct {
	exact map[specimen.Kind]int
	// wrongValid counts documents read valid with a wrong field not
	// flagged for review: silently wrong.
	wrongValid int
	// review counts the fields in review of the documents read exact:
	// each is a comparison asked of the user for nothing.
	review int
	ms     []float64 // decode + read, per document: wall clock
	cpuMs  []float64 // and CPU time of the process, which a busy machine does not inflate
}

func (e *eval) run(w io.Writer) error {
	started := time.Now()
	results := make(map[capture]outcome)
	for _, c := range captures {
		o, err := e.measure(c)
		if err != nil {
			return err
		}
		results[c] = o
	}
	jpegMB, png16MB, err := peakMemory()
	if err != nil {
		return err
	}
	e.report(w, results, jpegMB, png16MB, time.Since(started))
	return nil
}

// measure renders n documents of every kind as c says, JPEG-encodes them as
// a scanner would, and times decoding plus reading each.
func (e *eval) measure(c capture) (outcome, error) {
	o := outcome{exact: map[specimen.Kind]int{}}
	for _, k := range specimen.Kinds {
		for i := 0; i < e.n; i++ {
			seed := e.seed + uint64(i)
			d := specimen.Random(seed, k)
			opt := specimen.RandomOptions(seed, c.page, c.dpi)
			if c.page == specimen.Photo {
				opt.Tilt, opt.TiltTop = e.tilt, e.tiltTop
			}
			data, _, err := encode(d, opt)
			if err != nil {
				return o, err
			}
			runtime.GC() // the rendering's garbage is not the reader's cost
			start, cpuStart := time.Now(), cpuTime()
			img, err := jpeg.Decode(bytes.NewReader(data))
			if err != nil {
				return o, err
			}
			res, err := e.reader.Read(context.Background(), img)
			if err != nil {
				return o, err
			}
			o.ms = append(o.ms, float64(time.Since(start).Microseconds())/1000)
			o.cpuMs = append(o.cpuMs, float64((cpuTime()-cpuStart).Microseconds())/1000)
			if res.Fields == d.Fields() {
				o.exact[k]++
				o.review += len(res.Review)
			} else if silentlyWrong(res, d.Fields()) {
				o.wrongValid++
			}
			if res.Fields != d.Fields() && e.verbose {
				fmt.Fprintf(os.Stderr, "%v %v %.0f dpi seed %d: found=%v valid=%v review=%v\n  want %q\n  got  %q\n  raw  %q\n",
					k, c.page, c.dpi, seed, res.Found, res.Valid, res.Review, d.MRZ(), res.Lines, res.RawLines)
			}
		}
	}
	return o, nil
}

// encode renders d and encodes it as JPEG at the capture's quality; it
// also returns the image rendered, before JPEG.
func encode(d specimen.Document, opt specimen.RenderOptions) ([]byte, image.Image, error) {
	quality := opt.JPEGQuality
	opt.JPEGQuality = 0
	img, err := specimen.Render(d, opt)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: max(quality, 75)})
	return buf.Bytes(), img, err
}

// readOnce is the child side of peakMemory: import and read one file
// as idpro mrz does.
func readOnce(reader *ocr.Reader, path string) error {
	pages, err := scan.ImportFile(path)
	if err != nil {
		return err
	}
	res, err := reader.Read(context.Background(), pages[0].Image)
	if err != nil {
		return err
	}
	if !res.Found {
		return fmt.Errorf("%s: no MRZ found", path)
	}
	return nil
}

func (e *eval) report(w io.Writer, results map[capture]outcome, jpegMB, png16MB float64, took time.Duration) {
	fmt.Fprintf(w, "Generated documents (`ocr/specimen`), %d per kind and capture, seeds %d-%d; random orientation,\n",
		e.n, e.seed, e.seed+uint64(e.n)-1)
	fmt.Fprintf(w, "skew within ±10°, noise, blur and JPEG as `specimen.RandomOptions` draws them. %s, %s/%s, %d cores, run took %s.\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), took.Round(time.Second))
	if e.tilt > 0 {
		side := "right"
		if e.tiltTop {
			side = "top"
		}
		fmt.Fprintf(w, "The photos are taken at an angle: the document's far side, its %s, is %.2f of its near side's size (`specimen.RenderOptions.Tilt`).\n\n", side, e.tilt)
	}
	exactTable(w, results, e.n)
	a4, card := results[capture{specimen.A4Flatbed, 300}], results[capture{specimen.Card, 300}]
	fmt.Fprintf(w, "\nMedian time from JPEG bytes to fields, GOMAXPROCS=%d: 300-dpi A4 page %.0f ms (CPU %.0f ms), 300-dpi cropped card %.0f ms (CPU %.0f ms).\n",
		runtime.GOMAXPROCS(0), median(a4.ms), median(a4.cpuMs), median(card.ms), median(card.cpuMs))
	fmt.Fprintf(w, "Peak memory (max RSS of a process importing and reading one 600-dpi A4 page as idpro mrz does): %.0f MB as JPEG, %.0f MB as 48-bit colour PNG.\n", jpegMB, png16MB)
	wrongValid, review, exact := 0, 0, 0
	for _, o := range results {
		wrongValid += o.wrongValid
		review += o.review
		for _, k := range o.exact {
			exact += k
		}
	}
	fmt.Fprintf(w, "Wrong but valid (a wrong field not flagged for review), all captures: %d of %d.\n", wrongValid, e.n*len(specimen.Kinds)*len(captures))
	fmt.Fprintf(w, "Fields in review on the %d documents read exact: %d.\n", exact, review)
}

// exactTable is the share of documents read with every field exact, kinds
// as rows and captures as columns (there are more kinds than captures, and
// a row per kind reads like the list of formats), then the median time
// per document of each capture.
func exactTable(w io.Writer, results map[capture]outcome, n int) {
	fmt.Fprintf(w, "Documents with every field exact (the Swiss licence has no check digits: exact is all it can be), then the median time per document, JPEG bytes to fields:\n\n| kind (format) |")
	for _, c := range captures {
		fmt.Fprintf(w, " %v %.0f |", c.page, c.dpi)
	}
	fmt.Fprintf(w, " all |\n|---|%s---|\n", strings.Repeat("---|", len(captures)))
	for _, k := range specimen.Kinds {
		fmt.Fprintf(w, "| %v (%s) |", k, k.Format())
		total := 0
		for _, c := range captures {
			fmt.Fprintf(w, " %s |", percent(results[c].exact[k], n))
			total += results[c].exact[k]
		}
		fmt.Fprintf(w, " %s |\n", percent(total, n*len(captures)))
	}
	fmt.Fprintf(w, "| all |")
	total := 0
	for _, c := range captures {
		exact := 0
		for _, k := range specimen.Kinds {
			exact += results[c].exact[k]
		}
		fmt.Fprintf(w, " %s |", percent(exact, n*len(specimen.Kinds)))
		total += exact
	}
	fmt.Fprintf(w, " %s |\n", percent(total, n*len(specimen.Kinds)*len(captures)))
	fmt.Fprintf(w, "| median ms |")
	for _, c := range captures {
		fmt.Fprintf(w, " %.0f |", median(results[c].ms))
	}
	fmt.Fprintf(w, " |\n| median CPU ms |")
	for _, c := range captures {
		fmt.Fprintf(w, " %.0f |", median(results[c].cpuMs))
	}
	fmt.Fprintf(w, " |\n")
}

// cpuTime is the CPU time this process has used, Tesseract's threads
// included.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func percent(k, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%% (%d/%d)", 100*float64(k)/float64(n), k, n)
}

func median(s []float64) float64 {
	if len(s) == 0 {
		return 0
	}
	c := slices.Clone(s)
	slices.Sort(c)
	return c[len(c)/2]
}

// silentlyWrong tells whether res is valid with a field that differs
// from want and is not in its review.
func silentlyWrong(res ocr.Result, want ocr.Fields) bool {
	if !res.Valid {
		return false
	}
	for _, f := range ocr.FieldNames {
		if res.Fields.Get(f) != want.Get(f) && !slices.Contains(res.Review, f) {
			return true
		}
	}
	return false
}
