package scan

import "math"

// withinHull narrows each row span to the part inside the convex polygon
// hull (page pixels; the rows' pixels are f times larger) less inset
// pixels. A row the hull does not cross is dropped; without a hull the
// rows are kept as they are.
func withinHull(rows []rowSpan, hull [][2]float64, f, inset float64) []rowSpan {
	if len(hull) < 3 {
		return rows
	}
	poly := make([][2]float64, len(hull))
	for i, p := range hull {
		poly[i] = [2]float64{p[0] / f, p[1] / f}
	}
	out := rows[:0:0]
	for _, s := range rows {
		// The row's interval, and those inset above and below it: their
		// intersection, less inset, stays inside the polygon eroded by
		// about inset.
		lo, hi := math.Inf(-1), math.Inf(1)
		for _, dy := range []float64{-inset, 0, inset} {
			l, h, ok := rowInterval(poly, float64(s.y)+0.5+dy)
			if !ok {
				lo, hi = 1, 0
				break
			}
			lo, hi = math.Max(lo, l), math.Min(hi, h)
		}
		x0 := max(s.x0, int(math.Ceil(lo+inset-0.5)))
		x1 := min(s.x1, int(math.Floor(hi-inset-0.5))+1)
		if x1 > x0 {
			out = append(out, rowSpan{s.y, x0, x1})
		}
	}
	return out
}

// rowInterval is where the horizontal line at y crosses the convex
// polygon poly.
func rowInterval(poly [][2]float64, y float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i, p := range poly {
		q := poly[(i+1)%len(poly)]
		if p[1] == q[1] || (y < p[1]) == (y < q[1]) {
			continue
		}
		x := p[0] + (y-p[1])*(q[0]-p[0])/(q[1]-p[1])
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi, lo <= hi
}
