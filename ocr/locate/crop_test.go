package locate

import (
	"image"
	"image/draw"
	"testing"
)

// TestScaledLineMakesCapitalsTheAskedHeight scales a crop of "capitals"
// 30 px high with low fillers between them: the capitals must come out as
// high as asked, whatever the fillers.
func TestScaledLineMakesCapitalsTheAskedHeight(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 600, 60))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for x := 10; x+20 < 600; x += 60 {
		draw.Draw(img, image.Rect(x, 15, x+6, 45), image.Black, image.Point{}, draw.Src)     // a capital's stem
		draw.Draw(img, image.Rect(x+30, 28, x+50, 32), image.Black, image.Point{}, draw.Src) // a filler
	}
	for _, capPx := range []float64{24, 40, 48} {
		out := ScaledLine(img, capPx)
		top, bottom := -1, -1
		for y := range out.Rect.Dy() {
			for x := range out.Rect.Dx() {
				if out.Pix[y*out.Stride+x] == 0 {
					if top < 0 {
						top = y
					}
					bottom = y
					break
				}
			}
		}
		if got := float64(bottom - top + 1); got < capPx-2 || got > capPx+2 {
			t.Errorf("asked %v px capitals, got %v px", capPx, got)
		}
	}
}

// TestThinnedErodesAPixelAtEachEdge: a stroke 5 px wide comes out 3 px
// wide and 2 px shorter, and a lone speck goes.
func TestThinnedErodesAPixelAtEachEdge(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 40, 40))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(10, 5, 15, 35), image.Black, image.Point{}, draw.Src)
	img.Pix[30*img.Stride+30] = 0
	out := thinned(img)
	ink := 0
	for y := range 40 {
		for x := range 40 {
			on := out.Pix[y*out.Stride+x] == 0
			want := x >= 11 && x < 14 && y >= 6 && y < 34
			if on != want {
				t.Fatalf("pixel (%d, %d) ink %v, want %v", x, y, on, want)
			}
			if on {
				ink++
			}
		}
	}
	if ink != 3*28 {
		t.Errorf("%d ink pixels, want a 3x28 stroke", ink)
	}
}

// TestDespeckleClearsDotsNotCharacters: dots of a halftone background
// under the size given go; a character's stem and a filler's arm stay.
func TestDespeckleClearsDotsNotCharacters(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 80, 40))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(10, 0, 15, 40), image.Black, image.Point{}, draw.Src)  // a stem
	draw.Draw(img, image.Rect(30, 20, 42, 23), image.Black, image.Point{}, draw.Src) // an arm
	for _, x := range []int{50, 60, 70} {
		draw.Draw(img, image.Rect(x, 5, x+3, 8), image.Black, image.Point{}, draw.Src) // dots
	}
	despeckle(img, 6)
	for _, c := range []struct {
		x, y int
		ink  bool
	}{{12, 20, true}, {35, 21, true}, {51, 6, false}, {61, 6, false}, {71, 6, false}} {
		if got := img.Pix[c.y*img.Stride+c.x] == 0; got != c.ink {
			t.Errorf("pixel (%d, %d) ink %v, want %v", c.x, c.y, got, c.ink)
		}
	}
}
