package locate

import (
	"image"
	"math"
	"slices"
)

// ScaledLine is a line crop scaled so its capitals are capPx high and
// binarised like the reader's own line images. The capitals' height is
// that of the character blobs at the 80th percentile: fillers, a third or
// more of most lines, are lower, and only a few characters are taller.
func ScaledLine(img image.Image, capPx float64) *image.Gray {
	src := NewLuma(img)
	w, h := src.rect.Dx(), src.rect.Dy()
	gray := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			gray.Pix[y*gray.Stride+x] = uint8(src.Get(x, y))
		}
	}
	bs := Blobs(Binarise(gray, max(h/2, 8)), w, h)
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
			out.Pix[oy*out.Stride+ox] = uint8(src.Sample((float64(ox)+0.5)/k, (float64(oy)+0.5)/k) + 0.5)
		}
	}
	for i, on := range Binarise(out, int(capPx)) {
		if on {
			out.Pix[i] = 0
		} else {
			out.Pix[i] = 255
		}
	}
	return out
}
