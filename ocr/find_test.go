package ocr

import (
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/idpro/idpro/ocr/locate"
)

// An MRZ small on a large image (a card far from the camera) has
// characters too small to find once the image is reduced to the working
// size; it is looked for again at twice the resolution.
func TestFindLooksAgainAtTwiceTheResolution(t *testing.T) {
	const capH, pitch = 8, 8
	page := image.NewGray(image.Rect(0, 0, 4200, 1000))
	draw.Draw(page, page.Bounds(), image.NewUniform(color.Gray{Y: 255}), image.Point{}, draw.Src)
	for l := range 3 {
		for c := range 30 {
			x, y := 2000+c*pitch, 500+l*2*capH
			draw.Draw(page, image.Rect(x, y, x+pitch*3/4, y+capH), image.NewUniform(color.Gray{}), image.Point{}, draw.Src)
		}
	}
	src := locate.NewLuma(page)
	if work, factor := locate.Downsample(src); factor < 2 || len(locate.All(work)) != 0 {
		t.Fatalf("the test's MRZ is found at the working size (factor %d): make it smaller", factor)
	}
	blocks, factor := find(src)
	if len(blocks) == 0 || len(blocks[0].Lines) != 3 {
		t.Fatalf("found %d blocks, want one of 3 lines", len(blocks))
	}
	if factor != 1 {
		t.Errorf("factor %d, want 1: the lines are cut from the resolution they were found at", factor)
	}
}
