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

// bars draws a line of n dark bars on page from (x, y) in direction
// angle: the first bar h high at pitch p, both growing steadily to
// pGrowth and hGrowth times along the line (a line seen at an angle is
// foreshortened along its length more than across it); every gap-th
// gap is a word gap (0: none).
func bars(page *image.Gray, x, y, angle float64, n int, p, h, pGrowth, hGrowth float64, gap int) {
	cos, sin := math.Cos(angle), math.Sin(angle)
	a := 0.0
	for c := range n {
		f := float64(c) / float64(n-1)
		pc, hc := p*(1+(pGrowth-1)*f), h*(1+(hGrowth-1)*f)
		for da := 0.0; da < 0.6*pc; da += 0.5 {
			for db := -hc / 2; db < hc/2; db += 0.5 {
				page.SetGray(int(x+(a+da)*cos-db*sin), int(y+(a+da)*sin+db*cos), color.Gray{})
			}
		}
		a += pc
		if gap > 0 && c%gap == gap-1 {
			a += pc
		}
	}
}

func whitePage(w, h int) *image.Gray {
	page := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(page, page.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	return page
}

// A document seen at a steep angle is foreshortened along its lines:
// at the near end its MRZ's pitch is three quarters of its capitals'
// height, at the far end half, under the 0.6 an upright MRZ line has
// at least. It is still found.
func TestForeshortenedMRZIsFound(t *testing.T) {
	page := whitePage(1400, 400)
	for l := range 2 {
		bars(page, 40, 150+float64(l)*45, 0, 44, 12, 24, 2.2, 1.5, 0)
	}
	blocks := All(page)
	if len(blocks) == 0 || len(blocks[0].Lines) != 2 {
		t.Fatalf("found %d blocks, want one of 2 lines", len(blocks))
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
		g := leaning(want)
		if got, _ := lean(g, 0, g.Rect.Dx()); math.Abs(got-want) > 0.026 {
			t.Errorf("strokes leaning %.2f columns per row: lean says %.2f", want, got)
		}
	}
}

// squareLine draws a binary line image as a flat, square-on MRZ line
// ending in fillers shows it: 12 upright stems, then 24 fillers, two arms
// meeting at the middle of each glyph's left side, their lower arms a
// pixel bolder, as blur and ink spread make them.
func squareLine() *image.Gray {
	const capH, pitch = 30, 24
	const w, h = 36*pitch + 60, 40
	g := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(g, g.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	for c := range 36 {
		x0 := 30 + c*pitch
		for y := range capH {
			x, bold := x0, 4
			if c >= 12 {
				arm := math.Abs(float64(y)+0.5-capH/2) / (capH / 2) // 0 at the tip, 1 at the ends
				x, bold = x0+int(math.Round(arm*12)), 3
				if y >= capH/2 {
					bold++
				}
			}
			for dx := range bold {
				g.SetGray(x+dx, y+(h-capH)/2, color.Gray{})
			}
		}
	}
	return g
}

// A line whose glyphs stand upright is cut square even where it ends in
// fillers, which line up about as well at any lean: their best lean
// must not count as the other end's would.
func TestKeystoneLeavesFillersAlone(t *testing.T) {
	if shears := keystone(squareLine()); shears != nil {
		t.Errorf("a square-on line ending in fillers is sheared by %.2f at its left end to %.2f at its right, want not at all", shears[0], shears[len(shears)-1])
	}
}

// keystoned draws an MRZ of 2 lines of 40 bars whose lean (columns per
// row) changes steadily from left to right along each line, as a
// document photographed with its top side far leans its glyphs.
func keystoned(left, right float64) *image.Gray {
	const capH, pitch = 30, 30
	page := whitePage(60+40*pitch, 200)
	for l := range 2 {
		y0 := 60 + l*2*capH
		for c := range 40 {
			lean := left + (right-left)*float64(c)/39
			x := 30 + float64(c*pitch)
			for y := range capH {
				off := lean * (float64(y) + 0.5 - capH/2)
				for dx := range 8 {
					page.SetGray(int(x+off)+dx, y0+y, color.Gray{})
				}
			}
		}
	}
	return page
}

// A line whose glyphs lean apart at its two ends (a document
// photographed with its top side far) is cut with every glyph upright.
func TestKeystonedLineIsStoodUpright(t *testing.T) {
	for _, c := range []struct{ left, right float64 }{{0.25, -0.25}, {-0.2, 0.2}, {0, 0}} {
		page := keystoned(c.left, c.right)
		blocks := All(page)
		if len(blocks) == 0 {
			t.Fatalf("leaning %.2f to %.2f: no MRZ found", c.left, c.right)
		}
		b := blocks[0]
		g := LineImage(NewLuma(page), 1, b.Frame, b.Lines[0], b.Flipped, 40)
		w := g.Rect.Dx()
		l, _ := lean(g, 0, w/3)
		r, _ := lean(g, w-w/3, w)
		if math.Abs(l) > 0.05 || math.Abs(r) > 0.05 {
			t.Errorf("leaning %.2f to %.2f: the line image's glyphs lean %.2f at its left end, %.2f at its right", c.left, c.right, l, r)
		}
	}
}
