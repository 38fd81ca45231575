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

// saneWith returns the SANE backend with only the named driver enabled and
// its configuration files written, in a temporary SANE_CONFIG_DIR.
func saneWith(t *testing.T, driver string, conf map[string]string) *sane.Scanner {
	t.Helper()
	program, err := exec.LookPath("scanimage")
	if err != nil {
		t.Skip("scanimage not installed (Debian package sane-utils)")
	}
	dir := t.TempDir()
	conf["dll.conf"] = driver + "\n"
	for name, text := range conf {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := sane.New(program, append(os.Environ(), "SANE_CONFIG_DIR="+dir))
	s.TempDir = t.TempDir()
	return s
}

// TestSANEEsclClientScansFromTheTestServer checks the test scanner against
// an eSCL client it was not written with: libsane's escl backend (Debian's
// libsane1), driven by scanimage through the SANE backend. That client sends
// only scan:DocumentFormatExt.
func TestSANEEsclClientScansFromTheTestServer(t *testing.T) {
	// The escl backend stops at open when it finds no escl.conf.
	s := saneWith(t, "escl", map[string]string{"escl.conf": ""})
	doc, err := specimen.Render(specimen.Random(7, specimen.IDCard), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		t.Fatal(err)
	}
	srv := escltest.NewServer(escltest.Config{Platen: doc, PlatenAt: image.Pt(0, 0), Sheets: []image.Image{doc, doc, doc, doc}})
	defer srv.Close()

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

// TestAirscanScansFromTheTestServer checks the test scanner against
// sane-airscan (Debian package sane-airscan), the eSCL client most Linux
// desktops use, with the scanner configured by address and discovery off.
func TestAirscanScansFromTheTestServer(t *testing.T) {
	doc, err := specimen.Render(specimen.Random(8, specimen.Passport), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		t.Fatal(err)
	}
	srv := escltest.NewServer(escltest.Config{Platen: doc, PlatenAt: image.Pt(300, 300), Sheets: []image.Image{doc, doc, doc}, Busy: 1})
	defer srv.Close()
	s := saneWith(t, "airscan", map[string]string{"airscan.conf": "[devices]\n\"idpro test\" = " + srv.URL + "/, eSCL\n[options]\ndiscovery = disable\n"})
	devs, err := s.Devices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var dev scan.Device
	for _, d := range devs {
		if strings.HasPrefix(d.ID, "airscan:") {
			dev = d
		}
	}
	if dev.ID == "" {
		t.Skip("sane-airscan not installed (Debian package sane-airscan)")
	}
	pages, err := s.Scan(context.Background(), dev, scan.Settings{DPI: 150, Mode: scan.Color}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b := pages[0].Image.Bounds(); b.Dx() < 1230 || b.Dx() > 1250 {
		t.Errorf("A4 width at 150 dpi is 1240 px, got %v", b)
	}
	if dark := darkShare(pages[0].Image); dark < 0.002 {
		t.Errorf("the scan is blank (%.4f dark)", dark)
	}
	j := srv.Jobs()[0]
	if j.Format == "" || j.Input != "Platen" || j.DPI != 150 || j.Busy != 1 {
		t.Errorf("job as the server saw it: %+v", j)
	}
	pages, err = s.Scan(context.Background(), dev, scan.Settings{Source: scan.Feeder, DPI: 75}, nil)
	if err != nil || len(pages) != 2 {
		t.Fatalf("feeder: %d pages, %v", len(pages), err)
	}
}
