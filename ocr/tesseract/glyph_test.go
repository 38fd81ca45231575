package tesseract

import (
	"image"
	"strings"
	"testing"
)

// TestRecognizeGlyphReadsAmongTheAllowed reads single glyphs cut from a
// rendered line: each as itself when it is allowed, as one of the allowed
// characters when it is not, and afterwards the engine reads whole lines
// with its own whitelist again.
func TestRecognizeGlyphReadsAmongTheAllowed(t *testing.T) {
	const line = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
	img := render(t, line)
	e := newMRZ(t)
	glyph := func(i int) image.Image {
		// render draws 30-px cells from 20 px in.
		return img.SubImage(image.Rect(20+30*i, 0, 50+30*i, img.Rect.Dy()))
	}
	for _, c := range []struct {
		at      int
		allowed string
	}{
		{strings.IndexByte(line, 'F'), "MFX<"},
		{strings.IndexByte(line, 'U'), ""},
		{strings.IndexByte(line, 'Z'), "ABCDEFGHIJKLMNOPQRSTUVWXYZ<"},
		{strings.IndexByte(line, '7'), "0123456789<"},
	} {
		got, err := e.RecognizeGlyph(glyph(c.at), c.allowed)
		if err != nil {
			t.Fatal(err)
		}
		if got != rune(line[c.at]) {
			t.Errorf("%c among %q: read %q", line[c.at], c.allowed, got)
		}
	}
	// A 2 among letters only is a letter, or nothing: never a digit.
	got, err := e.RecognizeGlyph(glyph(strings.IndexByte(line, '2')), "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	if err != nil {
		t.Fatal(err)
	}
	if got != 0 && (got < 'A' || got > 'Z') {
		t.Errorf("2 among letters: read %q", got)
	}
	text, err := e.RecognizeLine(img)
	if err != nil {
		t.Fatal(err)
	}
	// OCR-B's O and 0 differ only in width (docs/mrz-training.md).
	fold := strings.NewReplacer("O", "0")
	if fold.Replace(text) != fold.Replace(line) {
		t.Errorf("line after glyph readings: %q, want %q", text, line)
	}
}
