package ocr_test

import (
	"context"
	"errors"
	"image"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// glyphFake reads rendered MRZ lines as a recognizer with boxes would,
// as the texts it is given, and reads single glyphs as its glyph
// function says; images it was not given read as nothing.
type glyphFake struct {
	lines []*image.Gray
	texts []string
	boxes [][]image.Rectangle
	glyph func(allowed string) rune
	asked []string
}

func (f *glyphFake) line(img image.Image) int {
	return slices.IndexFunc(f.lines, func(l *image.Gray) bool { return image.Image(l) == img })
}

func (f *glyphFake) RecognizeLine(img image.Image) (string, error) {
	if i := f.line(img); i >= 0 {
		return f.texts[i], nil
	}
	return "", nil
}

func (f *glyphFake) Close() error { return nil }

func (f *glyphFake) RecognizeSymbols(img image.Image) ([]ocr.Symbol, error) {
	i := f.line(img)
	if i < 0 {
		return nil, nil
	}
	var out []ocr.Symbol
	for j, c := range f.texts[i] {
		out = append(out, ocr.Symbol{Char: c, Box: f.boxes[i][j], Conf: 80})
	}
	return out, nil
}

func (f *glyphFake) RecognizeGlyph(img image.Image, allowed string) (rune, error) {
	f.asked = append(f.asked, allowed)
	if f.glyph == nil {
		return 0, errors.New("no glyph reader")
	}
	return f.glyph(allowed), nil
}

// misreadCard renders an ID card (seed 4 unless given) and gives a
// recognizer that reads its MRZ with the character at (line, col) read
// as bad.
func misreadCard(t *testing.T, line, col int, bad byte, seed ...uint64) (*glyphFake, []image.Image, specimen.Document) {
	t.Helper()
	d := specimen.Random(append(seed, 4)[0], specimen.IDCard)
	lines, boxes := cutMRZ(t, d)
	texts := slices.Clone(d.MRZ())
	b := []byte(texts[line])
	b[col] = bad
	texts[line] = string(b)
	imgs := make([]image.Image, len(lines))
	for i, l := range lines {
		imgs[i] = l
	}
	return &glyphFake{lines: lines, texts: texts, boxes: boxes}, imgs, d
}

var now = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// TestGlyphOutOfClassIsReadAgain: the sex read as 8, which no sex is and
// no look-alike swap gives, is read again among M, F, X and <, and that
// reading stands, reported and flagged for review.
func TestGlyphOutOfClassIsReadAgain(t *testing.T) {
	const sexCol = 7 // TD1 line 2
	f, imgs, d := misreadCard(t, 1, sexCol, '8')
	want := d.MRZ()[1][sexCol]
	f.glyph = func(allowed string) rune {
		if strings.IndexByte(allowed, want) < 0 {
			return 0
		}
		return rune(want)
	}
	res, err := ocr.ReadLineImages(context.Background(), f, imgs, now)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(f.asked, "MFX<") {
		t.Errorf("glyph readings asked for %q, want the sexes MFX<", f.asked)
	}
	if res.Lines[1] != d.MRZ()[1] || !res.Valid {
		t.Errorf("line 2 %q (valid %v), want %q", res.Lines[1], res.Valid, d.MRZ()[1])
	}
	if !slices.ContainsFunc(res.Corrections, func(c ocr.Correction) bool {
		return c.Line == 1 && c.Col == sexCol && c.From == "8" && c.To == string(want)
	}) || !slices.Contains(res.Review, "sex") {
		t.Errorf("corrections %+v, review %v: want 8 -> %c at the sex, flagged", res.Corrections, res.Review, want)
	}

	// Without a glyph reader the 8 stays: nothing says what it is.
	f.glyph = nil
	res, err = ocr.ReadLineImages(context.Background(), f, imgs, now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Lines[1][sexCol] != '8' {
		t.Errorf("glyph reader failing: sex %c, want the 8 as read", res.Lines[1][sexCol])
	}
}

// TestGlyphReadAgainYieldsToCheckDigits: a birth date digit read as U
// (no look-alike of any digit) is read again among the digits; a reading
// the date's check digit refutes does not stand, the one it confirms
// does.
func TestGlyphReadAgainYieldsToCheckDigits(t *testing.T) {
	const col = 3 // in the birth date, TD1 line 2
	f, imgs, d := misreadCard(t, 1, col, 'U')
	right := d.MRZ()[1][col]
	wrong := byte('0' + (right-'0'+5)%10)
	for _, c := range []struct {
		read byte
		want byte
	}{{wrong, 'U'}, {right, right}} {
		f.glyph = func(string) rune { return rune(c.read) }
		res, err := ocr.ReadLineImages(context.Background(), f, imgs, now)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Lines[1][col]; got != c.want {
			t.Errorf("glyph read again as %c: birth date digit %c, want %c (line %q)", c.read, got, c.want, res.Lines[1])
		}
	}
}

// TestDocumentCodeIsReadAgain: a TD1 code opened with Z, which no ICAO
// format opens a code with, is read again among A, C and I.
func TestDocumentCodeIsReadAgain(t *testing.T) {
	f, imgs, d := misreadCard(t, 0, 0, 'Z')
	want := d.MRZ()[0][0]
	f.glyph = func(allowed string) rune {
		if allowed != "ACI" {
			return 0
		}
		return rune(want)
	}
	res, err := ocr.ReadLineImages(context.Background(), f, imgs, now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Lines[0] != d.MRZ()[0] {
		t.Errorf("line 1 %q, want %q (glyph readings asked: %q)", res.Lines[0], d.MRZ()[0], f.asked)
	}
}

// TestCountryLetterIsReadAgain: a nationality's first letter read as 8,
// which Parse takes for B, is read again among the letters; the reading
// stands when it makes a known code, and not otherwise.
func TestCountryLetterIsReadAgain(t *testing.T) {
	const col = 15 // TD1 line 2: nationality
	f, imgs, d := misreadCard(t, 1, col, '8')
	truth := d.MRZ()[1]
	if truth[col] == 'B' {
		t.Fatalf("the nationality %s already starts with B", truth[col:col+3])
	}
	for _, c := range []struct {
		glyph rune
		want  byte
	}{{rune(truth[col]), truth[col]}, {'Q', 'B'}} {
		f.glyph = func(allowed string) rune {
			if !strings.ContainsRune(allowed, c.glyph) {
				return 0
			}
			return c.glyph
		}
		res, err := ocr.ReadLineImages(context.Background(), f, imgs, now)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Lines[1][col]; got != c.want {
			t.Errorf("glyph read again as %c: nationality %s, want %c first", c.glyph, res.Lines[1][col:col+3], c.want)
		}
	}
}

// TestCountryLetterIsReadAmongKnownCodes: in BGR read as UGR, no code,
// the U is read again among the letters that make a known code there
// and the U itself, with the digits that look like them: a blotted B
// reads as 8 sooner than as B, and the 8 stands for the B.
func TestCountryLetterIsReadAmongKnownCodes(t *testing.T) {
	const col = 15 // TD1 line 2: nationality
	f, imgs, d := misreadCard(t, 1, col, 'U', 7)
	truth := d.MRZ()[1]
	if truth[col:col+3] != "BGR" {
		t.Fatalf("seed 7 has nationality %s, want BGR", truth[col:col+3])
	}
	f.glyph = func(allowed string) rune {
		if !strings.ContainsRune(allowed, '8') {
			return 0
		}
		return '8'
	}
	res, err := ocr.ReadLineImages(context.Background(), f, imgs, now)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(f.asked, "BU8") {
		t.Errorf("glyph readings asked for %q, want BU8 (B, the only letter making ?GR known, U as read, 8 for B)", f.asked)
	}
	if res.Lines[1] != truth {
		t.Errorf("line 2 %q, want %q", res.Lines[1], truth)
	}
}

// viewFake reads the n lines of an MRZ, view after view, as texts says
// (texts[view][line]), every glyph with confidence 90 but those in weak
// (view, line, col), read with 40. boxes are in the lines' images of
// widths; in a view's image, scaled from them, they are scaled alike.
type viewFake struct {
	texts  [][]string
	boxes  [][]image.Rectangle
	widths []int
	weak   [3]int
	calls  int
}

func (f *viewFake) RecognizeLine(image.Image) (string, error) { return "", nil }
func (f *viewFake) Close() error                              { return nil }

func (f *viewFake) RecognizeSymbols(img image.Image) ([]ocr.Symbol, error) {
	n := len(f.boxes)
	view, line := min(f.calls/n, len(f.texts)-1), f.calls%n
	f.calls++
	k := float64(img.Bounds().Dx()) / float64(f.widths[line])
	scale := func(v int) int { return int(math.Round(float64(v) * k)) }
	var out []ocr.Symbol
	for j, c := range f.texts[view][line] {
		conf := 90.0
		if [3]int{view, line, j} == f.weak {
			conf = 40
		}
		b := f.boxes[line][j]
		box := image.Rect(scale(b.Min.X), scale(b.Min.Y), scale(b.Max.X), scale(b.Max.Y))
		out = append(out, ocr.Symbol{Char: c, Box: box, Conf: conf})
	}
	return out, nil
}

// TestViewsTieBrokenByTheWeakestGlyph: a card whose document number
// check fails in every view, whose surname one view reads with a W of
// little confidence where the other reads its true letter surely. No
// check digit tells the two readings apart; the surer one is taken,
// whichever view it came from.
func TestViewsTieBrokenByTheWeakestGlyph(t *testing.T) {
	d := specimen.Random(4, specimen.IDCard)
	lines, boxes := cutMRZ(t, d)
	imgs := make([]image.Image, len(lines))
	widths := make([]int, len(lines))
	for i, l := range lines {
		imgs[i], widths[i] = l, l.Rect.Dx()
	}
	truth := d.MRZ()
	broken := slices.Clone(truth)
	b := []byte(broken[0])
	b[14] = '0' + (b[14]-'0'+3)%10 // the document number's check digit
	broken[0] = string(b)
	misread := slices.Clone(broken)
	n := []byte(misread[2])
	n[1] = 'W'
	misread[2] = string(n)
	if truth[2][1] == 'W' {
		t.Fatalf("name %q already has a W second", truth[2])
	}
	for _, weakFirst := range []bool{true, false} {
		f := &viewFake{texts: [][]string{misread, broken}, boxes: boxes, widths: widths, weak: [3]int{0, 2, 1}}
		if !weakFirst {
			f.texts = [][]string{broken, misread}
			f.weak = [3]int{1, 2, 1}
		}
		res, err := ocr.ReadLineImages(context.Background(), f, imgs, now)
		if err != nil {
			t.Fatal(err)
		}
		if res.Valid || len(res.Lines) != 3 || res.Lines[2] != truth[2] {
			t.Errorf("misread view first %v: name line %q (valid %v), want %q", weakFirst, res.Lines, res.Valid, truth[2])
		}
	}
}
