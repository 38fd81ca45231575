package locate

import (
	"image"
	"math"
	"slices"
	"sort"
)

// Line is one located MRZ line in the working image's rotated frame:
// u along the text direction, v across it.
type Line struct {
	u0, u1 float64 // centres of the first and last character
	v      float64 // centre line
	slope  float64 // dv/du fitted through the characters
	pitch  float64 // character pitch
	// endPitches and endHeights are the pitch and the capital height at the
	// first and the last character: in a photo taken at an angle the far
	// end's are smaller.
	endPitches, endHeights [2]float64
	height                 float64 // capital height
	chars                  int     // blobs found on the line
}

// Block is a located MRZ: 1-3 parallel lines, top to bottom in the
// rotated frame, and whether the document stands upside down in it.
type Block struct {
	Frame   float64 // direction of u in radians, image coordinates
	Lines   []Line
	Flipped bool
	// Headed says that a short first line (the Swiss licence's) told
	// Flipped for certain, where otherwise the print around guesses it.
	Headed bool
}

// locate finds the MRZ in a working-resolution grey image: the likeliest
// of All's blocks.
func locate(g *image.Gray) (Block, bool) {
	blocks := All(g)
	if len(blocks) == 0 {
		return Block{}, false
	}
	return blocks[0], true
}

// All finds the blocks of MRZ-like lines in a working-resolution
// grey image, the likeliest first (findBlocks). The text angle comes
// from the geometry of character blobs, so a page in any of four
// orientations costs one search, not four OCR runs.
func All(g *image.Gray) []Block {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	bs := Blobs(Binarise(g, 15), w, h)
	if len(bs) < 20 {
		return nil
	}
	gr := newGrid(bs, 48)
	angle, ok := textAngle(bs, gr)
	if !ok {
		return nil
	}
	cos, sin := math.Cos(angle), math.Sin(angle)
	horizontal := math.Abs(cos) >= math.Abs(sin)
	for i := range bs {
		b := &bs[i]
		b.u = b.cx*cos + b.cy*sin
		b.v = -b.cx*sin + b.cy*cos
		if horizontal {
			b.h = float64(b.y1 - b.y0)
		} else {
			b.h = float64(b.x1 - b.x0)
		}
	}
	blocks := findBlocks(bs, gr)
	for i := range blocks {
		blocks[i].Frame = angle
	}
	return blocks
}

// findBlock finds the MRZ among blobs measured in the text frame (u, v
// and h set): the likeliest of findBlocks.
func findBlock(bs []Blob, gr *grid) (Block, bool) {
	blocks := findBlocks(bs, gr)
	if len(blocks) == 0 {
		return Block{}, false
	}
	return blocks[0], true
}

// findBlocks lists the blocks of long lines the MRZ may be, most
// characters first (candidateBlocks), each headed by a short first line
// when the Swiss licence's is there, and which way up it stands.
func findBlocks(bs []Blob, gr *grid) []Block {
	lines := textLines(bs, gr)
	var out []Block
	for _, block := range candidateBlocks(lines) {
		if headed, ok := withShortLine(block, lines); ok {
			out = append(out, headed)
			continue
		}
		block.Flipped = textBelow(bs, block)
		out = append(out, block)
	}
	return out
}

// textLines chains blobs into lines, each to its nearest right-hand
// neighbour of similar height on the same line, and keeps the lines that
// look like an MRZ line: characters at one regular pitch. Most are long
// lines; the short ones (fewer than minLineChars) are only good for
// heading a block of long lines (withShortLine).
func textLines(bs []Blob, gr *grid) []Line {
	parent := make([]int, len(bs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range bs {
		b := &bs[i]
		reach := 2.2 * b.h
		best, bestDu := -1, reach
		gr.near(b.cx, b.cy, reach, func(j int) {
			o := &bs[j]
			du := o.u - b.u
			if du <= 0 || du >= bestDu {
				return
			}
			ratio := o.h / b.h
			if ratio < 0.45 || ratio > 2.2 || math.Abs(o.v-b.v) > 0.3*max(o.h, b.h) {
				return
			}
			best, bestDu = j, du
		})
		if best >= 0 {
			parent[find(i)] = find(best)
		}
	}
	groups := map[int][]int{}
	for i := range bs {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	var out []Line
	for _, members := range groups {
		if len(members) < minShortChars {
			continue
		}
		if l, ok := lineOf(bs, members); ok {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].v < out[j].v })
	return out
}

// minLineChars is the fewest blobs an MRZ line of 30 may show when a few
// characters are lost or merged; minShortChars is the same for the
// 9-character first line of the Swiss licence.
const (
	minLineChars  = 20
	minShortChars = 6
)

// localGaps is how many gaps either side of a gap give the pitch it is
// measured against; maxPitchGrowth bounds how much that pitch may grow
// along a line, as a line seen at a steep angle does.
const (
	localGaps      = 3
	maxPitchGrowth = 2.5
)

// lineOf measures a chain and tells whether it is regular enough for an
// MRZ line: OCR-B at a fixed pitch, with no word gaps.
func lineOf(bs []Blob, members []int) (Line, bool) {
	sort.Slice(members, func(i, j int) bool { return bs[members[i]].u < bs[members[j]].u })
	gaps := make([]float64, 0, len(members)-1)
	heights := make([]float64, 0, len(members))
	for k, i := range members {
		heights = append(heights, bs[i].h)
		if k > 0 {
			gaps = append(gaps, bs[i].u-bs[members[k-1]].u)
		}
	}
	pitch := median(gaps)
	// Each gap is measured against the pitch around it: a photo taken at
	// an angle draws the far end of a line smaller, and its pitch grows
	// steadily along the line, where text set in a proportional font
	// varies from letter to letter.
	regular, wide := 0, 0
	lo, hi := math.Inf(1), 0.0
	locals := make([]float64, len(gaps))
	for k, g := range gaps {
		local := median(gaps[max(k-localGaps, 0):min(k+localGaps+1, len(gaps))])
		locals[k] = local
		lo, hi = min(lo, local), max(hi, local)
		switch {
		case g > 0.8*local && g < 1.2*local:
			regular++
		case g > 1.6*local:
			wide++
		}
	}
	if regular*10 < len(gaps)*8 || wide > 3 || hi > maxPitchGrowth*lo {
		return Line{}, false
	}
	endPitches := trend(locals)
	m := min(2*localGaps+1, len(heights))
	endHeights := [2]float64{capitals(heights[:m]), capitals(heights[len(heights)-m:])}
	height := capitals(heights)
	// OCR-B's pitch is about its capitals' height; condensed MRZ fonts
	// (the US passport card's) go down to two thirds, less on a turned
	// page, where a box is taller than the glyph in it.
	narrowest := pitch / height
	if inPerspective(endPitches, pitch) {
		// Seen at an angle, a line is foreshortened along its length,
		// least at its near end, where it looks largest.
		narrowest = max(narrowest, endPitches[0]/endHeights[0], endPitches[1]/endHeights[1])
	}
	if narrowest < 0.6 || pitch > 1.6*height {
		return Line{}, false
	}
	// Least-squares v = a + slope*u through the character centres.
	var su, sv, suu, suv float64
	for _, i := range members {
		su += bs[i].u
		sv += bs[i].v
		suu += bs[i].u * bs[i].u
		suv += bs[i].u * bs[i].v
	}
	n := float64(len(members))
	slope := (n*suv - su*sv) / (n*suu - su*su)
	first, last := bs[members[0]], bs[members[len(members)-1]]
	return Line{
		u0: first.u, u1: last.u,
		v:     sv/n + slope*((first.u+last.u)/2-su/n),
		slope: slope, pitch: pitch, endPitches: endPitches, endHeights: endHeights, height: height, chars: len(members),
	}, true
}

// maxBlocks bounds the blocks a page's MRZ is looked for in: the
// reader reads the next only while no reading has settled, and a page
// has rarely more than one block of long regular lines besides its MRZ.
const maxBlocks = 3

// candidateBlocks groups neighbouring MRZ-like lines into blocks of the
// same pitch, aligned, about 1.8 character heights apart, and returns
// at most maxBlocks of them, most characters first. A line that starts
// no block of its own (it is in an earlier one) is not tried alone.
// Where two lines of the same print stand two line spacings apart, the
// block with the line assumed between them is a candidate too: a line
// whose characters touch or that a crease breaks does not chain.
func candidateBlocks(lines []Line) []Block {
	type scored struct {
		b     Block
		chars int
	}
	var all []scored
	used := make([]bool, len(lines))
	for i := 0; i < len(lines); i++ {
		if lines[i].chars < minLineChars || used[i] {
			continue
		}
		block := []Line{lines[i]}
		chars := lines[i].chars
		for j := i + 1; j < len(lines) && len(block) < 3; j++ {
			prev, l := block[len(block)-1], lines[j]
			if l.chars < minLineChars {
				continue
			}
			dv := l.v - prev.v
			if dv < 1.2*prev.height {
				continue
			}
			if math.Abs(l.pitch-prev.pitch) > 0.15*prev.pitch || math.Abs(l.u0-prev.u0) > 2.5*prev.pitch {
				break
			}
			if dv > 2.6*prev.height {
				if dv <= 2*2.6*prev.height && len(block) == 1 {
					gapped := []Line{prev, between(prev, l), l}
					all = append(all, scored{Block{Lines: gapped}, chars + l.chars})
				}
				break
			}
			block = append(block, l)
			chars += l.chars
			used[j] = true
		}
		all = append(all, scored{Block{Lines: block}, chars})
	}
	// Most characters first; of equal ones, the block found first (no
	// assumed line, higher on the page).
	slices.SortStableFunc(all, func(a, b scored) int { return b.chars - a.chars })
	var out []Block
	for _, s := range all[:min(len(all), maxBlocks)] {
		out = append(out, s.b)
	}
	return out
}

// between is the line halfway between a and b, assumed rather than
// found.
func between(a, b Line) Line {
	m := a
	m.v = (a.v + b.v) / 2
	m.u1 = max(a.u1, b.u1)
	m.chars = 0
	return m
}

// textBelow tells whether more of the document's print lies on the +v side
// of the MRZ than on the other: the MRZ sits at the bottom of a document,
// so then the document is upside down in the rotated frame.
func textBelow(bs []Blob, block Block) bool {
	first, last := block.Lines[0], block.Lines[len(block.Lines)-1]
	h, p := first.height, first.pitch
	above, below := 0, 0
	for _, b := range bs {
		if b.u < first.u0-2*p || b.u > first.u1+2*p || b.h < 0.3*h || b.h > 4*h {
			continue
		}
		switch {
		case b.v < first.v-1.2*h && b.v > first.v-25*h:
			above++
		case b.v > last.v+1.2*h && b.v < last.v+25*h:
			below++
		}
	}
	return below > above
}

// trend is the straight line through vs by least squares, at its first
// and last index: the pitch at a line's two ends, steadier than the
// gaps measured there.
func trend(vs []float64) [2]float64 {
	n := float64(len(vs))
	var sx, sy, sxx, sxy float64
	for i, v := range vs {
		x := float64(i)
		sx, sy, sxx, sxy = sx+x, sy+v, sxx+x*x, sxy+x*v
	}
	den := n*sxx - sx*sx
	if den == 0 {
		return [2]float64{sy / n, sy / n}
	}
	b := (n*sxy - sx*sy) / den
	a := (sy - b*sx) / n
	return [2]float64{a, a + b*(n-1)}
}

// inPerspective tells whether a line with these end pitches is seen at
// an angle: its pitches at the two ends differ by more than flatEnds of
// its pitch.
func inPerspective(endPitches [2]float64, pitch float64) bool {
	return math.Abs(endPitches[1]-endPitches[0]) > flatEnds*pitch
}

// capitals is the height of the capitals among characters of heights
// hs: the upper quartile, as fillers are smaller.
func capitals(hs []float64) float64 {
	c := slices.Clone(hs)
	slices.Sort(c)
	return c[len(c)*3/4]
}

func median(s []float64) float64 {
	if len(s) == 0 {
		return 0
	}
	c := slices.Clone(s)
	slices.Sort(c)
	return c[len(c)/2]
}
