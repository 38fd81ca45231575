package locate

import (
	"image"
	"math"
)

// Blob is a connected group of ink pixels: a character, once noise and
// pictures are filtered out.
type Blob struct {
	x0, y0, x1, y1 int // bounding box, x1 and y1 exclusive
	n              int // ink pixels
	cx, cy         float64
	u, v           float64 // centre along and across the text direction
	h              float64 // extent across the text direction
}

func (b *Blob) size() int { return max(b.x1-b.x0, b.y1-b.y0) }

// Rect is the blob's bounding box.
func (b *Blob) Rect() image.Rectangle { return image.Rect(b.x0, b.y0, b.x1, b.y1) }

// Blobs labels the 8-connected ink components of a w x h mask, consuming
// the mask, and keeps those of character size.
func Blobs(ink []bool, w, h int) []Blob {
	var out []Blob
	var stack []int32
	for start, on := range ink {
		if !on {
			continue
		}
		ink[start] = false
		b := Blob{x0: start % w, y0: start / w, x1: start%w + 1, y1: start/w + 1}
		stack = append(stack[:0], int32(start))
		for len(stack) > 0 {
			p := int(stack[len(stack)-1])
			stack = stack[:len(stack)-1]
			b.n++
			x, y := p%w, p/w
			b.x0, b.y0, b.x1, b.y1 = min(b.x0, x), min(b.y0, y), max(b.x1, x+1), max(b.y1, y+1)
			for dy := -1; dy <= 1; dy++ {
				ny := y + dy
				if ny < 0 || ny >= h {
					continue
				}
				for dx := -1; dx <= 1; dx++ {
					nx := x + dx
					if nx < 0 || nx >= w {
						continue
					}
					if q := ny*w + nx; ink[q] {
						ink[q] = false
						stack = append(stack, int32(q))
					}
				}
			}
		}
		bw, bh := b.x1-b.x0, b.y1-b.y0
		if s := max(bw, bh); s < minCharPx || s > maxCharPx || b.n < 6 || b.n*10 < bw*bh {
			continue
		}
		b.cx, b.cy = float64(b.x0+b.x1)/2, float64(b.y0+b.y1)/2
		out = append(out, b)
	}
	return out
}

// Character sizes, in working pixels, that can be MRZ characters.
const (
	minCharPx = 5
	maxCharPx = 120
)

// grid finds blobs near a point without comparing every pair.
type grid struct {
	cell  float64
	cells map[[2]int][]int
}

func newGrid(bs []Blob, cell float64) *grid {
	g := &grid{cell: cell, cells: map[[2]int][]int{}}
	for i, b := range bs {
		k := g.key(b.cx, b.cy)
		g.cells[k] = append(g.cells[k], i)
	}
	return g
}

func (g *grid) key(x, y float64) [2]int {
	return [2]int{int(math.Floor(x / g.cell)), int(math.Floor(y / g.cell))}
}

// near calls f for every blob within radius r of (x, y), or beyond.
func (g *grid) near(x, y, r float64, f func(j int)) {
	lo, hi := g.key(x-r, y-r), g.key(x+r, y+r)
	for cy := lo[1]; cy <= hi[1]; cy++ {
		for cx := lo[0]; cx <= hi[0]; cx++ {
			for _, j := range g.cells[[2]int{cx, cy}] {
				f(j)
			}
		}
	}
}

// textAngle is the dominant direction of text lines, in radians within
// [0, pi): the direction from each character to its nearest neighbour of
// similar size, voted in a histogram.
func textAngle(bs []Blob, g *grid) (float64, bool) {
	const bins = 180
	var hist [bins]float64
	for i := range bs {
		b := &bs[i]
		s := float64(b.size())
		best, bestD := -1, 2.5*s
		g.near(b.cx, b.cy, bestD, func(j int) {
			if j == i {
				return
			}
			o := &bs[j]
			ratio := float64(o.size()) / s
			if ratio < 0.5 || ratio > 2 {
				return
			}
			if d := math.Hypot(o.cx-b.cx, o.cy-b.cy); d < bestD && d > 0.3*s {
				best, bestD = j, d
			}
		})
		if best < 0 {
			continue
		}
		a := math.Atan2(bs[best].cy-b.cy, bs[best].cx-b.cx)
		if a < 0 {
			a += math.Pi
		}
		hist[int(a/math.Pi*bins)%bins]++
	}
	peak, peakV := 0, 0.0
	for i := range hist {
		v := 0.0
		for k := -2; k <= 2; k++ {
			v += hist[(i+k+bins)%bins]
		}
		if v > peakV {
			peak, peakV = i, v
		}
	}
	if peakV < 10 {
		return 0, false
	}
	// Mean of doubled angles around the peak: bins wrap at pi.
	var sx, sy float64
	for k := -3; k <= 3; k++ {
		i := (peak + k + bins) % bins
		a := 2 * (float64(i) + 0.5) / bins * math.Pi
		sx += hist[i] * math.Cos(a)
		sy += hist[i] * math.Sin(a)
	}
	a := math.Atan2(sy, sx) / 2
	if a < 0 {
		a += math.Pi
	}
	return a, true
}
