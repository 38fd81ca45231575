package shape

import (
	"image"
	"slices"
)

// OCR-B draws O, 0 and D, and B and 8, alike, and blotted print makes the
// MRZ model confuse them; where a field allows both and no check digit
// decides (visa optional data, names, parts of document numbers), the
// glyph's own shape can. Measured on the real crops of
// ../shared/corpus/mrz-lines (docs/mrz.md), the clearest sign is whether
// a glyph looks like the zeros and eights of the same MRZ, read in
// positions that hold only digits (dates, check digits), which share its
// font, boldness and blur; then O is wider than 0, and B has a straight
// left stem where 8 is round.

// Glyph grids cut a character's box into gridW x gridH cells.
const gridW, gridH = 10, 14

// Glyph is what the shape rules measure in one character's box.
type Glyph struct {
	// grid is each cell's ink, 0 (white) to 9 (all ink).
	grid [gridW * gridH]float64
	// left is the mean distance from the box's left side to the first
	// ink, over the rows of its middle three quarters, in box widths:
	// about 0 for a straight stem, more for a round side.
	left float64
	// aspect is width over height.
	aspect float64
	// foot is the widest span of ink, first to last, in the rows at 60
	// to 90% of the box's height, in box widths: a stem's width for Y,
	// more for V's converging arms.
	foot float64
	// waist is the white inside the glyph, as wide as it is at 40 to 60%
	// of its height, over the narrower of its widest white at 15-35% and
	// at 65-85%: about 1 or more for O, less for B, whose bowls meet
	// there.
	waist float64
}

// Measure measures the glyph in box; dark tells ink.
func Measure(box image.Rectangle, dark func(x, y int) bool) (Glyph, bool) {
	var g Glyph
	w, h := box.Dx(), box.Dy()
	if w < 3 || h < 6 {
		return g, false
	}
	g.aspect = float64(w) / float64(h)
	for gy := range gridH {
		y0, y1 := box.Min.Y+gy*h/gridH, box.Min.Y+(gy+1)*h/gridH
		for gx := range gridW {
			x0, x1 := box.Min.X+gx*w/gridW, box.Min.X+(gx+1)*w/gridW
			n, ink := 0, 0
			for y := y0; y < max(y1, y0+1); y++ {
				for x := x0; x < max(x1, x0+1); x++ {
					n++
					if dark(x, y) {
						ink++
					}
				}
			}
			g.grid[gy*gridW+gx] = 9 * float64(ink) / float64(n)
		}
	}
	rows := 0
	for y := box.Min.Y + h/8; y < box.Max.Y-h/8; y++ {
		first, ok := firstInk(box, y, dark)
		if !ok {
			continue
		}
		rows++
		g.left += float64(first-box.Min.X) / float64(w)
	}
	if rows == 0 {
		return g, false
	}
	g.left /= float64(rows)
	for tenth := 6; tenth <= 9; tenth++ {
		y := box.Min.Y + tenth*h/10
		first, ok := firstInk(box, y, dark)
		if !ok {
			continue
		}
		last := box.Max.X - 1
		for !dark(last, y) {
			last--
		}
		g.foot = max(g.foot, float64(last-first+1)/float64(w))
	}
	g.waist = innerWhite(box, dark, 40, 60, false) / max(1,
		min(innerWhite(box, dark, 15, 35, true), innerWhite(box, dark, 65, 85, true)))
	return g, true
}

// innerWhite is the longest run of white between ink in one row, the
// widest or the narrowest over the rows from p0 to p1 percent of box's
// height.
func innerWhite(box image.Rectangle, dark func(x, y int) bool, p0, p1 int, widest bool) float64 {
	h := box.Dy()
	out := -1.0
	for y := box.Min.Y + p0*h/100; y <= box.Min.Y+p1*h/100 && y < box.Max.Y; y++ {
		run, best, inked := 0, 0, false
		for x := box.Min.X; x < box.Max.X; x++ {
			if dark(x, y) {
				if inked {
					best = max(best, run)
				}
				run, inked = 0, true
			} else {
				run++
			}
		}
		switch {
		case out < 0:
			out = float64(best)
		case widest:
			out = max(out, float64(best))
		default:
			out = min(out, float64(best))
		}
	}
	return max(out, 0)
}

// firstInk is the first ink column of row y within box.
func firstInk(box image.Rectangle, y int, dark func(x, y int) bool) (int, bool) {
	for x := box.Min.X; x < box.Max.X; x++ {
		if dark(x, y) {
			return x, true
		}
	}
	return 0, false
}

// ink is the mean ink, 0 to 1, of the grid's rows [r0, r1) and columns
// [c0, c1).
func (g Glyph) ink(r0, r1, c0, c1 int) float64 {
	sum := 0.0
	for r := r0; r < r1; r++ {
		for c := c0; c < c1; c++ {
			sum += g.grid[r*gridW+c]
		}
	}
	return sum / 9 / float64((r1-r0)*(c1-c0))
}

// Blotted M and N lose the gap between their diagonals and stems and the
// model reads them as H, and the other way round; but H has no ink above
// its crossbar between the stems, where M's and N's diagonals start. Then
// M has ink in the upper right of the middle and none low on the right;
// N the other way round. On the real crops these limits make nine more
// whole-MRZ lines exact and no exact line wrong (docs/mrz.md).
const (
	aboveBar           = 0.15 // ink above the crossbar: not an H
	diagonal, noInkMid = 0.4, 0.45
	stemN, noArmN      = 0.5, 0.35
)

// Some issuers print I as a bare stem, without OCR-B's serifs, and the
// MRZ model, which knows only OCR-B, reads it as W or X. A glyph this
// narrow and this solid is a stem: no other letter is.
const stemAspect, stemInk = 0.4, 0.7

// IsStem tells a glyph that is a bare stem.
func (g Glyph) IsStem() bool {
	return g.aspect <= stemAspect && g.ink(0, gridH, 0, gridW) >= stemInk
}

// W's outer strokes reach down to its foot in every font. A glyph read as
// W with no ink low on either side is a T when ink spans the middle of
// its top, a V when the top is open there (between a V's arms). With
// ink low at both sides it may be a blotted M, whose diagonals meet in
// the middle with nothing under them, where a W's inner strokes go down
// to its feet: hmn's M.
const (
	sideOfW    = 0.2
	barOfT     = 0.5
	openTopOfV = 0.2
)

// Y stands on a stem; V's arms meet only at its foot, so they span more
// of the glyph's width low down. On the real crops the feet of Y span
// 0.12 to 0.43 of the box (a few bold ones 0.55 to 0.61), those of V in
// names 0.50 to 0.76.
const footOfY = 0.4

// B's bowls meet in its middle; blotted, the line between them fades
// and the model reads an O or a 0, but the white inside still narrows
// there, where O's is widest. (Blotted D narrows too: D stays.)
const waistOfB = 0.5

// Letter is the letter the glyph's shape says when the recognizer
// read H, M, N, O, V, W or Z in a name; 0 when it does not say clearly.
func Letter(read byte, g Glyph) byte {
	switch read {
	case 'H', 'M', 'N':
		return g.hmn()
	case 'W':
		if max(g.ink(7, gridH, 0, 2), g.ink(7, gridH, gridW-2, gridW)) >= sideOfW {
			if g.hmn() == 'M' {
				return 'M'
			}
			return 0
		}
		switch top := g.ink(0, 2, 4, 6); {
		case top >= barOfT:
			return 'T'
		case top <= openTopOfV:
			return 'V'
		}
	case 'V':
		if g.foot <= footOfY {
			return 'Y'
		}
	case 'O':
		if g.waist <= waistOfB {
			return 'B'
		}
	case 'Z':
		if g.isSerifedI() {
			return 'I'
		}
	}
	return 0
}

// hmn is which of H, M and N the glyph is; 0 when it does not say
// clearly.
func (g Glyph) hmn() byte {
	upperRight, lowerRight := g.ink(1, 6, 5, 8), g.ink(8, 13, 5, 8)
	switch {
	case g.ink(1, 5, 3, 7) < aboveBar:
		if upperRight < diagonal && lowerRight < noInkMid {
			return 'H'
		}
	case upperRight >= diagonal && lowerRight < noInkMid:
		return 'M'
	case lowerRight >= stemN && upperRight < noArmN:
		return 'N'
	}
	return 0
}

// Ref is the mean of the glyphs read as one digit in digit-only
// positions of an MRZ.
type Ref struct {
	mean   [gridW * gridH]float64
	spread float64 // median distance of those glyphs to the mean
	aspect float64 // median aspect
	left   float64 // median left side
}

// minSpread keeps the distances of a clean print, whose glyphs are
// nearly identical, from being divided by almost nothing.
const minSpread = 0.5

// NewRef averages gs; it needs one glyph at least. Its spread means
// little under two.
func NewRef(gs []Glyph) (*Ref, bool) {
	if len(gs) == 0 {
		return nil, false
	}
	r := &Ref{}
	for _, g := range gs {
		for i, v := range g.grid {
			r.mean[i] += v / float64(len(gs))
		}
	}
	dists := make([]float64, len(gs))
	aspects := make([]float64, len(gs))
	lefts := make([]float64, len(gs))
	for i, g := range gs {
		dists[i] = gridDistance(g.grid, r.mean)
		aspects[i] = g.aspect
		lefts[i] = g.left
	}
	slices.Sort(dists)
	slices.Sort(aspects)
	slices.Sort(lefts)
	r.spread = max(dists[len(dists)/2], minSpread)
	r.aspect = aspects[len(aspects)/2]
	r.left = lefts[len(lefts)/2]
	return r, true
}

// distance is how far g is from the reference, in its own spread, and
// g's width relative to the reference's.
func (r *Ref) distance(g Glyph) (dist, width float64) {
	return gridDistance(g.grid, r.mean) / r.spread, g.aspect / r.aspect
}

func gridDistance(a, b [gridW * gridH]float64) float64 {
	sum := 0.0
	for i := range a {
		d := a[i] - b[i]
		if d < 0 {
			d = -d
		}
		sum += d
	}
	return sum / float64(len(a))
}

// The thresholds, from the real crops. A glyph within nearZero of the
// MRZ's zeros, and at most a tenth wider (a visa's zeros in its optional
// data measure up to 1.07 against those of its dates), is a 0; one
// beyond farZero is not. Beyond farEight of the eights, with a straight
// left side, it is a B. Between them the recognizer's choice stands.
const (
	nearZero, farZero, farEight = 1.2, 2.3, 2.8
	sameWidth, wider            = 1.10, 1.03
	straight                    = 0.025 // B's left side without eights to compare
	stemOfEight                 = 0.6   // B's left side against the eights'
)

// nearerZero is how much nearer the zeros than the O's of its MRZ a
// glyph read as O must be to count as a 0, in grid distance: in a font
// whose O is hardly wider than its 0 (and blurred, so that no glyph comes
// within nearZero), a zero read as O is about 0.6 to 0.78 as far from
// the zeros as from the O's, an O 1.2 to 1.6 times.
const nearerZero = 0.8

// Refs are the glyphs an MRZ shows of the characters its look-alikes
// are compared with: zeros and eights read in positions that hold only
// digits (two at least, for their spread), O's read in positions that
// hold only letters (one is enough: only the distance to their mean
// counts). Any may be nil.
type Refs struct {
	Zero, Eight, O *Ref
}

// Read is the character the glyph's shape says, in a field that
// allows letters and digits, given that the recognizer read it as read; 0
// when the shape does not say clearly.
func Read(read byte, g Glyph, refs Refs) byte {
	zero, eight := refs.Zero, refs.Eight
	switch read {
	case 'O', 'D', 'B':
		if zero != nil {
			d, w := zero.distance(g)
			if d <= nearZero && w <= sameWidth {
				return '0'
			}
			// The MRZ's own O's settle what its zeros alone leave open.
			if read == 'O' && refs.O != nil && d <= farZero && w <= sameWidth &&
				gridDistance(g.grid, zero.mean) < nearerZero*gridDistance(g.grid, refs.O.mean) {
				return '0'
			}
		}
	case '0':
		if zero != nil {
			if d, w := zero.distance(g); d >= farZero && w >= wider {
				return 'O'
			}
		}
	case '8':
		if eight == nil {
			if g.left < straight {
				return 'B'
			}
			return 0
		}
		if d, _ := eight.distance(g); d >= farEight && g.left < stemOfEight*eight.left {
			return 'B'
		}
	}
	return 0
}
