package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/ocr/specimen"
)

func annaPassport() specimen.Document {
	return specimen.Document{Kind: specimen.Passport, DocumentCode: "P", IssuingState: "UTO",
		Surname: "ERIKSSON", GivenNames: "ANNA MARIA", DocumentNumber: "L898902C3", Nationality: "UTO",
		BirthDate: time.Date(1974, 8, 12, 0, 0, 0, 0, time.UTC), Sex: "F",
		ExpiryDate: time.Date(2031, 4, 15, 0, 0, 0, 0, time.UTC), OptionalData: "ZE184226B"}
}

// writePage renders d on an A4 flatbed scan, turned and skewed as a user
// would lay it, and saves it as a scanner's JPEG.
func writeMRZPage(t *testing.T, d specimen.Document, opt specimen.RenderOptions) string {
	t.Helper()
	img, err := specimen.Render(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "passport.jpg")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return path
}

// `idpro mrz --json` on a scanned passport page gives the passport's fields
// through real Tesseract with idpro's MRZ model.
func TestMRZCommandReadsPassportPage(t *testing.T) {
	t.Setenv("IDPRO_DATA", t.TempDir())
	d := annaPassport()
	page := writeMRZPage(t, d, specimen.RenderOptions{DPI: 300, Page: specimen.A4Flatbed, Rotate: 90, Skew: -6, Noise: 4, Seed: 3})
	var stdout, stderr bytes.Buffer
	code := runMRZ([]string{"--json", page}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s, stdout %s", code, stderr.String(), stdout.String())
	}
	var got mrzOutput
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("%v in %s", err, stdout.String())
	}
	if !got.Found || !got.Valid || got.Format != "TD3" || got.File != page {
		t.Errorf("got %+v", got)
	}
	if got.Fields != d.Fields() {
		t.Errorf("fields\n got %+v\nwant %+v", got.Fields, d.Fields())
	}
	if strings.Join(got.Lines, "\n") != strings.Join(d.MRZ(), "\n") {
		t.Errorf("lines %q, want %q", got.Lines, d.MRZ())
	}
}

// A page without an MRZ is not an error but an invalid result (exit 1);
// a missing file is an I/O error (exit 2), and the other inputs are still
// read.
func TestMRZCommandExitCodes(t *testing.T) {
	t.Setenv("IDPRO_DATA", t.TempDir())
	blank := image.NewGray(image.Rect(0, 0, 1240, 1754))
	draw.Draw(blank, blank.Bounds(), image.NewUniform(color.Gray{Y: 245}), image.Point{}, draw.Src)
	path := filepath.Join(t.TempDir(), "blank.jpg")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(f, blank, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()

	var stdout, stderr bytes.Buffer
	if code := runMRZ([]string{"--json", path}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("blank page: exit %d, want 1 (%s)", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"found":false`) {
		t.Errorf("blank page: %s", stdout.String())
	}

	// Errors come in the user's language, on stderr and in the JSON.
	t.Setenv("LC_ALL", "nl_BE.UTF-8")
	t.Setenv("LANGUAGE", "")
	stdout.Reset()
	stderr.Reset()
	missing := filepath.Join(t.TempDir(), "missing.jpg")
	if code := runMRZ([]string{"--json", missing, path}, nil, &stdout, &stderr); code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
	if lines := strings.Split(strings.TrimSpace(stdout.String()), "\n"); len(lines) != 2 || !strings.Contains(lines[0], "bestaat niet") {
		t.Errorf("missing file then blank page: %q", lines)
	}
	if !strings.Contains(stderr.String(), "missing.jpg") || strings.Contains(stderr.String(), "scan.file_not_found") {
		t.Errorf("stderr is not the translated message: %q", stderr.String())
	}
	if code := runMRZ(nil, nil, &stdout, &stderr); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
}

func TestMRZCommandParsesText(t *testing.T) {
	in := strings.Join(annaPassport().MRZ(), "\n") + "\n\nI<UTOD23145890<<<<<<<<<<<<<<<<\n"
	var stdout, stderr bytes.Buffer
	code := runMRZ([]string{"--text"}, strings.NewReader(in), &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1: the second block is not an MRZ", code)
	}
	if !strings.Contains(stdout.String(), "ERIKSSON") || !strings.Contains(stdout.String(), "stdin#2") {
		t.Errorf("summary:\n%s", stdout.String())
	}
	stdout.Reset()
	if code := runMRZ([]string{"--json", "--text"}, strings.NewReader(strings.Join(annaPassport().MRZ(), "\n")), &stdout, &stderr); code != 0 {
		t.Errorf("one valid block: exit %d", code)
	}
	var got mrzOutput
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil || got.Fields != annaPassport().Fields() {
		t.Errorf("%v: %s", err, stdout.String())
	}
}

// The Reader, with real Tesseract, reads every document kind on cards,
// flatbed pages and phone photos in all four orientations; ReadAll reads
// them on as many recognizers as there are cores.
func TestMRZReaderReadsEveryKindAndCapture(t *testing.T) {
	t.Setenv("IDPRO_DATA", t.TempDir())
	reader, closeReader, err := newMRZReader()
	if err != nil {
		t.Fatal(err)
	}
	defer closeReader()
	var docs []specimen.Document
	var imgs []image.Image
	var names []string
	pages := []specimen.Page{specimen.Card, specimen.A4Flatbed, specimen.Photo, specimen.Card}
	for i, k := range specimen.Kinds {
		d := specimen.Random(uint64(100+i), k)
		opt := specimen.RenderOptions{DPI: 300, Page: pages[i%4], Rotate: 90 * (i % 4), Skew: float64(7 - 5*(i%4)),
			Noise: 3, Blur: 0.4, JPEGQuality: 85, Seed: uint64(i)}
		img, err := specimen.Render(d, opt)
		if err != nil {
			t.Fatal(err)
		}
		docs, imgs = append(docs, d), append(imgs, img)
		names = append(names, fmt.Sprintf("%v on %v turned %d°", k, opt.Page, opt.Rotate))
	}
	results, err := reader.ReadAll(context.Background(), imgs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if !r.Found || r.Fields != docs[i].Fields() {
			t.Errorf("%s: found=%v\n got %+v\nwant %+v\nread %q", names[i], r.Found, r.Fields, docs[i].Fields(), r.RawLines)
		}
	}
}
