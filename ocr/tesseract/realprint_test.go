package tesseract

import (
	"bufio"
	"context"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"golang.org/x/image/tiff"
)

// realPrintFloor is how many of the real-print images the reader must
// read exactly, every line as printed (of 26: 13 documents, two scenes
// each), measured when the test was written; a change that reads fewer
// has lost real documents. Raise it when a change reads more.
const realPrintFloor = 21

// realDoc is one document of testdata/real-mrz: its crops in MRZ order
// and their true lines.
type realDoc struct {
	name  string
	crops []image.Image
	truth []string
}

func loadRealDocs(t *testing.T) []realDoc {
	t.Helper()
	dir := filepath.Join("testdata", "real-mrz")
	f, err := os.Open(filepath.Join(dir, "documents.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []realDoc
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d realDoc
		for _, crop := range strings.Fields(sc.Text()) {
			gt, err := os.ReadFile(filepath.Join(dir, crop+".gt.txt"))
			if err != nil {
				t.Fatal(err)
			}
			tf, err := os.Open(filepath.Join(dir, crop+".tif"))
			if err != nil {
				t.Fatal(err)
			}
			img, err := tiff.Decode(tf)
			tf.Close()
			if err != nil {
				t.Fatalf("%s: %v", crop, err)
			}
			d.name = strings.TrimSuffix(crop, crop[strings.LastIndex(crop, "-"):])
			d.crops = append(d.crops, img)
			d.truth = append(d.truth, strings.TrimSpace(string(gt)))
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestReaderReadsRealPrint reads whole MRZs made of real documents'
// line crops, as a user's image comes: the MRZ alone, upright, and
// printed on a generated card (photo, text, background pattern) turned
// a quarter turn and two degrees, at 0.7 of the crops' size. The real
// print (other MRZ fonts, bold and blotted photos) is what the
// generated documents of the other tests lack.
func TestReaderReadsRealPrint(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 26 images with Tesseract")
	}
	docs := loadRealDocs(t)
	reader := ocr.NewReader(func() (ocr.Recognizer, error) { return NewMRZ(t.TempDir()) }, ocr.ReaderOptions{
		Workers: 1, Now: func() time.Time { return time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) },
	})
	defer reader.Close()
	exact := 0
	for k, d := range docs {
		strip, capPx := specimen.StackMRZ(d.crops, 0)
		alone, err := specimen.Capture(strip, specimen.RenderOptions{DPI: capPx / (2.4 / 25.4), Page: specimen.Card})
		if err != nil {
			t.Fatal(err)
		}
		kind := map[int]specimen.Kind{30: specimen.IDCard, 36: specimen.TD2Card, 44: specimen.Passport}[len(d.truth[0])]
		dpi := 0.7 * capPx / (2.4 / 25.4)
		doc, err := specimen.PrintMRZ(specimen.Random(uint64(k)+1, kind), uint64(k), d.crops, 0.7*capPx, dpi)
		if err != nil {
			t.Fatal(err)
		}
		card, err := specimen.Capture(doc, specimen.RenderOptions{DPI: dpi, Page: specimen.Card, Rotate: 90 * (1 + k%3), Skew: 2, Noise: 3})
		if err != nil {
			t.Fatal(err)
		}
		for scene, img := range map[string]image.Image{"alone": alone, "on a card": card} {
			res, err := reader.Read(context.Background(), img)
			if err != nil {
				t.Fatal(err)
			}
			if slices.Equal(res.Lines, d.truth) {
				exact++
				continue
			}
			t.Logf("%s, %s: read %q (valid %v, review %v)", d.name, scene, res.Lines, res.Valid, res.Review)
			if res.Valid && len(res.Lines) == len(d.truth) {
				for i := range res.Lines {
					if res.Lines[i] != d.truth[i] && len(res.Review) == 0 {
						t.Errorf("%s, %s: valid with nothing to review, but line %d is %q, not %q", d.name, scene, i+1, res.Lines[i], d.truth[i])
					}
				}
			}
		}
	}
	t.Logf("%d of %d real-print images read exactly", exact, 2*len(docs))
	if exact < realPrintFloor {
		t.Errorf("%d of %d real-print images read exactly, fewer than the floor of %d: a change has lost real documents", exact, 2*len(docs), realPrintFloor)
	}
}
