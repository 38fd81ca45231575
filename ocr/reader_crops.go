package ocr

import (
	"context"
	"image"
	"math"
	"slices"
	"time"

	"github.com/idpro/idpro/app"
)

// ReadLineImages reads an MRZ from images of its lines, top line first, as
// something else cropped them (an MRZ window, a corpus of line crops): the
// lines are read with rec as given, then in each of the reader's line
// views in turn (lineViews), and the readings are combined line by line
// as Read does, until the result is valid as read (settled).
func ReadLineImages(ctx context.Context, rec Recognizer, lines []image.Image, now time.Time) (Result, error) {
	if len(lines) == 0 {
		return Result{}, app.Errorf("ocr.empty_image", nil)
	}
	var best Result
	var views [][]lineReading
	glyphs := newGlyphReader(rec)
	for k := -1; k < len(lineViews); k++ {
		view := make([]lineReading, len(lines))
		for i, img := range lines {
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
			if k >= 0 {
				img = lineViews[k].image(func(capPx float64) *image.Gray { return scaledLine(img, capPx) })
			}
			read, err := recognize(rec, img)
			if err != nil {
				return Result{}, err
			}
			view[i] = read
		}
		views = append(views, view)
		// The combinations include the earlier views' own.
		best = bestCombination(views, glyphs, now)
		if settled(best) {
			break
		}
	}
	return flagUnsure(best), nil
}

// scaledLine is a line crop scaled so its capitals are capPx high and
// binarised like the reader's own line images. The capitals' height is
// that of the character blobs at the 80th percentile: fillers, a third or
// more of most lines, are lower, and only a few characters are taller.
func scaledLine(img image.Image, capPx float64) *image.Gray {
	src := newLuma(img)
	w, h := src.rect.Dx(), src.rect.Dy()
	gray := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			gray.Pix[y*gray.Stride+x] = uint8(src.get(x, y))
		}
	}
	bs := blobs(binarise(gray, max(h/2, 8)), w, h)
	if len(bs) == 0 {
		return gray
	}
	heights := make([]int, len(bs))
	for i, b := range bs {
		heights[i] = b.y1 - b.y0
	}
	slices.Sort(heights)
	k := capPx / float64(heights[len(heights)*4/5])
	ow, oh := max(1, int(math.Round(float64(w)*k))), max(1, int(math.Round(float64(h)*k)))
	out := image.NewGray(image.Rect(0, 0, ow, oh))
	for oy := range oh {
		for ox := range ow {
			out.Pix[oy*out.Stride+ox] = uint8(src.sample((float64(ox)+0.5)/k, (float64(oy)+0.5)/k) + 0.5)
		}
	}
	for i, on := range binarise(out, int(capPx)) {
		if on {
			out.Pix[i] = 0
		} else {
			out.Pix[i] = 255
		}
	}
	return out
}
