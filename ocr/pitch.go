package ocr

import (
	"math"
	"slices"
)

// An MRZ is printed at one fixed pitch with no gaps: every character,
// filler included, has its cell. Tesseract sometimes reads one blotted
// glyph as two characters (a stem as an extra I, a duplicated letter)
// and loses faint fillers; the text alone cannot tell which characters
// are extra, but the symbols' boxes can: two symbols whose centres fall
// in the same cell are one glyph, and an empty cell between symbols is a
// lost filler.

// pitchFit is how far, in pitches, the step from one glyph's centre to
// the next may be from a whole number of cells for the line to count as
// read at a regular pitch, and pitchMisfit the share of glyphs that may
// be farther.
const (
	pitchFit    = 0.3
	pitchMisfit = 0.1
	// pitchMinSymbols is the fewest symbols a pitch is fitted to: every
	// MRZ line has 30 characters at least.
	pitchMinSymbols = 20
	// pitchSpeck is how narrow, against the line's median symbol, a
	// symbol is that is a speck rather than a glyph.
	pitchSpeck = 0.25
	// pitchUnion is how wide, in pitches, the symbols of one cell may
	// be together: pieces of one glyph, not two glyphs.
	pitchUnion = 1.15
	// pitchPart is how much of a cell's ink, in width, the widest symbol
	// in it must cover to stand for the glyph; a narrower one is a piece.
	pitchPart = 0.7
)

// pitchedLine is a line's symbols placed in its cells.
type pitchedLine struct {
	// syms holds one symbol per cell that holds any; a cell that held
	// several has the widest, with the box of them all.
	syms []Symbol
	// merged tells the cells that held several symbols, none of which
	// covers most of the glyph: the recognizer read it in pieces.
	merged []bool
	// gaps[i] counts the empty cells before syms[i].
	gaps []int
}

// text is the line's text with a filler in each empty cell.
func (p pitchedLine) text() string {
	var out []rune
	for i, s := range p.syms {
		for range p.gaps[i] {
			out = append(out, '<')
		}
		out = append(out, s.Char)
	}
	return string(out)
}

// alignToPitch places the symbols of one line in the line's cells. In a
// cell holding two or more symbols it keeps the widest (a fragment of a
// glyph, or a speck read as a character, is narrower than the glyph); an
// empty cell between symbols is a filler. It returns false when the
// symbols do not stand at a regular pitch, and then the reading is left
// as it is.
func alignToPitch(syms []Symbol) (pitchedLine, bool) {
	var p pitchedLine
	if len(syms) < pitchMinSymbols {
		return p, false
	}
	// The fit uses the glyphs, not specks read as characters (a mark
	// one pixel wide), which stand anywhere.
	widths := make([]int, len(syms))
	for i, s := range syms {
		widths[i] = s.Box.Dx()
	}
	slices.Sort(widths)
	minWidth := float64(widths[len(widths)/2]) * pitchSpeck
	var fx []float64
	cx := make([]float64, len(syms))
	for i, s := range syms {
		cx[i] = float64(s.Box.Min.X+s.Box.Max.X) / 2
		if float64(s.Box.Dx()) >= minWidth {
			fx = append(fx, cx[i])
		}
	}
	if len(fx) < pitchMinSymbols {
		return p, false
	}
	gaps := make([]float64, len(fx)-1)
	for i := range gaps {
		gaps[i] = fx[i+1] - fx[i]
	}
	slices.Sort(gaps)
	pitch := gaps[len(gaps)/2]
	if pitch <= 1 {
		return p, false
	}
	// Each symbol's cell counts on from the glyph before it, at the pitch
	// the glyphs around it keep: a photographed page in perspective, or a
	// stretched crop, changes the pitch along the line.
	cell := make([]int, len(cx))
	misfits, prev := 0, -1
	for i, x := range cx {
		if prev < 0 {
			prev = i
			continue
		}
		local := localPitch(fx, x, pitch)
		steps := (x - cx[prev]) / local
		cell[i] = cell[prev] + int(math.Round(steps))
		glyph := float64(syms[i].Box.Dx()) >= minWidth
		if glyph && math.Abs(steps-math.Round(steps)) > pitchFit {
			misfits++
		}
		if glyph {
			prev = i
		}
	}
	if float64(misfits) > pitchMisfit*float64(len(cx)) || !slices.IsSorted(cell) {
		return p, false
	}
	for i := 0; i < len(syms); {
		j, widest, union := i+1, i, syms[i].Box
		for ; j < len(syms) && cell[j] == cell[i]; j++ {
			if syms[j].Box.Dx() > syms[widest].Box.Dx() {
				widest = j
			}
			union = union.Union(syms[j].Box)
		}
		if float64(union.Dx()) > pitchUnion*pitch {
			return pitchedLine{}, false
		}
		gap := 0
		if i > 0 {
			gap = cell[i] - cell[i-1] - 1
		}
		s := syms[widest]
		s.Box = union
		p.syms = append(p.syms, s)
		p.merged = append(p.merged, j-i > 1 && float64(syms[widest].Box.Dx()) < pitchPart*float64(union.Dx()))
		p.gaps = append(p.gaps, gap)
		i = j
	}
	return p, true
}

// localPitch is the median gap between neighbouring glyphs among the
// dozen glyph centres fx nearest to x, counting only gaps within 30% of
// their own median (not a glyph in pieces, not a lost filler); the
// line's pitch where too few are left.
func localPitch(fx []float64, x, pitch float64) float64 {
	at, _ := slices.BinarySearch(fx, x)
	lo, hi := max(0, at-6), min(len(fx), at+6)
	var gaps []float64
	for i := lo + 1; i < hi; i++ {
		gaps = append(gaps, fx[i]-fx[i-1])
	}
	if len(gaps) < 3 {
		return pitch
	}
	slices.Sort(gaps)
	mid := gaps[len(gaps)/2]
	gaps = slices.DeleteFunc(gaps, func(g float64) bool { return g < 0.7*mid || g > 1.3*mid })
	if len(gaps) < 3 {
		return pitch
	}
	return gaps[len(gaps)/2]
}
