package main

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/vector"
)

// defaultFonts: OCR-B (the MRZ font) for most lines, and sans faces like
// the other fonts real documents print their MRZ in (the corpus has French,
// German and other cards whose glyphs are not OCR-B's). Go's fonts are
// compiled in (not Go Mono: its slab serifs are like no MRZ font); the others are Debian's fonts-ocr-b and fonts-dejavu-core.
const defaultFonts = "/usr/share/fonts/opentype/ocr-b/OCRB.otf:6," +
	"/usr/share/fonts/opentype/ocr-b/OCRBS.otf:2," +
	"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf:1," +
	"/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf:1," +
	"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:1," +
	"/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf:1," +
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:1," +
	"go:bold:1"

var goFonts = map[string][]byte{"go:bold": gobold.TTF}

// face is one font's outlines, read with go-text/typesetting: x/image's
// sfnt cannot load OCR-B's '8' and '<' (no CFF flex1, see ocr/specimen).
type face struct {
	f        *gtfont.Face
	capUnits float64 // height of 'H' in font units
	maxWidth float64 // widest ink of the MRZ alphabet, in font units
}

func loadFace(data []byte) (*face, error) {
	f, err := gtfont.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	fc := &face{f: f}
	_, y0, _, y1, ok := fc.bounds('H')
	if !ok {
		return nil, fmt.Errorf("no H")
	}
	fc.capUnits = float64(y1 - y0)
	for _, c := range mrzAlphabet {
		x0, _, x1, _, ok := fc.bounds(c)
		if !ok {
			return nil, fmt.Errorf("no %q", c)
		}
		fc.maxWidth = max(fc.maxWidth, float64(x1-x0))
	}
	return fc, nil
}

const mrzAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

func (fc *face) outline(c rune) (gtfont.GlyphOutline, bool) {
	gid, ok := fc.f.NominalGlyph(c)
	if !ok {
		return gtfont.GlyphOutline{}, false
	}
	out, ok := fc.f.GlyphData(gid).(gtfont.GlyphOutline)
	return out, ok && len(out.Segments) > 0
}

func (fc *face) bounds(c rune) (x0, y0, x1, y1 float32, ok bool) {
	out, ok := fc.outline(c)
	if !ok {
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

// draw fills glyph c into z (sized to the whole line) with its ink centred
// on x, its baseline at y, capitals capPx high and widths scaled by sx.
func (fc *face) draw(z *vector.Rasterizer, c rune, x, y, capPx, sx float64) {
	out, ok := fc.outline(c)
	if !ok {
		return
	}
	x0, _, x1, _, _ := fc.bounds(c)
	mid := float64(x0+x1) / 2
	k := capPx / fc.capUnits
	pt := func(p ot.SegmentPoint) (float32, float32) {
		return float32(x + (float64(p.X)-mid)*k*sx), float32(y - float64(p.Y)*k)
	}
	for _, s := range out.Segments {
		a := s.Args
		switch s.Op {
		case ot.SegmentOpMoveTo:
			z.ClosePath()
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
}

// faceSet is the fonts to draw lines in, with their weights.
type faceSet struct {
	faces   []*face
	weights []int
	total   int
}

func loadFaces(list string) (faceSet, error) {
	var s faceSet
	for _, item := range strings.Split(list, ",") {
		file, weight := item, 1
		if i := strings.LastIndex(item, ":"); i > 0 {
			if w, err := strconv.Atoi(item[i+1:]); err == nil {
				file, weight = item[:i], w
			}
		}
		data, ok := goFonts[file]
		if !ok {
			var err error
			if data, err = os.ReadFile(file); err != nil {
				return s, err
			}
		}
		fc, err := loadFace(data)
		if err != nil {
			return s, fmt.Errorf("%s: %w", file, err)
		}
		s.faces = append(s.faces, fc)
		s.weights = append(s.weights, weight)
		s.total += weight
	}
	if s.total == 0 {
		return s, fmt.Errorf("no fonts")
	}
	return s, nil
}

func (s faceSet) pick(r *rand.Rand) *face {
	n := r.IntN(s.total)
	for i, w := range s.weights {
		if n < w {
			return s.faces[i]
		}
		n -= w
	}
	panic("unreachable")
}
