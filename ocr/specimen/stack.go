package specimen

import (
	"image"
	"image/color"

	xdraw "golang.org/x/image/draw"
)

// PrintMRZ draws gen at dpi and prints the MRZ line images crops, in
// MRZ order, where its MRZ goes, with capitals capPx high, darkening the
// background as ink does (the crops' white lets the pattern through).
// When the crops are wider than the document allows, the document is
// drawn larger.
func PrintMRZ(gen Document, seed uint64, crops []image.Image, capPx, dpi float64) (image.Image, error) {
	strip, _ := StackMRZ(crops, capPx)
	for {
		bg, at, err := Backdrop(gen, dpi, seed)
		if err != nil {
			return nil, err
		}
		margin := int(stripMargin(capPx))
		room := bg.Rect.Dx() - 2*at.Min.X
		if inked := strip.Rect.Dx() - 2*margin; inked > room && dpi < 1200 {
			dpi *= float64(inked) / float64(room) * 1.02
			continue
		}
		// The strip's first ink on the MRZ's left edge, its last line's
		// foot on the MRZ's.
		left, top := at.Min.X-margin, at.Max.Y-strip.Rect.Dy()+margin
		for y := 0; y < strip.Rect.Dy(); y++ {
			for x := 0; x < strip.Rect.Dx(); x++ {
				px, py := left+x, top+y
				if !(image.Point{px, py}).In(bg.Rect) {
					continue
				}
				ink := float64(strip.GrayAt(x, y).Y) / 255
				c := bg.RGBAAt(px, py)
				bg.SetRGBA(px, py, color.RGBA{uint8(float64(c.R) * ink), uint8(float64(c.G) * ink), uint8(float64(c.B) * ink), 255})
			}
		}
		return bg, nil
	}
}

// lineSpacing is the distance between MRZ baselines in capital heights,
// as Render draws them.
const lineSpacing = mrzLineMM / mrzCapMM

// stripMargin is the white left around the lines of a strip, in px.
func stripMargin(capPx float64) float64 { return capPx }

// StackMRZ stacks line images (real crops) into one MRZ image, each
// line at lineSpacing below the one before and flush left, each scaled so its capitals are
// capPx high (the corpus scaled every crop to about the same height, so
// the lines of one document come at different scales), or the first
// crop's own when capPx is 0; on white with a margin of one capital
// height. It returns the strip and its capitals' height.
func StackMRZ(crops []image.Image, capPx float64) (*image.Gray, float64) {
	type line struct {
		img              *image.Gray
		top, left, scale float64
	}
	var lines []line
	for _, c := range crops {
		g := grey(c)
		top, bottom, left := inkExtent(g)
		if capPx == 0 {
			capPx = float64(bottom - top)
		}
		s := capPx / float64(max(bottom-top, 1))
		lines = append(lines, line{g, float64(top), float64(left), s})
	}
	margin := stripMargin(capPx)
	width := 0.0
	for _, l := range lines {
		width = max(width, (float64(l.img.Rect.Dx())-l.left)*l.scale)
	}
	height := int(2*margin + float64(len(lines)-1)*lineSpacing*capPx + capPx)
	out := image.NewGray(image.Rect(0, 0, int(width+2*margin), height))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	for i, l := range lines {
		w := int(float64(l.img.Rect.Dx()) * l.scale)
		h := int(float64(l.img.Rect.Dy()) * l.scale)
		scaled := image.NewGray(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(scaled, scaled.Rect, l.img, l.img.Rect, xdraw.Src, nil)
		x0 := int(margin - l.left*l.scale)
		y0 := int(margin + float64(i)*lineSpacing*capPx - l.top*l.scale)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				p := image.Point{x0 + x, y0 + y}
				if p.In(out.Rect) {
					at := out.PixOffset(p.X, p.Y)
					out.Pix[at] = min(out.Pix[at], scaled.Pix[scaled.PixOffset(x, y)])
				}
			}
		}
	}
	return out, capPx
}

// grey converts a crop to 8-bit grey.
func grey(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok && g.Rect.Min == (image.Point{}) {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			g.Set(x, y, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return g
}

// inkExtent is a crop's capitals: the rows where a tenth of the busiest
// row's ink is, and the first column with ink.
func inkExtent(g *image.Gray) (top, bottom, left int) {
	rows := make([]int, g.Rect.Dy())
	left = g.Rect.Dx()
	most := 0
	for y := range rows {
		for x := 0; x < g.Rect.Dx(); x++ {
			if g.Pix[g.PixOffset(x, y)] < 128 {
				rows[y]++
				left = min(left, x)
			}
		}
		most = max(most, rows[y])
	}
	top, bottom = -1, 0
	for y, n := range rows {
		if 10*n > most {
			if top < 0 {
				top = y
			}
			bottom = y + 1
		}
	}
	if top < 0 || left == g.Rect.Dx() {
		return 0, g.Rect.Dy(), 0
	}
	return top, bottom, left
}
