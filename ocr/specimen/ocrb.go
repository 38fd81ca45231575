package specimen

import (
	"bytes"
	"image"
	"image/draw"
	"math"
	"sync"

	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"
)

// ocrb draws OCR-B glyphs. x/image/font/sfnt cannot load this font's '8'
// and '<' (it lacks the CFF flex1 operator), so the outlines come from
// go-text/typesetting, already a dependency through Fyne, and are filled
// with x/image/vector.
type ocrb struct {
	face     *gtfont.Face
	capUnits float64 // height of 'H' in font units
}

var ocrbFont = sync.OnceValues(func() (*ocrb, error) {
	f, err := gtfont.ParseTTF(bytes.NewReader(ocrbOTF))
	if err != nil {
		return nil, err
	}
	o := &ocrb{face: f}
	_, y0, _, y1, ok := o.bounds('H')
	if !ok {
		return nil, errNoGlyph
	}
	o.capUnits = float64(y1 - y0)
	return o, nil
})

func (o *ocrb) outline(c rune) (gtfont.GlyphOutline, bool) {
	gid, ok := o.face.NominalGlyph(c)
	if !ok {
		return gtfont.GlyphOutline{}, false
	}
	out, ok := o.face.GlyphData(gid).(gtfont.GlyphOutline)
	return out, ok
}

func (o *ocrb) bounds(c rune) (x0, y0, x1, y1 float32, ok bool) {
	out, ok := o.outline(c)
	if !ok || len(out.Segments) == 0 {
		return 0, 0, 0, 0, false
	}
	x0, y0, x1, y1 = math.MaxFloat32, math.MaxFloat32, -math.MaxFloat32, -math.MaxFloat32
	for _, s := range out.Segments {
		for _, p := range s.ArgsSlice() {
			x0, y0, x1, y1 = min(x0, p.X), min(y0, p.Y), max(x1, p.X), max(y1, p.Y)
		}
	}
	return x0, y0, x1, y1, true
}

// draw fills glyph c with src so that its origin is at (x, y) pixels and
// capitals are capPx high. A space or unknown rune draws nothing.
func (o *ocrb) draw(dst draw.Image, src image.Image, c rune, x, y, capPx float64) {
	out, ok := o.outline(c)
	if !ok || len(out.Segments) == 0 {
		return
	}
	k := capPx / o.capUnits
	x0, y0, x1, y1, _ := o.bounds(c)
	// Rasterise only the glyph's box, with a pixel to spare on each side.
	minX, minY := int(math.Floor(x+float64(x0)*k))-1, int(math.Floor(y-float64(y1)*k))-1
	maxX, maxY := int(math.Ceil(x+float64(x1)*k))+1, int(math.Ceil(y-float64(y0)*k))+1
	var z vector.Rasterizer
	z.Reset(maxX-minX, maxY-minY)
	pt := func(p ot.SegmentPoint) (float32, float32) {
		return float32(x + float64(p.X)*k - float64(minX)), float32(y - float64(p.Y)*k - float64(minY))
	}
	for _, s := range out.Segments {
		a := s.Args
		switch s.Op {
		case ot.SegmentOpMoveTo:
			z.MoveTo(pt(a[0]))
		case ot.SegmentOpLineTo:
			z.LineTo(pt(a[0]))
		case ot.SegmentOpQuadTo:
			bx, by := pt(a[0])
			cx, cy := pt(a[1])
			z.QuadTo(bx, by, cx, cy)
		case ot.SegmentOpCubeTo:
			bx, by := pt(a[0])
			cx, cy := pt(a[1])
			dx, dy := pt(a[2])
			z.CubeTo(bx, by, cx, cy, dx, dy)
		}
	}
	z.ClosePath()
	r := image.Rect(minX, minY, maxX, maxY)
	z.Draw(dst, r, src, image.Point{})
}
