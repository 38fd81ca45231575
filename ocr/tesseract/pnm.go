package tesseract

import (
	"fmt"
	"image"
	"image/color"
)

// margin is the white border added around a line: Tesseract finds text
// badly when glyphs touch the image edge, and crops are often tight.
const margin = 10

// pnm encodes img as a binary greyscale PGM with a white margin: the
// cheapest format Leptonica reads from memory (no compression either way).
func pnm(img image.Image) []byte {
	b := img.Bounds()
	w, h := b.Dx()+2*margin, b.Dy()+2*margin
	header := fmt.Sprintf("P5\n%d %d\n255\n", w, h)
	out := make([]byte, len(header)+w*h)
	copy(out, header)
	pix := out[len(header):]
	for i := range pix {
		pix[i] = 0xff
	}
	gray, _ := img.(*image.Gray)
	for y := 0; y < b.Dy(); y++ {
		row := pix[(y+margin)*w+margin : (y+margin)*w+margin+b.Dx()]
		if gray != nil {
			o := gray.PixOffset(b.Min.X, b.Min.Y+y)
			copy(row, gray.Pix[o:o+b.Dx()])
			continue
		}
		for x := range row {
			row[x] = color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y
		}
	}
	return out
}
