package shape

// slant is how far the glyph's ink moves left from the upper to the lower
// middle of its box, in box widths: the ink-weighted mean column of the
// rows at 20-40% of its height less that of the rows at 60-80%. Z's
// diagonal runs from its upper right to its lower left (about half the
// width); an I's stem stands straight (about 0).
func (g Glyph) slant() float64 {
	return (g.meanCol(3, 6) - g.meanCol(8, 11)) / gridW
}

// meanCol is the ink-weighted mean column (in grid cells, 0.5 for the
// first) of the grid rows r0 to r1.
func (g Glyph) meanCol(r0, r1 int) float64 {
	sum, ink := 0.0, 0.0
	for r := r0; r < r1; r++ {
		for c := range gridW {
			v := g.grid[r*gridW+c]
			sum += v * (float64(c) + 0.5)
			ink += v
		}
	}
	if ink == 0 {
		return gridW / 2
	}
	return sum / ink
}

// OCR-B's I is a stem with serifs, and the MRZ model reads a Z where
// blotting or another font widens the serifs; Z's diagonal is what tells
// them apart. Measured on the tuning half's real crops read at 32, 40 and
// 48 px capitals: true I's slant -0.05 to 0.07 and Z's 0.14 to 0.44; these
// limits make an I of all 9 I's read as Z there, and of none of the 127
// Z's read as Z, nor of a C, 2, 7 or filler read as Z (whose ink in the
// middle rows is at a side, or not in the middle).
const (
	straightI = 0.08 // slant under this: no diagonal
	stemOfI   = 0.5  // ink across the middle columns of the middle rows
	sideOfI   = 0.4  // ink at either side of the middle rows
)

// isSerifedI tells a glyph read as Z that is an I: no diagonal, and in
// its middle rows ink in the middle more than at either side.
func (g Glyph) isSerifedI() bool {
	return g.slant() < straightI && g.ink(5, 9, 3, 7) >= stemOfI &&
		g.ink(5, 9, 0, 2) <= sideOfI && g.ink(5, 9, 8, 10) <= sideOfI
}
