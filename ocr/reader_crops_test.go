package ocr

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
		out := scaledLine(img, capPx)
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
