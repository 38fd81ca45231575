package locate

import (
	"image"
	"image/color"
	"math"
)

// Luma reads the grey level of any image, with fast paths for the types
// decoders return, so that a 600-dpi page is never converted whole.
type Luma struct {
	rect   image.Rectangle
	at     func(x, y int) uint8 // in image coordinates
	plane  []uint8              // the grey plane from the top-left pixel, when there is one
	stride int
}

// NewLuma reads img's grey levels.
func NewLuma(img image.Image) *Luma {
	l := &Luma{rect: img.Bounds()}
	switch m := img.(type) {
	case *image.YCbCr:
		l.at = func(x, y int) uint8 { return m.Y[m.YOffset(x, y)] }
	case *image.Gray:
		l.at = func(x, y int) uint8 { return m.Pix[m.PixOffset(x, y)] }
	case *image.RGBA:
		l.at = func(x, y int) uint8 { return rgbLuma(m.Pix[m.PixOffset(x, y):]) }
	case *image.NRGBA:
		// Scans are opaque; alpha is ignored.
		l.at = func(x, y int) uint8 { return rgbLuma(m.Pix[m.PixOffset(x, y):]) }
	case *image.CMYK:
		l.at = func(x, y int) uint8 {
			p := m.Pix[m.PixOffset(x, y):]
			r, g, b := color.CMYKToRGB(p[0], p[1], p[2], p[3])
			return rgbLuma([]uint8{r, g, b})
		}
	default:
		l.at = func(x, y int) uint8 { return color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y }
	}
	l.plane, l.stride = lumaPlane(img)
	return l
}

// Bounds are the image's bounds.
func (l *Luma) Bounds() image.Rectangle { return l.rect }

// At is the grey level at (x, y) in image coordinates.
func (l *Luma) At(x, y int) uint8 { return l.at(x, y) }

func rgbLuma(p []uint8) uint8 {
	return uint8((19595*uint32(p[0]) + 38470*uint32(p[1]) + 7471*uint32(p[2]) + 1<<15) >> 16)
}

// Sample is the bilinear grey level at (x, y) in image coordinates (pixel
// centres at +0.5); outside the image it is white, like paper.
func (l *Luma) Sample(x, y float64) float64 {
	x -= 0.5
	y -= 0.5
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	var v00, v10, v01, v11 float64
	if l.plane != nil && x0 >= 0 && y0 >= 0 && x0+1 < l.rect.Dx() && y0+1 < l.rect.Dy() {
		// Inside a decoder's plane, the usual case: no call per pixel.
		at := y0*l.stride + x0
		v00, v10 = float64(l.plane[at]), float64(l.plane[at+1])
		v01, v11 = float64(l.plane[at+l.stride]), float64(l.plane[at+l.stride+1])
	} else {
		v00, v10 = l.Get(x0, y0), l.Get(x0+1, y0)
		v01, v11 = l.Get(x0, y0+1), l.Get(x0+1, y0+1)
	}
	top := v00 + (v10-v00)*fx
	bottom := v01 + (v11-v01)*fx
	return top + (bottom-top)*fy
}

// Get is the grey level at (x, y) counted from the image's top-left
// corner; outside the image it is white.
func (l *Luma) Get(x, y int) float64 {
	if x < 0 || y < 0 || x >= l.rect.Dx() || y >= l.rect.Dy() {
		return 255
	}
	if l.plane != nil {
		return float64(l.plane[y*l.stride+x])
	}
	return float64(l.at(x+l.rect.Min.X, y+l.rect.Min.Y))
}

// workLongSide bounds the working image: about 150 dpi for an A4 page, so
// MRZ characters stay over 10 pixels high while labelling stays cheap.
const workLongSide = 2000

// Downsample returns the grey image averaged over factor x factor blocks, with
// factor the smallest integer bringing the long side within workLongSide.
func Downsample(l *Luma) (*image.Gray, int) {
	w, h := l.rect.Dx(), l.rect.Dy()
	factor := (max(w, h) + workLongSide - 1) / workLongSide
	return DownsampleBy(l, factor), max(factor, 1)
}

// DownsampleBy returns the grey image averaged over factor x factor blocks.
func DownsampleBy(l *Luma, factor int) *image.Gray {
	w, h := l.rect.Dx(), l.rect.Dy()
	factor = max(factor, 1)
	out := image.NewGray(image.Rect(0, 0, w/factor, h/factor))
	if factor == 1 && l.plane != nil {
		// A card or a low-resolution page: the plane as it is.
		for y := range h {
			copy(out.Pix[y*out.Stride:y*out.Stride+w], l.plane[y*l.stride:])
		}
		return out
	}
	n := uint32(factor * factor)
	sums := make([]uint32, out.Rect.Dx())
	// Decoders give YCbCr or Gray: read their luma plane directly, the
	// per-pixel call costs more than the sum.
	plane, stride := l.plane, l.stride
	row := make([]uint8, w)
	for oy := 0; oy < out.Rect.Dy(); oy++ {
		clear(sums)
		for y := oy * factor; y < (oy+1)*factor; y++ {
			if plane != nil {
				row = plane[y*stride : y*stride+w]
			} else {
				for x := range row {
					row[x] = l.at(x+l.rect.Min.X, y+l.rect.Min.Y)
				}
			}
			for ox := range sums {
				var s uint32
				for _, v := range row[ox*factor : (ox+1)*factor] {
					s += uint32(v)
				}
				sums[ox] += s
			}
		}
		dst := out.Pix[oy*out.Stride:]
		for ox, s := range sums {
			dst[ox] = uint8(s / n)
		}
	}
	return out
}

// Binarise marks ink: pixels clearly darker than the mean of a window
// around them, so uneven light and tinted security backgrounds drop out.
// radius is half the window side.
// inkAbove is the lightest grey binarise can call ink: 78% of white.
const inkAbove = 199

func Binarise(g *image.Gray, radius int) []bool {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	integral := make([]uint32, (w+1)*(h+1))
	for y := 0; y < h; y++ {
		var row uint32
		above, cur := integral[y*(w+1):(y+1)*(w+1)], integral[(y+1)*(w+1):(y+2)*(w+1)]
		for x, p := range g.Pix[y*g.Stride : y*g.Stride+w] {
			row += uint32(p)
			cur[x+1] = above[x+1] + row
		}
	}
	// The window's columns, clipped at the edges, once for every row.
	x0s, x1s := make([]int, w), make([]int, w)
	for x := range w {
		x0s[x], x1s[x] = max(0, x-radius), min(w, x+radius+1)
	}
	ink := make([]bool, w*h)
	for y := 0; y < h; y++ {
		y0, y1 := max(0, y-radius), min(h, y+radius+1)
		top, bottom := integral[y0*(w+1):(y0+1)*(w+1)], integral[y1*(w+1):(y1+1)*(w+1)]
		out := ink[y*w : (y+1)*w]
		for x, p := range g.Pix[y*g.Stride : y*g.Stride+w] {
			if p >= inkAbove {
				continue // too light to be under 78% of any mean
			}
			x0, x1 := x0s[x], x1s[x]
			sum := int(bottom[x1] - top[x1] - bottom[x0] + top[x0])
			// p < 78% of the window's mean and more than 20 below it,
			// multiplied out: a division per pixel cost half the time.
			area := (x1 - x0) * (y1 - y0)
			pa := int(p) * area
			out[x] = pa*100 < sum*78 && sum-pa > 20*area
		}
	}
	return ink
}

// lumaPlane returns the grey plane of img from its top-left pixel, when
// it has one.
func lumaPlane(img image.Image) ([]uint8, int) {
	r := img.Bounds()
	switch m := img.(type) {
	case *image.YCbCr:
		return m.Y[m.YOffset(r.Min.X, r.Min.Y):], m.YStride
	case *image.Gray:
		return m.Pix[m.PixOffset(r.Min.X, r.Min.Y):], m.Stride
	}
	return nil, 0
}
