// Command genlines renders training lines for the MRZ LSTM recognizer
// (ocr/train/lstm.sh): each line of text on stdin becomes one page of a
// multi-page TIFF, drawn in one of several MRZ-like fonts at a fixed pitch
// and degraded the way real MRZ crops are (bold or thin ink, low
// resolution, blur, noise, JPEG, uneven light, a small rotation), then
// binarised and cropped like the corpus's line crops (capitals about 40 px
// high, 10 px above and below). Beside each TIFF it writes the WordStr box
// file Tesseract's lstm.train needs. The output depends only on the input,
// -seed and -fonts, which keeps the recipe reproducible.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("out", "", "directory to write NAME-K.tif and NAME-K.box into")
	name := flag.String("name", "mrz", "base name of the files")
	perFile := flag.Int("per-file", 500, "lines (pages) per TIFF")
	seed := flag.Uint64("seed", 1, "random seed")
	fontList := flag.String("fonts", defaultFonts, "comma-separated font files, each optionally weighted as FILE:WEIGHT")
	clean := flag.Bool("clean", false, "render without degradation (to look at the fonts)")
	flag.Parse()
	if *out == "" {
		fail(fmt.Errorf("no -out directory"))
	}
	faces, err := loadFaces(*fontList)
	if err != nil {
		fail(err)
	}
	var lines []string
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		fail(err)
	}
	r := rand.New(rand.NewPCG(*seed, *seed^0x2545f4914f6cdd1d))
	for start, k := 0, 0; start < len(lines); start, k = start+*perFile, k+1 {
		chunk := lines[start:min(start+*perFile, len(lines))]
		pages := make([]page, len(chunk))
		for i, text := range chunk {
			f := faces.pick(r)
			p := degradation{}
			if !*clean {
				p = randomDegradation(r)
			}
			pages[i] = page{text: text, img: renderLine(text, f, p, r)}
		}
		base := filepath.Join(*out, fmt.Sprintf("%s-%03d", *name, k))
		if err := writePages(base, pages); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genlines:", err)
	os.Exit(1)
}
