package ocr

import (
	"image"
	"slices"
	"time"
)

// LocatedLines exposes the locating pipeline to the external tests, which
// may import ocr/specimen (it imports ocr): the upright line images the
// recognizer would get, top line first, or nil when no MRZ was found.
func LocatedLines(img image.Image) []*image.Gray { return LocatedLinesAt(img, lineViews[0].capPx) }

// LocatedLinesAt is LocatedLines with capitals capPx high.
func LocatedLinesAt(img image.Image, capPx float64) []*image.Gray {
	src := newLuma(img)
	work, factor := downsample(src)
	block, ok := locate(work)
	if !ok {
		return nil
	}
	out := make([]*image.Gray, len(block.lines))
	for i, l := range block.lines {
		at := i
		if block.flipped {
			at = len(out) - 1 - i
		}
		out[at] = lineImage(src, factor, block.frame, l, block.flipped, capPx)
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
	for _, b := range blobs(ink, w, h) {
		out = append(out, image.Rect(b.x0, b.y0, b.x1, b.y1).Add(line.Rect.Min))
	}
	slices.SortFunc(out, func(a, b image.Rectangle) int { return a.Min.X - b.Min.X })
	return out
}

// ShapeRead is what the glyph rules say of the glyph in boxes[at], read
// as read in a field that allows letters and digits, with the zeros and
// eights of text outside [from, to) as the MRZ's references.
func ShapeRead(line *image.Gray, boxes []image.Rectangle, text string, from, to, at int, read byte) byte {
	dark := func(x, y int) bool { return line.GrayAt(x, y).Y < 128 }
	refs := map[byte][]glyph{}
	for k := range text {
		if k >= from && k < to || (text[k] != '0' && text[k] != '8') {
			continue
		}
		if g, ok := measureGlyph(boxes[k], dark); ok {
			refs[text[k]] = append(refs[text[k]], g)
		}
	}
	zero, _ := newGlyphRef(refs['0'])
	eight, _ := newGlyphRef(refs['8'])
	g, ok := measureGlyph(boxes[at], dark)
	if !ok {
		return 0
	}
	return shapeRead(read, g, zero, eight)
}

// LetterShape is what the name rule says of the glyph in box, read as
// read.
func LetterShape(line *image.Gray, box image.Rectangle, read byte) byte {
	g, ok := measureGlyph(box, func(x, y int) bool { return line.GrayAt(x, y).Y < 128 })
	if !ok {
		return 0
	}
	return letterShape(read, g)
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
