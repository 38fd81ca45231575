package main

import (
	"image"
	"image/draw"
	"math"
	"math/rand/v2"

	"golang.org/x/image/vector"
)

// The corpus's line crops: capitals about 40 px high with 10 px of white
// above and below and 5-8 px at the sides.
const (
	finalCap    = 40
	finalMargin = 10
)

// ink is a grey image of ink coverage, 0 (paper) to 1 (ink), row-major.
type ink struct {
	w, h int
	v    []float32
}

func (m ink) at(x, y int) float32 {
	if x < 0 || y < 0 || x >= m.w || y >= m.h {
		return 0
	}
	return m.v[y*m.w+x]
}

// bilinear samples m between pixels.
func (m ink) bilinear(x, y float64) float32 {
	x0, y0 := math.Floor(x), math.Floor(y)
	fx, fy := float32(x-x0), float32(y-y0)
	i, j := int(x0), int(y0)
	top := m.at(i, j)*(1-fx) + m.at(i+1, j)*fx
	bottom := m.at(i, j+1)*(1-fx) + m.at(i+1, j+1)*fx
	return top*(1-fy) + bottom*fy
}

// drawText draws text in f with its capitals capPx high, one character
// per cell of pitch×capPx, each glyph's ink centred in its cell as
// fixed-pitch MRZ printers place them, shifted by up to jitter (a
// fraction of capPx), and widened by width. Glyphs too wide for the pitch
// are condensed, as the sans faces some documents use for their MRZ are.
func drawText(text string, f *face, capPx, pitch, width, jitter float64, r *rand.Rand) ink {
	sx := math.Min(width, 0.9*pitch/(f.maxWidth*capPx/f.capUnits))
	pad := int(capPx)
	w := int(float64(len(text))*pitch) + 2*pad
	h := int(capPx) + 2*pad
	var z vector.Rasterizer
	z.Reset(w, h)
	for i, c := range text {
		x := float64(pad) + (float64(i)+0.5)*pitch + jitter*capPx*(r.Float64()-0.5)
		y := float64(pad) + capPx + jitter*capPx*(r.Float64()-0.5)
		f.draw(&z, c, x, y, capPx, sx)
	}
	dst := image.NewAlpha(image.Rect(0, 0, w, h))
	z.Draw(dst, dst.Bounds(), image.Opaque, image.Point{})
	m := ink{w: w, h: h, v: make([]float32, w*h)}
	for i, a := range dst.Pix {
		m.v[i] = float32(a) / 255
	}
	return m
}

// renderLine draws text in f degraded by p and returns it binarised and
// cropped as the corpus crops are: black ink on white, 8-bit grey.
func renderLine(text string, f *face, p degradation, r *rand.Rand) *image.Gray {
	capPx := p.sourceCap
	if capPx == 0 {
		capPx = finalCap
	}
	m := drawText(text, f, capPx, capPx*p.pitch(), p.widthScale(), p.jitter, r)
	box := inkBox(m)
	m = p.degradeSource(m, capPx, r)
	scale := p.targetCap() / capPx
	out := p.resample(m, scale)
	return crop(p.threshold(out, r), p.mapBox(box, m, out, scale), r)
}

// inkBox is the box of m's ink.
func inkBox(m ink) image.Rectangle {
	x0, y0, x1, y1 := m.w, m.h, -1, -1
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			if m.v[y*m.w+x] > 0.5 {
				x0, y0 = min(x0, x), min(y0, y)
				x1, y1 = max(x1, x), max(y1, y)
			}
		}
	}
	if x1 < 0 {
		return image.Rect(0, 0, m.w, m.h)
	}
	return image.Rect(x0, y0, x1+1, y1+1)
}

// crop cuts bin to the text's box with the corpus's margins, as white
// paper: the corpus's crops come from a detector that boxes the text, so
// noise and specks outside that box are not in them.
func crop(bin ink, text image.Rectangle, r *rand.Rand) *image.Gray {
	side := 5 + r.IntN(4)
	top := finalMargin - 1 + r.IntN(3)
	rect := image.Rect(text.Min.X-side, text.Min.Y-top, text.Max.X+side, text.Max.Y+top)
	img := image.NewGray(image.Rect(0, 0, rect.Dx(), rect.Dy()))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			if bin.at(x, y) > 0.5 {
				img.Pix[(y-rect.Min.Y)*img.Stride+(x-rect.Min.X)] = 0
			}
		}
	}
	return img
}
