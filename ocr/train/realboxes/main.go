// Command realboxes writes box-training pairs for Tesseract's legacy
// trainer from the real line crops of the corpus's tuning half: each crop
// as mrz.real.expN.tif, scaled and binarised as the reader's line images
// are, beside mrz.real.expN.box, the boxes of its characters labelled with
// the crop's truth. ocr/train/build.sh adds them
// to the OCR-B renders, so that the classifier knows the MRZ fonts and the
// blotted, bold print of real documents as well as clean OCR-B. The
// held-out half is never read: it stays the judge (docs/mrz-training.md).
//
// Tesseract cuts the characters: the crop is read with the model given
// (build.sh's OCR-B-only first stage) and its boxes are kept, relabelled
// with the truth, only when there are as many as the truth has
// characters. A crop Tesseract cuts otherwise is left out, since a box
// shifted by one would teach every later character wrong.
//
// Usage: realboxes -corpus DIR -model FILE.traineddata -out DIR
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/idpro/idpro/ocr/corpus"
	"github.com/idpro/idpro/ocr/locate"
	"golang.org/x/image/tiff"
)

func main() {
	dir := flag.String("corpus", "", "the line-crop corpus (X.tif + X.gt.txt)")
	model := flag.String("model", "", "traineddata (legacy engine) that cuts the crops into characters")
	out := flag.String("out", "", "directory to write mrz.real.expN.tif and .box into")
	flag.Parse()
	if *dir == "" || *model == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	kept, total, err := run(*dir, *model, *out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("realboxes: %d of %d tuning-half crops cut into as many characters as their truth has\n", kept, total)
}

func run(dir, model, out string) (kept, total int, err error) {
	crops, err := corpus.List(dir)
	if err != nil {
		return 0, 0, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, 0, err
	}
	for _, c := range crops {
		if c.Half() != corpus.Tuning { // synthetic lines have no half
			continue
		}
		total++
		base := filepath.Join(out, fmt.Sprintf("mrz.real.exp%d", total))
		ok, err := boxCrop(c, model, base)
		if err != nil {
			return kept, total, fmt.Errorf("%s: %w", c.Name, err)
		}
		if ok {
			kept++
		}
	}
	return kept, total, nil
}

// boxCrop writes base.tif and base.box for the crop, or nothing when
// Tesseract cuts it into another number of characters than its truth has.
func boxCrop(c corpus.Crop, model, base string) (bool, error) {
	if err := writeCrop(c, base+".tif"); err != nil {
		return false, err
	}
	lang := strings.TrimSuffix(filepath.Base(model), ".traineddata")
	cmd := exec.Command("tesseract", base+".tif", base, "--tessdata-dir", filepath.Dir(model),
		"-l", lang, "--oem", "0", "--psm", "7", "-c", "tessedit_create_boxfile=1")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return false, fmt.Errorf("tesseract: %v: %s", err, msg)
	}
	boxes, err := readLines(base + ".box")
	if err != nil {
		return false, err
	}
	truth := strings.ReplaceAll(c.Truth, " ", "")
	if len(boxes) != len(truth) {
		return false, errors.Join(os.Remove(base+".tif"), os.Remove(base+".box"))
	}
	var b strings.Builder
	for i, line := range boxes {
		_, coords, found := strings.Cut(line, " ")
		if !found {
			return false, fmt.Errorf("box line %q", line)
		}
		fmt.Fprintf(&b, "%c %s\n", truth[i], coords)
	}
	return true, os.WriteFile(base+".box", []byte(b.String()), 0o644)
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

// writeCrop writes the crop as the reader's first view gives Tesseract a
// line (locate.ScaledLine: capitals 40 px high, binarised), so that the
// classifier learns the glyphs as it will meet them. Trained on the crops
// as cut, it read more of the held-out crops alone but fewer whole
// documents through the reader (docs/mrz-training.md).
func writeCrop(c corpus.Crop, to string) error {
	img, err := c.Image()
	if err != nil {
		return err
	}
	w, err := os.Create(to)
	if err != nil {
		return err
	}
	if err := tiff.Encode(w, locate.ScaledLine(img, locate.Views[0].CapPx), nil); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
