package ocr

import (
	"image"
	"slices"
	"time"

	"github.com/idpro/idpro/ocr/locate"
)

// LocatedLines exposes the locating pipeline to the external tests, which
// may import ocr/specimen (it imports ocr): the upright line images the
// recognizer would get, top line first, or nil when no MRZ was found.
func LocatedLines(img image.Image) []*image.Gray {
	src := locate.NewLuma(img)
	blocks, factor := find(src)
	if len(blocks) == 0 {
		return nil
	}
	block := blocks[0]
	out := make([]*image.Gray, len(block.Lines))
	for i, l := range block.Lines {
		at := i
		if block.Flipped {
			at = len(out) - 1 - i
		}
		out[at] = locate.LineImage(src, factor, block.Frame, l, block.Flipped, locate.Views[0].CapPx)
	}
	return out
}

// GlyphBoxes are the boxes of the ink components of a binarised line
// image, left to right: one per character of a clean OCR-B line.
func GlyphBoxes(line *image.Gray) []image.Rectangle {
	w, h := line.Rect.Dx(), line.Rect.Dy()
	ink := make([]bool, w*h)
	for y := range h {
		for x := range w {
			ink[y*w+x] = line.Pix[y*line.Stride+x] < 128
		}
	}
	var out []image.Rectangle
	for _, b := range locate.Blobs(ink, w, h) {
		out = append(out, b.Rect().Add(line.Rect.Min))
	}
	slices.SortFunc(out, func(a, b image.Rectangle) int { return a.Min.X - b.Min.X })
	return out
}

// SettleShapes runs the reader's shape step on res, as if each line had
// been read as texts[i] with one symbol per ink component of lines[i],
// or per box of boxes[i] when given.
func SettleShapes(res Result, lines []*image.Gray, texts []string, given ...[]image.Rectangle) Result {
	var rs []lineReading
	for i, l := range lines {
		boxes := GlyphBoxes(l)
		if i < len(given) {
			boxes = given[i]
		}
		syms := make([]Symbol, len(boxes))
		for j, b := range boxes {
			syms[j] = Symbol{Char: rune(texts[i][j]), Box: b}
		}
		rs = append(rs, lineReading{text: texts[i], img: l, syms: syms})
	}
	return settleShapes(res, rs, nil, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
}

// AlignToPitch places a line's symbols in its cells (pitch.go): the text
// with the fillers of empty cells, which cells held a glyph read in
// pieces, and whether the symbols stand at a regular pitch.
func AlignToPitch(syms []Symbol) (string, []bool, bool) {
	p, ok := alignToPitch(syms)
	return p.text(), p.merged, ok
}
