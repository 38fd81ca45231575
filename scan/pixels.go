package scan

import (
	"image"
	"image/color"
	"image/draw"
)

// The checks read millions of pixels; going through image.Image.At for
// each costs ten times more than reading the common layouts directly.

// grayOf returns the luminance of img within r, sharing memory with a
// YCbCr or Gray image (the usual outcome of decoding a JPEG scan).
func grayOf(img image.Image, r image.Rectangle) *image.Gray {
	r = r.Intersect(img.Bounds())
	switch m := img.(type) {
	case *image.Gray:
		return m.SubImage(r).(*image.Gray)
	case *image.YCbCr:
		y := m.SubImage(r).(*image.YCbCr)
		return &image.Gray{Pix: y.Y, Stride: y.YStride, Rect: y.Rect}
	}
	g := image.NewGray(r)
	switch m := img.(type) {
	case *image.NRGBA:
		rgbToGray(g, m.Pix, m.Stride, m.PixOffset(r.Min.X, r.Min.Y))
	case *image.RGBA:
		rgbToGray(g, m.Pix, m.Stride, m.PixOffset(r.Min.X, r.Min.Y))
	default:
		draw.Draw(g, r, img, r.Min, draw.Src)
	}
	return g
}

// rgbToGray fills g from 8-bit RGBA-laid pixels (alpha ignored: scans
// are opaque) with the JPEG/Rec. 601 luminance weights.
func rgbToGray(g *image.Gray, pix []uint8, stride, off int) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	for y := 0; y < h; y++ {
		src := pix[off+y*stride : off+y*stride+4*w]
		dst := g.Pix[y*g.Stride : y*g.Stride+w]
		for x := range dst {
			s := src[4*x : 4*x+3 : 4*x+3]
			dst[x] = uint8((19595*uint32(s[0]) + 38470*uint32(s[1]) + 7471*uint32(s[2]) + 1<<15) >> 16)
		}
	}
}

// rgbAt reads one pixel as 8-bit RGB.
func rgbAt(img image.Image, x, y int) (r, g, b uint8) {
	switch m := img.(type) {
	case *image.YCbCr:
		yi, ci := m.YOffset(x, y), m.COffset(x, y)
		return color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
	case *image.NRGBA:
		i := m.PixOffset(x, y)
		return m.Pix[i], m.Pix[i+1], m.Pix[i+2]
	case *image.RGBA:
		i := m.PixOffset(x, y)
		return m.Pix[i], m.Pix[i+1], m.Pix[i+2]
	case *image.Gray:
		v := m.Pix[m.PixOffset(x, y)]
		return v, v, v
	}
	c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
	return c.R, c.G, c.B
}

// thumb is a small RGB copy of a page for finding the document: each
// pixel averages a 2x2 sample of its block of the page.
type thumb struct {
	w, h  int
	scale float64 // page pixels per thumb pixel
	rgb   []uint8 // 3 bytes a pixel
}

func newThumb(img image.Image, maxSide int) *thumb {
	b := img.Bounds()
	scale := float64(max(b.Dx(), b.Dy())) / float64(maxSide)
	if scale < 1 {
		scale = 1
	}
	t := &thumb{w: max(1, int(float64(b.Dx())/scale)), h: max(1, int(float64(b.Dy())/scale)), scale: scale}
	t.rgb = make([]uint8, 3*t.w*t.h)
	offsets := [4][2]float64{{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}}
	yc, isYCbCr := img.(*image.YCbCr)
	for ty := 0; ty < t.h; ty++ {
		for tx := 0; tx < t.w; tx++ {
			var xs, ys [4]int
			for k, d := range offsets {
				xs[k] = b.Min.X + min(b.Dx()-1, int((float64(tx)+d[0])*scale))
				ys[k] = b.Min.Y + min(b.Dy()-1, int((float64(ty)+d[1])*scale))
			}
			i := 3 * (ty*t.w + tx)
			if isYCbCr {
				// Luma from four samples, colour from one: the colour
				// planes are subsampled anyway.
				var sy int
				for k := range xs {
					sy += int(yc.Y[yc.YOffset(xs[k], ys[k])])
				}
				ci := yc.COffset(xs[0], ys[0])
				t.rgb[i], t.rgb[i+1], t.rgb[i+2] = color.YCbCrToRGB(uint8(sy/4), yc.Cb[ci], yc.Cr[ci])
				continue
			}
			var sr, sg, sb int
			for k := range xs {
				r, g, bl := rgbAt(img, xs[k], ys[k])
				sr, sg, sb = sr+int(r), sg+int(g), sb+int(bl)
			}
			t.rgb[i], t.rgb[i+1], t.rgb[i+2] = uint8(sr/4), uint8(sg/4), uint8(sb/4)
		}
	}
	return t
}

func (t *thumb) gray(i int) int {
	return (299*int(t.rgb[3*i]) + 587*int(t.rgb[3*i+1]) + 114*int(t.rgb[3*i+2])) / 1000
}
