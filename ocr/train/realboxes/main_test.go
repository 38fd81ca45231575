package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idpro/idpro/ocr/corpus"
)

// The corpus's BSD-3 subset that ocr/tesseract's real-print test reads,
// in the corpus's own layout.
const testCrops = "../../tesseract/testdata/real-mrz"

func TestBoxesOnlyTuningCropsCutAsTheirTruth(t *testing.T) {
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("needs the tesseract command (Debian tesseract-ocr)")
	}
	dir := t.TempDir()
	crops, err := corpus.List(testCrops)
	if err != nil {
		t.Fatal(err)
	}
	tuning, spoiled := 0, ""
	for _, c := range crops {
		data, err := os.ReadFile(c.Path)
		if err != nil {
			t.Fatal(err)
		}
		truth := c.Truth
		if c.Half() == corpus.Tuning {
			tuning++
			if spoiled == "" {
				// A truth one character longer than the print: its boxes
				// cannot be matched to it, so the crop must be left out.
				spoiled, truth = c.Name, truth+"<"
			}
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name+".tif"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.Name+".gt.txt"), []byte(truth+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if tuning < 2 || tuning == len(crops) {
		t.Fatalf("%d of %d test crops in the tuning half: the test needs both halves", tuning, len(crops))
	}

	out := t.TempDir()
	kept, total, err := run(dir, "../../../assets/tessdata/mrz.traineddata", out)
	if err != nil {
		t.Fatal(err)
	}
	if total != tuning {
		t.Errorf("read %d crops, want the %d of the tuning half only", total, tuning)
	}
	if kept == 0 || kept >= total {
		t.Errorf("kept %d of %d: want some, and not the spoiled %s", kept, total, spoiled)
	}

	boxes, _ := filepath.Glob(filepath.Join(out, "*.box"))
	tifs, _ := filepath.Glob(filepath.Join(out, "*.tif"))
	if len(boxes) != kept || len(tifs) != kept {
		t.Fatalf("%d boxes and %d images written for %d kept crops", len(boxes), len(tifs), kept)
	}
	truths := map[string]bool{}
	for _, c := range crops {
		if c.Half() == corpus.Tuning && c.Name != spoiled {
			truths[strings.ReplaceAll(c.Truth, " ", "")] = true
		}
	}
	for _, b := range boxes {
		lines, err := readLines(b)
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		for _, l := range lines {
			if f := strings.Fields(l); len(f) != 6 {
				t.Fatalf("%s: box line %q", b, l)
			}
			text.WriteByte(l[0])
		}
		if !truths[text.String()] {
			t.Errorf("%s spells %q, no tuning crop's truth", filepath.Base(b), text.String())
		}
	}
}
