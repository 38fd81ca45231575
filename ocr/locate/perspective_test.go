package locate

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"
)

// mrzInPerspective draws an MRZ of 3 lines of 30 dark bars whose pitch
// and size grow steadily from near to far, as in a photo of a document
// taken at an angle: growth is the far end's scale against the near
// end's.
func mrzInPerspective(growth float64) *image.Gray {
	const capH, pitch = 30, 30
	page := image.NewGray(image.Rect(0, 0, 60+int(30*pitch*growth), 60+6*int(capH*growth)))
	draw.Draw(page, page.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	for l := range 3 {
		x := 30.0
		for c := range 30 {
			s := 1 + (growth-1)*float64(c)/29
			y := 30 + l*2*int(capH*growth)
			draw.Draw(page, image.Rect(int(x), y, int(x+0.6*pitch*s), y+int(capH*s)), image.NewUniform(color.Gray{}), image.Point{}, draw.Src)
			x += pitch * s
		}
	}
	return page
}

// A line photographed at an angle has its pitch grow along it: it is
// still an MRZ line while the growth stays within what a readable photo
// shows.
func TestMRZInPerspectiveIsFound(t *testing.T) {
	for _, c := range []struct {
		growth float64
		lines  int
	}{
		{1, 3},
		{1.3, 3},
		{1.5, 3},
		{1.7, 3},
		{2.0, 3},
		{3.0, 0}, // no MRZ line in a readable photo grows so much
	} {
		blocks := All(mrzInPerspective(c.growth))
		got := 0
		if len(blocks) > 0 {
			got = len(blocks[0].Lines)
		}
		if got != c.lines {
			t.Errorf("pitch growing %.1f times along the line: %d lines found, want %d", c.growth, got, c.lines)
		}
	}
}

// leaning draws a binary line image of vertical strokes leaning by l
// columns per row.
func leaning(l float64) *image.Gray {
	const w, h = 400, 40
	g := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	for y := range h {
		for c := 30; c < w-30; c += 24 {
			x := c + int(math.Round(l*(float64(y)+0.5-h/2)))
			for dx := range 4 {
				g.SetGray(x+dx, y, color.Gray{})
			}
		}
	}
	return g
}

// The glyphs of a line seen in perspective lean; lean measures by how
// much, so that the line image can stand them upright.
func TestLean(t *testing.T) {
	for _, want := range []float64{0, 0.1, -0.2, 0.25} {
		if got := lean(leaning(want)); math.Abs(got-want) > 0.026 {
			t.Errorf("strokes leaning %.2f columns per row: lean says %.2f", want, got)
		}
	}
}
