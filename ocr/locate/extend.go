package locate

import "math"

// MRZ lines are 30, 36 or 44 characters long; a block of 30-character
// lines has three, one of longer lines two (the one-line licence and
// the Swiss 9+30+30 are told by their own shapes and left alone).
const (
	td1LineChars = 30
	// shortLineSlack is how far, in characters, a located line may fall
	// short of or run past 30 and still count as a TD1 line: the ends of
	// a line chain less surely than its middle.
	shortLineSlack = 3
)

// wantLines is how many lines an MRZ whose lines span the located
// line l has: 3 for 30 characters, 2 for 36 or 44.
func wantLines(l Line) int {
	n := int(math.Round((l.u1-l.u0)/l.pitch)) + 1
	if n <= td1LineChars+shortLineSlack {
		return 3
	}
	return 2
}

// Extended lists the blocks the MRZ may be, the block located first:
// where it has fewer lines than their length says an MRZ has, the lines
// missing are assumed at the block's line spacing above it, below it,
// or both. Bold print whose characters touch, or a line broken by a
// crease, does not chain into a line (textLines), yet the reading, by
// its check digits, tells whether the assumed line is the MRZ's.
func Extended(b Block) []Block {
	out := []Block{b}
	if b.Headed || len(b.Lines) == 0 {
		return out
	}
	first, last := b.Lines[0], b.Lines[len(b.Lines)-1]
	// A lone 30-character line may be a driving licence's whole MRZ;
	// read as such first, it settles before any line is assumed.
	missing := wantLines(first) - len(b.Lines)
	if missing <= 0 {
		return out
	}
	spacing := lineSpacingOf(b)
	for above := missing; above >= 0; above-- {
		var lines []Line
		for k := above; k >= 1; k-- {
			lines = append(lines, shifted(first, -float64(k)*spacing))
		}
		lines = append(lines, b.Lines...)
		for k := 1; k <= missing-above; k++ {
			lines = append(lines, shifted(last, float64(k)*spacing))
		}
		e := b
		e.Lines = lines
		out = append(out, e)
	}
	return out
}

// mrzLineSpacing is ICAO 9303's distance between MRZ baselines in
// capital heights: 6 lines per inch (4.23 mm) over capitals of 2.0 to
// 3.0 mm, about 2.4.
const mrzLineSpacing = 1.76

// lineSpacingOf is the distance between the block's lines, or the
// ICAO spacing for a block of one line.
func lineSpacingOf(b Block) float64 {
	if n := len(b.Lines); n > 1 {
		return (b.Lines[n-1].v - b.Lines[0].v) / float64(n-1)
	}
	return mrzLineSpacing * b.Lines[0].height
}

// shifted is l moved dv across the text, a line assumed rather than
// found.
func shifted(l Line, dv float64) Line {
	l.v += dv
	l.chars = 0
	return l
}
