package ocr_test

import (
	"image"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// renderedSymbols renders a passport and gives its names line as a
// recognizer that reads every glyph right would: one symbol per
// character, with its box.
func renderedSymbols(t testing.TB) (string, []ocr.Symbol) {
	t.Helper()
	d := specimen.Random(3, specimen.Passport)
	_, boxes := cutMRZ(t, d)
	text := d.MRZ()[0]
	syms := make([]ocr.Symbol, len(text))
	for i := range text {
		syms[i] = ocr.Symbol{Char: rune(text[i]), Box: boxes[0][i], Conf: 90}
	}
	return text, syms
}

// TestPitchRestoresTheLine: symbols read as printed keep their text;
// fillers the recognizer lost between symbols come back in their cells;
// a narrow piece read beside a glyph in its cell is dropped; a glyph
// read as two halves is one cell, marked to be read again.
func TestPitchRestoresTheLine(t *testing.T) {
	text, syms := renderedSymbols(t)
	if got, merged, ok := ocr.AlignToPitch(syms); !ok || got != text || slices.Contains(merged, true) {
		t.Fatalf("read as printed: %q, merged %v, ok %v; want %q", got, merged, ok, text)
	}

	// Lose every other filler between the surname and the last letter.
	last := strings.LastIndexFunc(text, func(r rune) bool { return r != '<' })
	var lost []ocr.Symbol
	for i, s := range syms {
		if s.Char == '<' && i > 5 && i < last && i%2 == 0 {
			continue
		}
		lost = append(lost, s)
	}
	if len(lost) == len(syms) {
		t.Fatalf("no filler between names in %q", text)
	}
	if got, _, ok := ocr.AlignToPitch(lost); !ok || got != text[:len(got)] || len(got) < last+1 {
		t.Errorf("lost fillers: %q, ok %v; want %q", got, ok, text)
	}

	// A stem of the sixth character read as an extra I.
	at := 5
	piece := syms[at]
	piece.Char, piece.Box.Max.X = 'I', piece.Box.Min.X+piece.Box.Dx()/3
	extra := slices.Insert(slices.Clone(syms), at, piece)
	if got, merged, ok := ocr.AlignToPitch(extra); !ok || got != text || merged[at] {
		t.Errorf("extra piece: %q, merged %v, ok %v; want %q, not merged", got, merged[at], ok, text)
	}

	// A speck one pixel wide read as a letter in the same cell.
	speck := syms[at]
	speck.Char, speck.Box.Max.X = 'W', speck.Box.Min.X+1
	specked := slices.Insert(slices.Clone(syms), at+1, speck)
	if got, _, ok := ocr.AlignToPitch(specked); !ok || got != text {
		t.Errorf("speck: %q, ok %v; want %q", got, ok, text)
	}

	// The same glyph read as two halves, neither the glyph.
	left, right := syms[at], syms[at]
	mid := (left.Box.Min.X + left.Box.Max.X) / 2
	left.Char, left.Box.Max.X = 'I', mid
	right.Char, right.Box.Min.X = '1', mid
	halves := slices.Replace(slices.Clone(syms), at, at+1, left, right)
	got, merged, ok := ocr.AlignToPitch(halves)
	if !ok || len(got) != len(text) || !merged[at] || slices.Contains(merged[at+1:], true) {
		t.Errorf("glyph in halves: %q, merged %v, ok %v; want one cell at %d, merged", got, merged, ok, at)
	}
}

// TestPitchFollowsAChangingPitch: a line photographed in perspective,
// its pitch growing by 2.5% a cell, is still read cell by cell, and a
// filler lost near its far end comes back.
func TestPitchFollowsAChangingPitch(t *testing.T) {
	text, syms := renderedSymbols(t)
	pitch := float64(syms[len(syms)-1].Box.Min.X-syms[0].Box.Min.X) / float64(len(syms)-1)
	x := 0.0
	var drawn []ocr.Symbol
	for i, s := range syms {
		w := s.Box.Dx()
		s.Box = image.Rect(int(x), s.Box.Min.Y, int(x)+w, s.Box.Max.Y)
		x += pitch * (1 + 0.025*float64(i))
		if i != len(syms)-3 { // a filler among the last ones
			drawn = append(drawn, s)
		}
	}
	if text[len(text)-3] != '<' {
		t.Fatalf("%q does not end in fillers", text)
	}
	got, _, ok := ocr.AlignToPitch(drawn)
	if !ok || got != text {
		t.Errorf("pitch growing along the line: %q, ok %v; want %q", got, ok, text)
	}
}

// TestPitchLeavesIrregularLinesAlone: symbols that do not stand at one
// pitch (text of another kind, a bad segmentation) and lines too short
// to fit a pitch to are not realigned.
func TestPitchLeavesIrregularLinesAlone(t *testing.T) {
	_, syms := renderedSymbols(t)
	rng := rand.New(rand.NewPCG(1, 2))
	x := 0
	irregular := slices.Clone(syms)
	for i := range irregular {
		w := irregular[i].Box.Dx()
		x += 5 + rng.IntN(3*w)
		irregular[i].Box = image.Rect(x, irregular[i].Box.Min.Y, x+w, irregular[i].Box.Max.Y)
	}
	if got, _, ok := ocr.AlignToPitch(irregular); ok {
		t.Errorf("irregular pitch realigned to %q", got)
	}
	if got, _, ok := ocr.AlignToPitch(syms[:10]); ok {
		t.Errorf("10 symbols realigned to %q", got)
	}
	// Two whole glyphs in one cell, each a pitch wide, are not pieces
	// of one: the line is left as read.
	crowded := slices.Clone(syms)
	pitch := (syms[len(syms)-1].Box.Min.X - syms[0].Box.Min.X) / (len(syms) - 1)
	centre := (syms[5].Box.Min.X + syms[5].Box.Max.X) / 2
	for k := 5; k <= 6; k++ {
		x := centre - pitch/2 + (k-5)*pitch/4
		crowded[k].Box = image.Rect(x, syms[k].Box.Min.Y, x+pitch, syms[k].Box.Max.Y)
	}
	if got, _, ok := ocr.AlignToPitch(crowded); ok {
		t.Errorf("two glyphs in one cell realigned to %q", got)
	}
}

// FuzzAlignToPitch: symbols anywhere, of any size, in any order, never
// make the alignment panic, and an aligned line keeps every cell's glyph
// in order and only adds fillers.
func FuzzAlignToPitch(f *testing.F) {
	_, syms := renderedSymbols(f)
	var seed []byte
	for _, s := range syms {
		seed = append(seed, byte(s.Box.Min.X/4), byte(s.Box.Dx()), byte(s.Char))
	}
	f.Add(seed)
	f.Add([]byte{0, 0, 'A', 0, 0, 'B'})
	f.Fuzz(func(t *testing.T, data []byte) {
		var in []ocr.Symbol
		for i := 0; i+2 < len(data); i += 3 {
			x := int(data[i]) * 4
			in = append(in, ocr.Symbol{Char: rune(data[i+2]), Box: image.Rect(x, 0, x+int(data[i+1]), 30)})
		}
		text, merged, ok := ocr.AlignToPitch(in)
		if !ok {
			return
		}
		if len(merged) > len(in) || len([]rune(text)) < len(merged) {
			t.Fatalf("%d symbols gave %d cells and text %q", len(in), len(merged), text)
		}
	})
}
