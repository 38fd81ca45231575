package locate

import (
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// mrzOfBars draws an MRZ of n lines of 30 dark bars, capH high and w wide
// at the given pitch, on a white page: character blobs without letters.
func mrzOfBars(n int, capH, w, pitch int) *image.Gray {
	page := image.NewGray(image.Rect(0, 0, 60+30*pitch, 60+n*2*capH))
	draw.Draw(page, page.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	for l := range n {
		for c := range 30 {
			x, y := 30+c*pitch, 30+l*2*capH
			draw.Draw(page, image.Rect(x, y, x+w, y+capH), image.NewUniform(color.Gray{}), image.Point{}, draw.Src)
		}
	}
	return page
}

// A condensed MRZ font (the US passport card's) sets its capitals at a
// pitch of two thirds of their height, where OCR-B's is about one: its
// lines are still MRZ lines. A pitch of half the height is no MRZ
// font's, and stays out.
func TestCondensedMRZIsFound(t *testing.T) {
	for _, c := range []struct {
		capH, pitch int
		lines       int
	}{
		{36, 36, 3}, // OCR-B's proportions
		{36, 24, 3}, // condensed: 0.67
		{36, 22, 3}, // 0.61
		{36, 18, 0}, // 0.5: not an MRZ font
	} {
		blocks := All(mrzOfBars(3, c.capH, c.pitch*2/3, c.pitch))
		got := 0
		if len(blocks) > 0 {
			got = len(blocks[0].Lines)
		}
		if got != c.lines {
			t.Errorf("capitals %d px at a pitch of %d: %d lines found, want %d", c.capH, c.pitch, got, c.lines)
		}
	}
}
