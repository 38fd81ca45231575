package tesseract

import (
	"bytes"
	"image"
	"image/draw"
	"os"
	"testing"

	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"
)

// ocrb loads the OCR-B font the specimen package commits, or Debian's copy.
// The outlines come from go-text/typesetting because x/image/font/sfnt
// cannot load this font's '8' and '<'.
func ocrb(t testing.TB) *gtfont.Face {
	t.Helper()
	for _, p := range []string{"../specimen/fonts/OCRB.otf", "/usr/share/fonts/opentype/ocr-b/OCRB.otf"} {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f, err := gtfont.ParseTTF(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("parse %s: %v", p, err)
		}
		return f
	}
	t.Skip("no OCR-B font: neither ocr/specimen/fonts/OCRB.otf nor fonts-ocr-b is present")
	return nil
}

// render draws lines of text in OCR-B, black on white, as an MRZ printed at
// 300 dpi: 10 characters per inch, capitals 30 px high, lines 60 px apart.
func render(t testing.TB, lines ...string) *image.Gray {
	t.Helper()
	face := ocrb(t)
	const pitch, capPx, lineHeight, pad = 30.0, 30.0, 60, 20
	width := 0
	for _, l := range lines {
		width = max(width, int(pitch*float64(len(l))))
	}
	img := image.NewGray(image.Rect(0, 0, width+2*pad, lineHeight*len(lines)+2*pad))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	k := capPx / float64(face.Upem()) * 1.4 // OCR-B capitals are about 0.7 em
	for i, l := range lines {
		baseline := float64(pad + lineHeight*i + 45)
		for j, c := range l {
			gid, ok := face.NominalGlyph(c)
			if !ok {
				t.Fatalf("OCR-B has no %q", c)
			}
			out, _ := face.GlyphData(gid).(gtfont.GlyphOutline)
			fill(img, out, pad+pitch*float64(j), baseline, k)
		}
	}
	return img
}

// fill rasterises a glyph outline with its origin at (x, y), scaled by k
// pixels per font unit.
func fill(dst *image.Gray, g gtfont.GlyphOutline, x, y, k float64) {
	if len(g.Segments) == 0 {
		return
	}
	b := dst.Bounds()
	var z vector.Rasterizer
	z.Reset(b.Dx(), b.Dy())
	pt := func(p ot.SegmentPoint) (float32, float32) {
		return float32(x + float64(p.X)*k), float32(y - float64(p.Y)*k)
	}
	for _, s := range g.Segments {
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
	z.DrawOp = draw.Over
	z.Draw(dst, b, image.Black, image.Point{})
}
