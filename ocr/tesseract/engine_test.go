package tesseract

import (
	"image"
	"image/color"
	"image/draw"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fold maps O to 0. OCR-B's O and 0 differ only in width, and the model
// still confuses them on clean renders (docs/mrz-training.md); ocr.Parse
// settles them by field type and check digit. Every other character must be
// exact.
func fold(s string) string { return strings.ReplaceAll(s, "O", "0") }

func newMRZ(t *testing.T) *Engine {
	t.Helper()
	e, err := NewMRZ(t.TempDir())
	if err != nil {
		t.Fatalf("NewMRZ: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestRecognizeLineReadsMRZLines(t *testing.T) {
	e := newMRZ(t)
	// One engine reads them all in turn: reuse is how the reader uses it.
	for _, want := range []string{
		"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
		"L898902C36UTO7408122F1204159ZE184226B<<<<<10",
		"I<UTOD231458907<<<<<<<<<<<<<<<",
		"7408122F1204159UTO<<<<<<<<<<<6",
		"ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
	} {
		got, err := e.RecognizeLine(render(t, want))
		if err != nil {
			t.Fatalf("RecognizeLine(%s): %v", want, err)
		}
		if fold(got) != fold(want) {
			t.Errorf("RecognizeLine:\n got %s\nwant %s", got, want)
		}
	}
}

func TestRecognizeLineTakesAnyImageType(t *testing.T) {
	want := "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
	gray := render(t, want)
	rgba := image.NewRGBA(gray.Bounds())
	draw.Draw(rgba, rgba.Bounds(), gray, image.Point{}, draw.Src)
	// A sub-image starts away from the origin, as crops from a page do.
	page := image.NewRGBA(image.Rect(0, 0, rgba.Bounds().Dx()+100, rgba.Bounds().Dy()+50))
	draw.Draw(page, page.Bounds(), &image.Uniform{color.RGBA{200, 30, 30, 255}}, image.Point{}, draw.Src)
	at := image.Rect(100, 50, page.Bounds().Dx(), page.Bounds().Dy())
	draw.Draw(page, at, rgba, image.Point{}, draw.Src)

	e := newMRZ(t)
	for name, img := range map[string]image.Image{"rgba": rgba, "sub-image": page.SubImage(at)} {
		got, err := e.RecognizeLine(img)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if fold(got) != fold(want) {
			t.Errorf("%s: got %s, want %s", name, got, want)
		}
	}
}

func TestRecognizeBlockReadsEveryLine(t *testing.T) {
	want := []string{
		"I<UTOD231458907<<<<<<<<<<<<<<<",
		"7408122F1204159UTO<<<<<<<<<<<6",
		"ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
	}
	e := newMRZ(t)
	got, err := e.RecognizeBlock(render(t, want...))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines %q, want %q", len(got), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: got %s, want %s", i, got[i], want[i])
		}
	}
	// Back to single lines on the same engine.
	line, err := e.RecognizeLine(render(t, want[1]))
	if err != nil || line != want[1] {
		t.Errorf("RecognizeLine after block: %q, %v", line, err)
	}
}

func TestRecognizeLineOfBlankImageIsEmpty(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 400, 60))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	got, err := newMRZ(t).RecognizeLine(img)
	if err != nil || got != "" {
		t.Errorf("blank line: %q, %v", got, err)
	}
}

func TestNewMRZWritesDataOnceAndShares(t *testing.T) {
	dir := t.TempDir()
	a, err := NewMRZ(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	path := filepath.Join(dir, "mrz.traineddata")
	before, err := os.Stat(path)
	if err != nil {
		t.Fatalf("data not written: %v", err)
	}
	b, err := NewMRZ(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	after, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("second engine rewrote identical data")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("data dir holds %d files, want only mrz.traineddata", len(entries))
	}
}

func TestNewMRZReplacesStaleData(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mrz.traineddata")
	if err := os.WriteFile(path, []byte("left over from an older idpro"), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := NewMRZ(dir)
	if err != nil {
		t.Fatalf("NewMRZ over stale data: %v", err)
	}
	e.Close()
}

func TestNewFailsWithoutData(t *testing.T) {
	if _, err := New(Options{DataDir: t.TempDir(), Language: "mrz"}); err == nil {
		t.Error("New with an empty data dir succeeded")
	}
	if _, err := New(Options{Data: []byte("x"), Language: "mrz"}); err == nil {
		t.Error("New with data but no directory succeeded")
	}
	if _, err := New(Options{}); err == nil {
		t.Error("New without a language succeeded")
	}
}

func TestNewFailsOnCorruptData(t *testing.T) {
	if _, err := New(Options{DataDir: t.TempDir(), Data: []byte("not traineddata"), Language: "mrz"}); err == nil {
		t.Error("New with corrupt data succeeded")
	}
}
