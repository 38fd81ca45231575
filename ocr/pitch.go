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

// pitchFit is how near, in pitches, a symbol's centre must be to its
// cell's for the line to count as read at a regular pitch, and
// pitchMisfit the share of symbols that may be farther.
const (
	pitchFit    = 0.3
	pitchMisfit = 0.1
	// pitchMinSymbols is the fewest symbols a pitch is fitted to: every
	// MRZ line has 30 characters at least.
	pitchMinSymbols = 20
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
// glyph is narrower than the glyph); an empty cell between symbols is a
// filler. It returns false when the symbols do not stand at a regular
// pitch, and then the reading is left as it is.
func alignToPitch(syms []Symbol) (pitchedLine, bool) {
	var p pitchedLine
	if len(syms) < pitchMinSymbols {
		return p, false
	}
	cx := make([]float64, len(syms))
	for i, s := range syms {
		cx[i] = float64(s.Box.Min.X+s.Box.Max.X) / 2
	}
	gaps := make([]float64, len(cx)-1)
	for i := range gaps {
		gaps[i] = cx[i+1] - cx[i]
	}
	slices.Sort(gaps)
	origin, pitch := cx[0], gaps[len(gaps)/2]
	if pitch <= 1 {
		return p, false
	}
	cell := make([]int, len(cx))
	for range 3 {
		for i, x := range cx {
			cell[i] = int(math.Round((x - origin) / pitch))
		}
		origin, pitch = fitLine(cell, cx)
		if pitch <= 1 {
			return p, false
		}
	}
	misfits := 0
	for i, x := range cx {
		cell[i] = int(math.Round((x - origin) / pitch))
		if math.Abs(x-origin-float64(cell[i])*pitch) > pitchFit*pitch {
			misfits++
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

// fitLine is the least-squares line x = origin + pitch*cell.
func fitLine(cell []int, x []float64) (origin, pitch float64) {
	n := float64(len(x))
	var sk, sx, skk, skx float64
	for i := range x {
		k := float64(cell[i])
		sk += k
		sx += x[i]
		skk += k * k
		skx += k * x[i]
	}
	den := n*skk - sk*sk
	if den == 0 {
		return x[0], 0
	}
	pitch = (n*skx - sk*sx) / den
	return (sx - pitch*sk) / n, pitch
}
