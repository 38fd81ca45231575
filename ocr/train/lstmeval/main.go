// Command lstmeval measures MRZ recognizers on the corpus's line crops
// alone, before any correction: raw line exact rate, character error rate
// and filler runs kept, on the tuning and held-out halves of the real
// crops (split by source photo as cmd/mrzeval splits them) and on the
// synthetic crops. It calls Tesseract as ocr/tesseract does, each model
// with its engine mode and the MRZ whitelist. It exists to judge
// recognizers trained by ocr/train (docs/mrz-training.md), apart from the
// reader's corrections.
//
//	go run ./ocr/train/lstmeval -lines ../shared/corpus/mrz-lines \
//	    -model legacy=assets/tessdata/mrz.traineddata:0 -model lstm=/tmp/mrzlstm.traineddata:1
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/idpro/idpro/ocr/tesseract"
)

// model is a traineddata file and the engine mode to read it with.
type model struct {
	name, path string
	mode       tesseract.EngineMode
}

type models []model

func (m *models) String() string { return fmt.Sprint(*m) }

// Set parses NAME=PATH:OEM, OEM 0 (legacy) or 1 (LSTM).
func (m *models) Set(s string) error {
	name, rest, ok := strings.Cut(s, "=")
	i := strings.LastIndex(rest, ":")
	if !ok || i < 0 {
		return fmt.Errorf("want NAME=PATH:OEM, got %q", s)
	}
	oem, err := strconv.Atoi(rest[i+1:])
	if err != nil || oem < 0 || oem > 1 {
		return fmt.Errorf("OEM must be 0 or 1 in %q", s)
	}
	*m = append(*m, model{name, rest[:i], map[int]tesseract.EngineMode{0: tesseract.LegacyMode, 1: tesseract.LSTMMode}[oem]})
	return nil
}

func main() {
	dir := flag.String("lines", "../shared/corpus/mrz-lines", "directory of line crops (X.tif + X.gt.txt)")
	var ms models
	flag.Var(&ms, "model", "NAME=PATH:OEM, a traineddata file and its engine mode (0 legacy, 1 LSTM); repeat for several")
	synthEvery := flag.Int("synthetic", 7, "also read every n-th synthetic crop (0: none)")
	misses := flag.String("misses", "", "list the lines of this half (tuning, held-out, synthetic) each model gets wrong, on stderr")
	flag.Parse()
	if len(ms) == 0 {
		ms = models{{"legacy (committed)", "assets/tessdata/mrz.traineddata", tesseract.LegacyMode}}
	}
	samples, err := loadCorpus(*dir, *synthEvery)
	if err != nil {
		fail(err)
	}
	fmt.Printf("%d crops from %s\n\n", len(samples), *dir)
	fmt.Println("| model | half | lines | exact raw | CER | filler runs kept | length right | ms/line |")
	fmt.Println("|---|---|---|---|---|---|---|---|")
	for _, m := range ms {
		e, err := tesseract.New(tesseract.Options{
			DataDir: filepath.Dir(m.path), Language: strings.TrimSuffix(filepath.Base(m.path), ".traineddata"),
			Mode: m.mode, Whitelist: tesseract.MRZAlphabet,
		})
		if err != nil {
			fail(err)
		}
		scores := map[string]*score{}
		t0 := time.Now()
		for _, s := range samples {
			got, err := e.RecognizeLine(s.img)
			if err != nil {
				fail(fmt.Errorf("%s: %s: %w", m.name, s.name, err))
			}
			for _, h := range []string{s.half, allReal} {
				if h == allReal && s.half == synthetic {
					continue
				}
				if scores[h] == nil {
					scores[h] = &score{}
				}
				scores[h].add(s.truth, got)
			}
			if s.half == *misses && got != s.truth {
				fmt.Fprintf(os.Stderr, "%s\t%s\n\ttruth %s\n\tread  %s\n", m.name, s.name, s.truth, got)
			}
		}
		ms := float64(time.Since(t0).Microseconds()) / 1000 / float64(len(samples))
		e.Close()
		for _, h := range []string{tuning, heldOut, allReal, synthetic} {
			if s := scores[h]; s != nil {
				fmt.Printf("| %s | %s | %d | %.1f%% | %.2f%% | %s | %.1f%% | %.0f |\n", m.name, h, s.lines,
					pct(s.exact, s.lines), 100*float64(s.errors)/float64(s.chars),
					fmt.Sprintf("%.1f%% of %d", pct(s.fillerKept, s.fillerLines), s.fillerLines),
					pct(s.lengthRight, s.lines), ms)
			}
		}
	}
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "lstmeval:", err)
	os.Exit(1)
}
