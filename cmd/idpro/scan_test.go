package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// saneTestBackend enables SANE's test backend for this test only, through
// SANE_CONFIG_DIR; users get plain scanimage.
func saneTestBackend(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("scanimage"); err != nil {
		t.Skip("scanimage not installed (Debian package sane-utils; make test installs it)")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dll.conf"), []byte("test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SANE_CONFIG_DIR", dir)
	t.Setenv("LANG", "en")
}

func runScanArgs(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = runScan(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestScanListJSON(t *testing.T) {
	saneTestBackend(t)
	code, out, errOut := runScanArgs("--list", "--json", "--discover=false")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var devs []scan.Device
	if err := json.Unmarshal([]byte(out), &devs); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(devs) != 2 || devs[0].ID != "test:0" || devs[0].Backend != scan.SANE {
		t.Errorf("devices %+v", devs)
	}
}

func TestScanFlatbedAndFeederWritePages(t *testing.T) {
	saneTestBackend(t)
	dir := filepath.Join(t.TempDir(), "out")
	code, out, errOut := runScanArgs("--device", "test:0", "--dpi", "75", "--mode", "gray", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	paths := strings.Fields(out)
	if len(paths) != 1 || paths[0] != filepath.Join(dir, "scan-001.png") {
		t.Fatalf("printed %q", out)
	}
	if b := decode(t, paths[0]).Bounds(); b.Dx() != 236 || b.Dy() != 295 {
		t.Errorf("80x100 mm at 75 dpi is 236x295, got %v", b)
	}
	code, out, errOut = runScanArgs("--device", "sane:test:1", "--source", "feeder", "--dpi", "50", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if paths := strings.Fields(out); len(paths) != 10 || paths[0] != filepath.Join(dir, "scan-002.png") {
		t.Errorf("feeder printed %q", out)
	}
}

func TestScanFromNetworkScanner(t *testing.T) {
	doc := image.NewGray(image.Rect(0, 0, 1011, 638))
	srv := escltest.NewServer(escltest.Config{Sheets: []image.Image{doc, doc, doc, doc}})
	defer srv.Close()
	dir := t.TempDir()
	code, out, errOut := runScanArgs("--device", srv.URL, "--source", "duplex", "--dpi", "75", "--out", dir)
	if code != 0 || len(strings.Fields(out)) != 4 {
		t.Fatalf("exit %d, %q: %s", code, out, errOut)
	}
	// The address as a user types it: host and port, no scheme, no /eSCL.
	hostPort := strings.TrimSuffix(strings.TrimPrefix(srv.URL, "http://"), "/eSCL")
	code, out, errOut = runScanArgs("--device", hostPort, "--dpi", "75", "--out", dir)
	if code != 0 || len(strings.Fields(out)) != 1 {
		t.Fatalf("%s: exit %d, %q: %s", hostPort, code, out, errOut)
	}
	code, out, errOut = runScanArgs("--list", "--json", "--discover=false", "--escl", srv.URL)
	if code != 0 || !strings.Contains(out, `"id": "`+srv.URL+`"`) {
		t.Errorf("exit %d, %s %s", code, out, errOut)
	}
}

func TestScanErrorsAreSaid(t *testing.T) {
	saneTestBackend(t)
	code, out, errOut := runScanArgs("--device", "nosuch:0", "--out", t.TempDir())
	if code != 1 || out != "" || !strings.Contains(errOut, "nosuch:0") || strings.Contains(errOut, "scanner.not_found") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, args := range [][]string{
		{"--device", "test:0"},
		{"--device", "test:0", "--out", "x", "--source", "glass"},
		{"--device", "test:0", "--out", "x", "--mode", "sepia"},
		{"--device", "http://", "--out", "x"},
		{"--list", "--device", "test:0"},
	} {
		if code, _, _ := runScanArgs(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func decode(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestScanIDCardProfileWaitsForTheTurn(t *testing.T) {
	t.Setenv("LANG", "en")
	card := image.NewGray(image.Rect(0, 0, 1011, 638)) // a black ID-1 card
	srv := escltest.NewServer(escltest.Config{Platen: card, PlatenAt: image.Pt(300, 600)})
	defer srv.Close()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	code := runScan([]string{"--device", srv.URL, "--profile", "id_card", "--out", dir}, strings.NewReader("\n"), &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	paths := strings.Fields(out.String())
	if len(paths) != 2 || !strings.Contains(errOut.String(), "press Enter") {
		t.Fatalf("stdout %q, stderr %q", out.String(), errOut.String())
	}
	// Cropped to the card plus 2 mm a side at 300 dpi.
	if b := decode(t, paths[1]).Bounds(); b.Dx() < 1011 || b.Dx() > 1070 || b.Dy() < 638 || b.Dy() > 700 {
		t.Errorf("back %v", b)
	}

	out.Reset()
	errOut.Reset()
	code = runScan([]string{"--device", srv.URL, "--profile", "id_card", "--out", dir}, strings.NewReader(""), &out, &errOut)
	if code != 1 || len(strings.Fields(out.String())) != 1 || !strings.Contains(errOut.String(), "cancelled") {
		t.Errorf("no confirmation: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}

func TestScanProfileSources(t *testing.T) {
	t.Setenv("LANG", "en")
	card := image.NewGray(image.Rect(0, 0, 1011, 638))
	srv := escltest.NewServer(escltest.Config{Sheets: []image.Image{card, card}, Platen: card})
	defer srv.Close()
	dir := t.TempDir()
	code, out, errOut := runScanArgs("--device", srv.URL, "--profile", "id_card", "--source", "duplex", "--rotate-back", "--dpi", "75", "--out", dir)
	if code != 0 || len(strings.Fields(out)) != 2 {
		t.Fatalf("duplex card: exit %d, %q: %s", code, out, errOut)
	}
	// A passport booklet does not go through a feeder.
	code, out, errOut = runScanArgs("--device", srv.URL, "--profile", "passport_page", "--source", "duplex", "--out", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, "cannot scan with these settings") {
		t.Errorf("passport from the feeder: exit %d, %q: %s", code, out, errOut)
	}
	if n := len(srv.Jobs()); n != 1 {
		t.Errorf("%d jobs", n)
	}
}
