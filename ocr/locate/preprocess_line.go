package locate

import (
	"image"
	"math"
)

// View is one way of making a line image for the recognizer:
// capitals CapPx high, and the ink thinned or not.
type View struct {
	CapPx float64
	Thin  bool
}

// Views are the line images given to the recognizer in turn, best
// first, until the MRZ is valid. The MRZ model is trained on OCR-B at 10
// and 14 pt, 300 dpi (capitals 29 and 41 px); on generated pages 40 px
// gave a third of the character errors of 30 px. The model's misreads (3
// as 5) come and go with the size, so another view at 32 or 48 px mostly
// reads right what the first misread. Blotted print (a P whose bowl fills,
// an 8 read as 0) reads right more often with its strokes a pixel
// thinner on each side; thickened strokes read worse on the real crops.
var Views = [...]View{{40, false}, {32, false}, {48, false}, {40, true}}

// thinned is a binary line image with its ink eroded by a pixel at
// every edge: a pixel stays ink only when its four neighbours are ink.
func thinned(g *image.Gray) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	out := image.NewGray(g.Rect)
	ink := func(x, y int) bool {
		return x >= 0 && y >= 0 && x < w && y < h && g.Pix[y*g.Stride+x] < 128
	}
	for y := range h {
		for x := range w {
			v := uint8(255)
			if ink(x, y) && ink(x-1, y) && ink(x+1, y) && ink(x, y-1) && ink(x, y+1) {
				v = 0
			}
			out.Pix[y*out.Stride+x] = v
		}
	}
	return out
}

// Image is the view of one line: cut from the page by lineImage or
// scaled from a crop by scaledLine, cleared of specks under a sixth of
// the capitals' height, then thinned if the view says so.
func (v View) Image(cut func(capPx float64) *image.Gray) *image.Gray {
	g := cut(v.CapPx)
	despeckle(g, int(v.CapPx/6))
	if v.Thin {
		return thinned(g)
	}
	return g
}

// LineImage cuts one MRZ line out of the full-resolution image, turned
// upright, scaled to capitals capPx high and binarised: dark text on white, with a
// margin. The working image is the original shrunk by factor; frame is the
// angle of the frame the line was measured in. A line seen in
// perspective (its pitch growing along it) is rectified: every
// character comes out at one size and pitch.
func LineImage(src *Luma, factor int, frame float64, l Line, flipped bool, capPx float64) *image.Gray {
	c0, s0 := math.Cos(frame), math.Sin(frame)
	um := (l.u0 + l.u1) / 2
	cx, cy := um*c0-l.v*s0, um*s0+l.v*c0
	angle := frame + math.Atan(l.slope)
	dx, dy := math.Cos(angle), math.Sin(angle) // along the line, first character to last
	nx, ny := -dy, dx                          // across it

	k := capPx / l.height // output pixels per working pixel
	halfLen := (l.u1 - l.u0) / 2 * math.Hypot(1, l.slope)
	halfH := 0.95 * l.height
	// A margin of a pitch and a half at each end keeps a character the
	// chain missed there.
	p := newPerspective(l, halfLen)
	x0, x1 := p.column(-halfLen-1.5*p.at(-halfLen)), p.column(halfLen+1.5*p.at(halfLen))
	w, h := int((x1-x0)*k), int(2*halfH*k)
	f := float64(factor)
	// cut samples the line with its glyphs sheared by shears[ox]
	// (columns per row at output column ox; nil: none) and binarises
	// it; upside down, it starts from the last character's end.
	cut := func(shears []float64) *image.Gray {
		gray := image.NewGray(image.Rect(0, 0, w, h))
		for oy := 0; oy < h; oy++ {
			row := (float64(oy)+0.5)/k - halfH
			if flipped {
				row = -row
			}
			for ox := 0; ox < w; ox++ {
				col := x0 + (float64(ox)+0.5)/k
				if flipped {
					col = x1 - (float64(ox)+0.5)/k
				}
				shear := 0.0
				if shears != nil {
					shear = shears[ox]
				}
				s := p.along(col + shear*row)
				t := row * p.heightAt(s) / l.height
				x := cx + s*dx + t*nx
				y := cy + s*dy + t*ny
				gray.Pix[oy*gray.Stride+ox] = uint8(src.Sample(x*f, y*f) + 0.5)
			}
		}
		ink := Binarise(gray, int(capPx))
		for i, on := range ink {
			if on {
				gray.Pix[i] = 0
			} else {
				gray.Pix[i] = 255
			}
		}
		return gray
	}
	g := cut(nil)
	if p.slope == 0 {
		// A document photographed with its top side far, as a phone
		// held over a desk sees it, has its verticals converge: the
		// glyphs at the line's two ends lean towards each other, and
		// the model reads a leaning 1 as 7.
		if shears := keystone(g); shears != nil {
			return cut(shears)
		}
		return g
	}
	// In perspective the document's verticals are not square to the
	// line: the glyphs lean, and the model reads a leaning 1 as 7.
	if lean, _ := lean(g, 0, w); lean != 0 {
		shears := make([]float64, w)
		for ox := range shears {
			shears[ox] = lean
		}
		return cut(shears)
	}
	return g
}

// keystone is the shear of each column of a flat line's image that
// stands its glyphs upright where those at its two ends lean apart: a
// lean that changes steadily along the line. nil when they do not.
func keystone(g *image.Gray) []float64 {
	w := g.Rect.Dx()
	left, leftGain := lean(g, 0, w/3)
	right, rightGain := lean(g, w-w/3, w)
	// Fillers, the same upside down, line up about as well at any lean:
	// a third of mostly fillers (a name's end) leans, at best, barely
	// more sharply than upright, and says nothing. Such an end is taken
	// to lean as the other end does, mirrored, as a document square to
	// the camera's axis gives.
	leftSure, rightSure := left == 0 || leftGain >= minLeanGain, right == 0 || rightGain >= minLeanGain
	switch {
	case !leftSure && !rightSure:
		return nil
	case !leftSure:
		left = -right
	case !rightSure:
		right = -left
	}
	if math.Abs(right-left) < keystoneLean {
		return nil
	}
	third := float64(w) / 3
	shears := make([]float64, w)
	for ox := range shears {
		shears[ox] = left + (right-left)*(float64(ox)-third/2)/(2*third)
	}
	return shears
}

// keystoneLean is how much more the glyphs at one end of a flat line
// must lean than at the other for the line to be stood upright: two
// steps of lean's measure, so that a line square on is cut as it is.
const keystoneLean = 0.1

// minLeanGain is how much more sharply than upright the columns of ink
// must bunch at a third's best lean for that lean to count: 1% or less
// where fillers fill the third, 4% and more where glyphs lean at the
// ends of a line photographed with its top side far.
const minLeanGain = 0.02

// lean is how far the glyphs of a binary line image lean between
// columns from and to, in columns per row: the opposite of the shear
// that bunches its columns of ink most sharply (the vertical strokes
// line up). gain is how much more sharply they bunch at that shear than
// upright, relatively; 0 when upright is best.
func lean(g *image.Gray, from, to int) (lean, gain float64) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	best, bestScore, upright := 0.0, -1.0, 0.0
	cols := make([]float64, w)
	for step := -6; step <= 6; step++ {
		shear := float64(step) * 0.05
		clear(cols)
		for y := range h {
			off := shear * (float64(y) + 0.5 - float64(h)/2)
			for x := from; x < to; x++ {
				if g.Pix[y*g.Stride+x] < 128 {
					if c := int(float64(x) + off); c >= 0 && c < w {
						cols[c]++
					}
				}
			}
		}
		score := 0.0
		for _, c := range cols {
			score += c * c
		}
		if step == 0 {
			upright = score
		}
		if score > bestScore {
			best, bestScore = shear, score
		}
	}
	if best == 0 || upright == 0 {
		return 0, 0
	}
	return -best, bestScore/upright - 1
}

// perspective maps a line's length, s from its centre, to columns of
// one pitch: where a photo taken at an angle makes the pitch grow
// steadily along the line (Line.endPitches), a column n pitches
// from the centre lies where n cells of the growing pitch end.
type perspective struct {
	mid   float64 // the pitch at the centre
	slope float64 // its growth per unit of s; 0 for a flat line
	// The capitals' height at the centre and its growth: under
	// perspective it grows more slowly than the pitch.
	height, heightSlope float64
}

// flatEnds is how far apart, relative to the pitch, the pitches at a
// line's two ends may be and the line still be read as flat: the ends
// of a chain are measured on a few gaps, which vary that much in print.
const flatEnds = 0.15

func newPerspective(l Line, halfLen float64) perspective {
	p0, p1 := l.endPitches[0], l.endPitches[1]
	if !inPerspective(l.endPitches, l.pitch) || halfLen <= 0 {
		return perspective{mid: l.pitch, height: l.height}
	}
	h0, h1 := l.endHeights[0], l.endHeights[1]
	return perspective{
		mid: (p0 + p1) / 2, slope: (p1 - p0) / (2 * halfLen),
		height: (h0 + h1) / 2, heightSlope: (h1 - h0) / (2 * halfLen),
	}
}

// at is the pitch at s.
func (p perspective) at(s float64) float64 { return p.mid + p.slope*s }

// heightAt is the capitals' height at s.
func (p perspective) heightAt(s float64) float64 { return p.height + p.heightSlope*s }

// column is where s lies in the columns of one pitch, from the centre.
func (p perspective) column(s float64) float64 {
	if p.slope == 0 {
		return s
	}
	return p.mid * math.Log(p.at(s)/p.mid) / p.slope
}

// along is column's inverse.
func (p perspective) along(x float64) float64 {
	if p.slope == 0 {
		return x
	}
	return p.mid * (math.Exp(p.slope*x/p.mid) - 1) / p.slope
}

// despeckle whitens, in a binary line image, the ink components less
// than maxPx wide and high: the dots of a halftone background, or dust,
// which Tesseract reads as characters between the real ones (a German ID
// card's dotted print read as 58 characters for 36). On the real crops
// such specks are 1 to 6 px where capitals are 30 to 37; a filler's arms,
// the smallest part of a character, are several times larger.
func despeckle(g *image.Gray, maxPx int) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	ink := func(x, y int) bool { return g.Pix[y*g.Stride+x] < 128 }
	seen := make([]bool, w*h)
	var comp, stack []int
	for start := range seen {
		if seen[start] || !ink(start%w, start/w) {
			continue
		}
		seen[start] = true
		comp, stack = comp[:0], append(stack[:0], start)
		x0, y0, x1, y1 := w, h, -1, -1
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			comp = append(comp, p)
			x, y := p%w, p/w
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
			for ny := max(0, y-1); ny <= min(h-1, y+1); ny++ {
				for nx := max(0, x-1); nx <= min(w-1, x+1); nx++ {
					if q := ny*w + nx; !seen[q] && ink(nx, ny) {
						seen[q] = true
						stack = append(stack, q)
					}
				}
			}
		}
		if x1-x0 < maxPx && y1-y0 < maxPx {
			for _, p := range comp {
				g.Pix[(p/w)*g.Stride+p%w] = 255
			}
		}
	}
}
