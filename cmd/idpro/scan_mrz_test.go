package main

import (
	"bufio"
	"context"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/ocr/tesseract"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/sane"
)

// TestScannerToPrefilledFields "scans" generated identity documents with
// SANE's pnm backend (a real scanimage run, the picture standing in for the
// glass) and reads their MRZ with the Tesseract reader: the whole path from
// the scanner to the fields the form is prefilled with.
func TestScannerToPrefilledFields(t *testing.T) {
	program, err := exec.LookPath("scanimage")
	if err != nil {
		t.Skip("scanimage not installed (Debian package sane-utils; make test installs it)")
	}
	conf := t.TempDir()
	if err := os.WriteFile(filepath.Join(conf, "dll.conf"), []byte("pnm\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	reader := ocr.NewReader(func() (ocr.Recognizer, error) { return tesseract.NewMRZ(data) }, ocr.ReaderOptions{Workers: 1})
	defer reader.Close()

	for _, kind := range []specimen.Kind{specimen.IDCard, specimen.Passport} {
		t.Run(kind.String(), func(t *testing.T) {
			doc := specimen.Random(42, kind)
			img, err := specimen.Render(doc, specimen.RenderOptions{DPI: 300, Page: specimen.Card})
			if err != nil {
				t.Fatal(err)
			}
			glass := filepath.Join(t.TempDir(), "glass.ppm")
			writePPM(t, glass, img)

			s := sane.New(program, append(os.Environ(), "SANE_CONFIG_DIR="+conf))
			s.TempDir = t.TempDir()
			s.ExtraArgs = []string{"--filename", glass}
			pages, err := s.Scan(context.Background(), scan.Device{Backend: scan.SANE, ID: "pnm:0"}, scan.Settings{DPI: 300}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 1 || pages[0].Image.Bounds().Size() != img.Bounds().Size() || pages[0].DPI != 300 {
				t.Fatalf("%d pages, first %v", len(pages), pages[0].Image.Bounds())
			}
			res, err := reader.Read(context.Background(), pages[0].Image)
			if err != nil {
				t.Fatal(err)
			}
			if !res.Valid || res.Fields != doc.Fields() {
				t.Errorf("read %+v (valid %v, lines %q)\nwant %+v", res.Fields, res.Valid, res.Lines, doc.Fields())
			}
		})
	}
}

// writePPM writes img as a binary PPM (P6), the pnm backend's input.
func writePPM(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	b := img.Bounds()
	fmt.Fprintf(w, "P6\n%d %d\n255\n", b.Dx(), b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			w.Write([]byte{byte(r >> 8), byte(g >> 8), byte(bl >> 8)})
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
