package ocr_test

import (
	"image"
	"slices"
	"strings"
	"testing"

	"github.com/idpro/idpro/ocr"
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
	lines := ocr.LocatedLines(img)
	texts := d.MRZ()
	if len(lines) != len(texts) {
		t.Fatalf("found %d MRZ lines, want %d", len(lines), len(texts))
	}
	boxes := make([][]image.Rectangle, len(lines))
	for i, l := range lines {
		if boxes[i] = ocr.GlyphBoxes(l); len(boxes[i]) != len(texts[i]) {
			t.Fatalf("%d glyphs in %s, want one per character", len(boxes[i]), texts[i])
		}
	}
	return lines, boxes
}

// TestBReadAsZeroInANameIsB: a B read as 0, which Parse makes an O in a
// name, is a B by its shape.
func TestBReadAsZeroInANameIsB(t *testing.T) {
	d := specimen.Random(3, specimen.Passport)
	d.Surname, d.GivenNames = "BOOD", "BOB"
	lines, all := cutMRZ(t, d)
	texts := d.MRZ()
	read := []byte(texts[0])
	read[5] = '0'
	misread := []string{string(read), texts[1]}
	if got := ocr.SettleShapes(ocr.Parse(misread), lines, misread, all[0]); got.Lines[0] != texts[0] {
		t.Errorf("B read as 0: %s, want %s", got.Lines[0], texts[0])
	}
}

// TestShapeUndoesASwapTheGlyphDenies: when Parse turned a 0 into an O to
// make a check digit pass, and the glyph clearly is one of the MRZ's
// zeros, the reader puts the 0 back (the check then fails, as it does on
// the document).
func TestShapeUndoesASwapTheGlyphDenies(t *testing.T) {
	d := specimen.Random(6, specimen.VisaA)
	d.OptionalData = "B0O8KB0OX80B" // as in TestShapeSettlesConfusablesInOCRB
	lines, _ := cutMRZ(t, d)
	texts := d.MRZ()
	res := ocr.Parse(texts)
	if !res.Valid {
		t.Fatalf("rendered visa not valid: %+v", res.Checks)
	}
	at := 29 // the first 0 of the optional data
	swapped := []byte(res.Lines[1])
	if swapped[at] != '0' {
		t.Fatalf("column %d holds %c", at, swapped[at])
	}
	swapped[at] = 'O'
	res.Lines[1] = string(swapped)
	res.Corrections = append(res.Corrections, ocr.Correction{Line: 1, Col: at, From: "0", To: "O", Field: "optional_data"})

	got := ocr.SettleShapes(res, lines, texts)
	if got.Lines[1][at] != '0' {
		t.Errorf("the swap to O stands: %s", got.Lines[1])
	}
	for _, c := range got.Corrections {
		if c.Line == 1 && c.Col == at {
			t.Errorf("the undone swap is still reported: %+v", c)
		}
	}
}

// TestSpeckAmongFillersIsAFiller: a dot among the name's trailing fillers
// that the recognizer read as a letter is a filler again; a letter of
// full height there would stay. The mark stands two fillers after the
// names, where it could be an initial: after three, any lone letter is a
// filler by the names' structure alone (mrz's strayMarks).
func TestSpeckAmongFillersIsAFiller(t *testing.T) {
	d := specimen.Random(3, specimen.Passport)
	lines, all := cutMRZ(t, d)
	texts, boxes := d.MRZ(), all[0]
	at := len(strings.TrimRight(texts[0], "<")) + 2
	if texts[0][at-2:at+2] != "<<<<" {
		t.Fatalf("no filler run at the end of %s", texts[0])
	}
	for _, c := range []struct {
		name  string
		box   image.Rectangle
		speck bool
	}{
		{"a 2x2 dot", image.Rect(boxes[at].Min.X, boxes[at].Max.Y-2, boxes[at].Min.X+2, boxes[at].Max.Y), true},
		{"a mark of full height", image.Rect(boxes[at].Min.X, boxes[0].Min.Y, boxes[at].Max.X, boxes[0].Max.Y), false},
	} {
		read := []byte(texts[0])
		read[at] = 'F'
		mine := append([]image.Rectangle(nil), boxes...)
		mine[at] = c.box
		res := ocr.Parse([]string{string(read), texts[1]})
		got := ocr.SettleShapes(res, lines, []string{string(read), texts[1]}, mine)
		if filler := got.Lines[0][at] == '<'; filler != c.speck {
			t.Errorf("%s read as F: %s", c.name, got.Lines[0])
		}
	}
}

// TestBareStemInANameIsI: an I printed as a bare stem, which the MRZ
// model reads as W, is an I again; the name's OCR-B letters, read right,
// stay as they are.
func TestBareStemInANameIsI(t *testing.T) {
	d := specimen.Random(3, specimen.Passport)
	d.Surname, d.GivenNames = "MARIYA", "WILLEM"
	lines, all := cutMRZ(t, d)
	texts, boxes := d.MRZ(), all[0]
	at := 5 + len("MARI") - 1
	if texts[0][at] != 'I' {
		t.Fatalf("column %d of %s is not the I", at, texts[0])
	}
	if got := ocr.SettleShapes(ocr.Parse(texts), lines, texts, boxes); len(got.Corrections) != 0 {
		t.Errorf("OCR-B read right, yet changed: %+v", got.Corrections)
	}
	read := stemReadAs(lines[0], all[0], texts, 0, at, 'W')
	got := ocr.SettleShapes(ocr.Parse(read), lines, read, all[0])
	if got.Lines[0] != texts[0] {
		t.Errorf("a bare stem read as W: %s, want %s", got.Lines[0], texts[0])
	}
}

// TestBareStemInADocumentNumberIsWhatItsCheckSays: in a field that holds
// letters and digits a bare stem is I or 1, and the check digit says
// which; with the check digit read wrong too, it stays as read.
func TestBareStemInADocumentNumberIsWhatItsCheckSays(t *testing.T) {
	for _, number := range []string{"AB1CD2345", "AB0IC2345"} {
		d := specimen.Random(4, specimen.Passport)
		d.DocumentNumber = number
		lines, all := cutMRZ(t, d)
		texts := d.MRZ()
		at := strings.IndexAny(number, "I1")
		read := stemReadAs(lines[1], all[1], texts, 1, at, 'X')
		got := ocr.SettleShapes(ocr.Parse(read), lines, read, nil, all[1])
		if got.Lines[1] != texts[1] {
			t.Errorf("%s with its %c a bare stem read as X: %s, want %s", number, number[at], got.Lines[1], texts[1])
		}

		wrong := []byte(read[1])
		wrong[9] = '0' + (wrong[9]-'0'+5)%10 // the check digit, wrong whatever the stem is
		read[1] = string(wrong)
		got = ocr.SettleShapes(ocr.Parse(read), lines, read, nil, all[1])
		if got.Lines[1][at] != 'X' {
			t.Errorf("%s, check digit misread, stem read as X: %s", number, got.Lines[1])
		}
	}
}

// TestBareStemWithoutACheckStaysAsRead: in a visa's optional data, which
// no check digit covers, a bare stem could be I or 1, so it stays as read.
func TestBareStemWithoutACheckStaysAsRead(t *testing.T) {
	d := specimen.Random(6, specimen.VisaA)
	d.OptionalData = "K1LMNI"
	lines, all := cutMRZ(t, d)
	texts := d.MRZ()
	for _, at := range []int{29, 33} {
		read := stemReadAs(lines[1], all[1], texts, 1, at, 'X')
		got := ocr.SettleShapes(ocr.Parse(read), lines, read, nil, all[1])
		if got.Lines[1][at] != 'X' {
			t.Errorf("%c in the optional data, a bare stem read as X: %s", texts[1][at], got.Lines[1])
		}
	}
}

// stemReadAs draws the glyph at column at of line as a solid bar a
// quarter as wide as it is high, narrows its box in boxes to the bar, and
// returns texts with that column of line i read as read.
func stemReadAs(line *image.Gray, boxes []image.Rectangle, texts []string, i, at int, read byte) []string {
	b := boxes[at]
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			line.Pix[y*line.Stride+x] = 255
		}
	}
	w := b.Dy() / 4
	x0 := (b.Min.X + b.Max.X - w) / 2
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := x0; x < x0+w; x++ {
			line.Pix[y*line.Stride+x] = 0
		}
	}
	boxes[at] = image.Rect(x0, b.Min.Y, x0+w, b.Max.Y)
	out := slices.Clone(texts)
	l := []byte(out[i])
	l[at] = read
	out[i] = string(l)
	return out
}
