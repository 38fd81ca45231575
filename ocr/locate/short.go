package locate

import "math"

// The Swiss driving licence's MRZ is 9+30+30 characters: a first line too
// short to pass for an MRZ line on its own. It is taken only where it can
// be nothing else: one line spacing before a block of two long lines, in
// the same OCR-B (pitch and capital height), starting where they start,
// and short. Printed labels above an MRZ fail at least one of these: they
// are smaller or larger, proportional, start elsewhere or sit at another
// distance.

// Tolerances of a short first line against the block's long lines.
const (
	shortPitchTol   = 0.12 // relative pitch difference
	shortHeightTol  = 0.2  // relative capital height difference
	shortSpacingTol = 0.15 // relative difference from the block's line spacing
	shortAlignTol   = 0.6  // start (or, upside down, end) offset, in pitches
	// First to last character centre, in pitches: the line is 7
	// characters and 2 fillers, which are the likeliest to be lost.
	shortMinSpan = 6
	shortMaxSpan = 10
)

// withShortLine returns block headed by its short first line, if there is
// one among lines. The short line also tells which way up the block
// stands: on top and flush left when upright; at the bottom and flush
// right in the frame when the document is upside down in it.
func withShortLine(block Block, lines []Line) (Block, bool) {
	if len(block.Lines) != 2 {
		return block, false
	}
	first, last := block.Lines[0], block.Lines[1]
	spacing := last.v - first.v
	// A line of mostly fillers (the name line) measures its capitals too
	// small; no line measures them too large.
	ref := first
	if last.height > ref.height {
		ref = last
	}
	for _, s := range lines {
		if !shortLike(s, ref) {
			continue
		}
		// Nine evenly spaced centres fit a slope poorly; the document is
		// rigid, so the long line's holds, about the short line's middle.
		s.slope = first.slope
		switch {
		case math.Abs(first.v-s.v-spacing) <= shortSpacingTol*spacing && math.Abs(s.u0-first.u0) <= shortAlignTol*first.pitch:
			return Block{Lines: []Line{s, first, last}, Headed: true}, true
		case math.Abs(s.v-last.v-spacing) <= shortSpacingTol*spacing && math.Abs(s.u1-last.u1) <= shortAlignTol*last.pitch:
			return Block{Lines: []Line{first, last, s}, Flipped: true, Headed: true}, true
		}
	}
	return block, false
}

// shortLike tells whether s is a short line in the print of long line l.
func shortLike(s, l Line) bool {
	span := (s.u1 - s.u0) / l.pitch
	return s.chars < minLineChars && span >= shortMinSpan && span <= shortMaxSpan &&
		math.Abs(s.pitch-l.pitch) <= shortPitchTol*l.pitch &&
		math.Abs(s.height-l.height) <= shortHeightTol*l.height
}
