package escltest_test

import (
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl/escltest"
	"github.com/idpro/idpro/scan/sane"
)

// TestSANEEsclClientScansFromTheTestServer checks the test scanner against
// an eSCL client it was not written with: libsane's escl backend (Debian's
// libsane1), driven by scanimage through the SANE backend. That client sends
// only scan:DocumentFormatExt.
func TestSANEEsclClientScansFromTheTestServer(t *testing.T) {
	program, err := exec.LookPath("scanimage")
	if err != nil {
		t.Skip("scanimage not installed (Debian package sane-utils)")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dll.conf"), []byte("escl\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The escl backend stops at open when it finds no escl.conf.
	if err := os.WriteFile(filepath.Join(dir, "escl.conf"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := specimen.Render(specimen.Random(7, specimen.IDCard), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		t.Fatal(err)
	}
	srv := escltest.NewServer(escltest.Config{Platen: doc, PlatenAt: image.Pt(0, 0), Sheets: []image.Image{doc, doc, doc, doc}})
	defer srv.Close()

	s := sane.New(program, append(os.Environ(), "SANE_CONFIG_DIR="+dir))
	s.TempDir = t.TempDir()
	dev := scan.Device{Backend: scan.SANE, ID: "escl:" + strings.TrimSuffix(srv.URL, "/eSCL")}
	caps, err := s.Capabilities(context.Background(), dev)
	if err != nil {
		t.Fatal(err)
	}
	if !caps.Has(scan.Flatbed) || !caps.Has(scan.Feeder) || !caps.Has(scan.Duplex) {
		t.Errorf("SANE sees sources %v", caps.Sources)
	}

	pages, err := s.Scan(context.Background(), dev, scan.Settings{DPI: 100, Mode: scan.Gray, Area: scan.Area{Width: 86, Height: 54}}, nil)
	if err != nil {
		t.Fatalf("%v %+v", err, srv.Jobs())
	}
	if b := pages[0].Image.Bounds(); b.Dx() < 336 || b.Dx() > 340 || b.Dy() < 210 || b.Dy() > 214 {
		t.Errorf("card area at 100 dpi: %v", b)
	}
	if dark := darkShare(pages[0].Image); dark < 0.01 {
		t.Errorf("the scan is blank (%.3f dark)", dark)
	}
	j := srv.Jobs()[0]
	if j.FormatExt == "" || j.Format != "" || j.Input != "Platen" || j.DPI != 100 || j.ColorMode != "Grayscale8" {
		t.Errorf("job as the server saw it: %+v", j)
	}

	pages, err = s.Scan(context.Background(), dev, scan.Settings{Source: scan.Duplex, DPI: 75}, nil)
	if err != nil || len(pages) != 4 {
		t.Fatalf("duplex: %d pages, %v", len(pages), err)
	}
}

func darkShare(img image.Image) float64 {
	b := img.Bounds()
	var dark, all int
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			all++
			if r, g, bl, _ := img.At(x, y).RGBA(); (r+g+bl)/3 < 0x6000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(all)
}
