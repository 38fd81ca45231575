package shape_test

import (
	"image"
	"maps"
	"slices"
	"testing"

	"github.com/idpro/idpro/ocr/locate"
	"github.com/idpro/idpro/ocr/shape"
	"github.com/idpro/idpro/ocr/specimen"
)

// cutMRZ renders d as a cropped card and cuts its MRZ lines as the reader
// does, with one glyph box per character of each line.
func cutMRZ(t testing.TB, d specimen.Document) ([]*image.Gray, [][]image.Rectangle) {
	t.Helper()
	img, err := specimen.Render(d, specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		t.Fatal(err)
	}
	src := locate.NewLuma(img)
	work, factor := locate.Downsample(src)
	blocks := locate.All(work)
	texts := d.MRZ()
	if len(blocks) == 0 || len(blocks[0].Lines) != len(texts) || blocks[0].Flipped {
		t.Fatalf("found %d blocks, want one upright of %d lines", len(blocks), len(texts))
	}
	lines := make([]*image.Gray, len(texts))
	boxes := make([][]image.Rectangle, len(lines))
	for i, l := range blocks[0].Lines {
		lines[i] = locate.LineImage(src, factor, blocks[0].Frame, l, false, locate.Views[0].CapPx)
		if boxes[i] = glyphBoxes(lines[i]); len(boxes[i]) != len(texts[i]) {
			t.Fatalf("%d glyphs in %s, want one per character", len(boxes[i]), texts[i])
		}
	}
	return lines, boxes
}

// glyphBoxes are the boxes of the ink components of a binarised line
// image, left to right: one per character of a clean OCR-B line.
func glyphBoxes(line *image.Gray) []image.Rectangle {
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

// shapeRead is what the glyph rules say of the glyph in boxes[at], read
// as read in a field that allows letters and digits, with the zeros and
// eights of text outside [from, to) and the O's oh as the MRZ's
// references.
func shapeRead(line *image.Gray, boxes []image.Rectangle, text string, from, to, at int, read byte, oh *shape.Ref) byte {
	dark := func(x, y int) bool { return line.GrayAt(x, y).Y < 128 }
	refs := map[byte][]shape.Glyph{}
	for k := range text {
		if k >= from && k < to || (text[k] != '0' && text[k] != '8') {
			continue
		}
		if g, ok := shape.Measure(boxes[k], dark); ok {
			refs[text[k]] = append(refs[text[k]], g)
		}
	}
	zero, _ := shape.NewRef(refs['0'])
	eight, _ := shape.NewRef(refs['8'])
	g, ok := shape.Measure(boxes[at], dark)
	if !ok {
		return 0
	}
	return shape.Read(read, g, shape.Refs{Zero: zero, Eight: eight, O: oh})
}

// letterShape is what the name rule says of the glyph in box, read as
// read.
func letterShape(line *image.Gray, box image.Rectangle, read byte) byte {
	g, ok := shape.Measure(box, func(x, y int) bool { return line.GrayAt(x, y).Y < 128 })
	if !ok {
		return 0
	}
	return shape.Letter(read, g)
}

// TestShapeSettlesConfusablesInOCRB renders a visa whose optional data
// mixes 0, O, B and 8, cuts its MRZ lines as the reader does, and asks
// the glyph rules about each of those characters read as its look-alike:
// a 0 read as O is a 0, a B read as 8 is a B, and no character read
// right is changed; the same with the O's of the visa's names
// (`ROSSI<<JOSE`) to compare with as well.
func TestShapeSettlesConfusablesInOCRB(t *testing.T) {
	d := specimen.Random(6, specimen.VisaA)
	d.OptionalData = "B0O8KB0OX80B"
	lines, all := cutMRZ(t, d)
	var ohs []shape.Glyph
	for k, c := range d.MRZ()[0] {
		if c != 'O' {
			continue
		}
		if g, ok := shape.Measure(all[0][k], func(x, y int) bool { return lines[0].GrayAt(x, y).Y < 128 }); ok {
			ohs = append(ohs, g)
		}
	}
	oh, ok := shape.NewRef(ohs)
	if !ok {
		t.Fatalf("no O measured in %s", d.MRZ()[0])
	}
	text, boxes := d.MRZ()[1], all[1]
	const from = 28 // visa optional data, to the end of the line
	misread := map[byte]byte{'0': 'O', 'O': '0', 'B': '8', '8': 'B'}
	for _, o := range []*shape.Ref{nil, oh} {
		for at := from; at < len(text); at++ {
			c := text[at]
			if _, ok := misread[c]; !ok {
				continue
			}
			if got := shapeRead(lines[1], boxes, text, from, len(text), at, c, o); got != 0 {
				t.Errorf("%c at %d read right (O's to compare: %v): shape says %q, want no change", c, at, o != nil, got)
			}
			got := shapeRead(lines[1], boxes, text, from, len(text), at, misread[c], o)
			switch c {
			case '0', 'B':
				if got != c {
					t.Errorf("%c at %d read as %c (O's to compare: %v): shape says %q, want %c", c, at, misread[c], o != nil, got, c)
				}
			default:
				// An O read as 0, an 8 read as B: the shape may leave them, but
				// must never make them worse.
				if got != 0 && got != c {
					t.Errorf("%c at %d read as %c (O's to compare: %v): shape says %q", c, at, misread[c], o != nil, got)
				}
			}
		}
	}
}

// TestShapeTellsMAndNFromH renders a passport whose name holds M, N and
// H, and asks the name rule about each read as each of the three: a
// glyph read as another of them comes back as itself; read as itself it
// stays.
func TestShapeTellsMAndNFromH(t *testing.T) {
	d := specimen.Random(3, specimen.Passport)
	d.Surname, d.GivenNames = "HAMMOND", "NHEMI"
	lines, all := cutMRZ(t, d)
	text, boxes := d.MRZ()[0], all[0]
	seen := map[byte]int{}
	for at := 5; at < len(text); at++ {
		c := text[at]
		if c != 'M' && c != 'N' && c != 'H' {
			continue
		}
		seen[c]++
		for _, read := range []byte("HMN") {
			got := letterShape(lines[0], boxes[at], read)
			if read == c && got != 0 && got != c || read != c && got != c {
				t.Errorf("%c at %d read as %c: shape says %q", c, at, read, got)
			}
		}
	}
	if seen['M'] == 0 || seen['N'] == 0 || seen['H'] == 0 {
		t.Fatalf("the name line %s lacks M, N or H", text)
	}
}

// TestShapeTellsLettersFromWhatTheyAreReadAs renders passports whose
// names hold letters the model reads as another, and asks the name rules
// about each glyph read as that other: a T or V read as W (a W's sides
// reach its foot), a Y read as V (it stands on a stem), a B read as O
// (its bowls meet in the middle) come back as themselves; the letter
// read as itself, and a D read as O, stay.
func TestShapeTellsLettersFromWhatTheyAreReadAs(t *testing.T) {
	for _, c := range []struct {
		surname, given string
		read           byte
		says           map[byte]byte // the letter printed: what the shape says of it read as read
		count          map[byte]int  // how many of each the name line holds
	}{
		{"TWIST", "VAWTER", 'W', map[byte]byte{'T': 'T', 'V': 'V', 'W': 0}, map[byte]int{'T': 3, 'V': 1, 'W': 2}},
		{"YVES", "VYVYAN", 'V', map[byte]byte{'Y': 'Y', 'V': 0}, map[byte]int{'Y': 3, 'V': 3}},
		{"BOOD", "BOB", 'O', map[byte]byte{'B': 'B', 'O': 0, 'D': 0}, map[byte]int{'B': 3, 'O': 3, 'D': 1}},
		{"ZIZI", "LIZZIE", 'Z', map[byte]byte{'I': 'I', 'Z': 0}, map[byte]int{'I': 4, 'Z': 4}},
		{"MWAMBA", "WILLEM", 'W', map[byte]byte{'M': 'M', 'W': 0}, map[byte]int{'M': 3, 'W': 2}},
	} {
		d := specimen.Random(3, specimen.Passport)
		d.Surname, d.GivenNames = c.surname, c.given
		lines, all := cutMRZ(t, d)
		text, boxes := d.MRZ()[0], all[0]
		seen := map[byte]int{}
		for at := 5; at < len(text); at++ {
			want, ok := c.says[text[at]]
			if !ok {
				continue
			}
			seen[text[at]]++
			if got := letterShape(lines[0], boxes[at], c.read); got != want {
				t.Errorf("%s: %c at %d read as %c: shape says %q, want %q", text, text[at], at, c.read, got, want)
			}
		}
		if !maps.Equal(seen, c.count) {
			t.Errorf("the name line %s holds %v, want %v", text, seen, c.count)
		}
	}
}
