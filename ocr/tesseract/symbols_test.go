package tesseract

import (
	"image"
	"image/draw"
	"testing"
)

// TestRecognizeSymbolsMatchesRecognizeLine reads a line placed away from
// the origin: the symbols spell what RecognizeLine reads, left to right,
// each box inside the image and centred where its character was drawn
// (30 px apart, from 20 px in).
func TestRecognizeSymbolsMatchesRecognizeLine(t *testing.T) {
	const want = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
	line := render(t, want)
	page := image.NewGray(image.Rect(0, 0, line.Rect.Dx()+70, line.Rect.Dy()+40))
	at := image.Rect(70, 40, page.Rect.Dx(), page.Rect.Dy())
	draw.Draw(page, page.Rect, image.White, image.Point{}, draw.Src)
	draw.Draw(page, at, line, image.Point{}, draw.Src)
	img := page.SubImage(at)

	e := newMRZ(t)
	text, err := e.RecognizeLine(img)
	if err != nil {
		t.Fatal(err)
	}
	syms, err := e.RecognizeSymbols(img)
	if err != nil {
		t.Fatal(err)
	}
	var got []rune
	for _, s := range syms {
		got = append(got, s.Char)
	}
	if string(got) != text || len(syms) != len(want) {
		t.Fatalf("symbols spell %q, RecognizeLine %q, want %d characters", string(got), text, len(want))
	}
	for i, s := range syms {
		if !s.Box.In(img.Bounds()) || s.Box.Empty() {
			t.Errorf("%c: box %v outside the image %v", s.Char, s.Box, img.Bounds())
		}
		// A glyph's ink is centred in its 30-px cell, to a few pixels.
		if x, centre := at.Min.X+20+30*i+15, (s.Box.Min.X+s.Box.Max.X)/2; centre < x-5 || centre > x+5 {
			t.Errorf("%c (character %d): box %v centred at x=%d, drawn around x=%d", s.Char, i, s.Box, centre, x)
		}
		if s.Conf <= 0 || s.Conf > 100 {
			t.Errorf("%c: confidence %.1f", s.Char, s.Conf)
		}
	}
}
