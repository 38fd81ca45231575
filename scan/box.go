package scan

import (
	"image"
	"math"
	"sort"
)

// Box is a turned rectangle on a page, in page pixels: the document as it
// lies on the glass. W is its long side, along Angle degrees from the
// page's x axis (y pointing down); H is its short side.
type Box struct {
	CX, CY, W, H, Angle float64
}

// Corners are the box's corners in order around it.
func (b Box) Corners() [4][2]float64 {
	s, c := math.Sincos(b.Angle * math.Pi / 180)
	ux, uy := c*b.W/2, s*b.W/2
	vx, vy := -s*b.H/2, c*b.H/2
	return [4][2]float64{
		{b.CX - ux - vx, b.CY - uy - vy},
		{b.CX + ux - vx, b.CY + uy - vy},
		{b.CX + ux + vx, b.CY + uy + vy},
		{b.CX - ux + vx, b.CY - uy + vy},
	}
}

// Bounds is the smallest pixel rectangle holding the box.
func (b Box) Bounds() image.Rectangle {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range b.Corners() {
		x0, y0 = math.Min(x0, p[0]), math.Min(y0, p[1])
		x1, y1 = math.Max(x1, p[0]), math.Max(y1, p[1])
	}
	return image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1)))
}

// minAreaBox is the smallest turned rectangle holding the points (rotating
// calipers over their convex hull).
func minAreaBox(pts [][2]float64) Box {
	hull := convexHull(pts)
	if len(hull) < 3 {
		return Box{}
	}
	best := Box{}
	bestArea := math.Inf(1)
	for i := range hull {
		p, q := hull[i], hull[(i+1)%len(hull)]
		ex, ey := q[0]-p[0], q[1]-p[1]
		l := math.Hypot(ex, ey)
		if l == 0 {
			continue
		}
		ux, uy := ex/l, ey/l
		u0, u1, v0, v1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, h := range hull {
			u := h[0]*ux + h[1]*uy
			v := -h[0]*uy + h[1]*ux
			u0, u1, v0, v1 = math.Min(u0, u), math.Max(u1, u), math.Min(v0, v), math.Max(v1, v)
		}
		if a := (u1 - u0) * (v1 - v0); a < bestArea {
			bestArea = a
			cu, cv := (u0+u1)/2, (v0+v1)/2
			best = Box{
				CX: cu*ux - cv*uy, CY: cu*uy + cv*ux,
				W: u1 - u0, H: v1 - v0, Angle: math.Atan2(uy, ux) * 180 / math.Pi,
			}
		}
	}
	return best.normal()
}

// normal makes W the long side and keeps Angle within (-90, 90].
func (b Box) normal() Box {
	if b.H > b.W {
		b.W, b.H = b.H, b.W
		b.Angle += 90
	}
	for b.Angle > 90 {
		b.Angle -= 180
	}
	for b.Angle <= -90 {
		b.Angle += 180
	}
	return b
}

func convexHull(pts [][2]float64) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	p := append([][2]float64(nil), pts...)
	sort.Slice(p, func(i, j int) bool {
		if p[i][0] != p[j][0] {
			return p[i][0] < p[j][0]
		}
		return p[i][1] < p[j][1]
	})
	cross := func(o, a, b [2]float64) float64 {
		return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0])
	}
	h := make([][2]float64, 0, 2*len(p))
	for _, pt := range p {
		for len(h) >= 2 && cross(h[len(h)-2], h[len(h)-1], pt) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, pt)
	}
	lower := len(h) + 1
	for i := len(p) - 2; i >= 0; i-- {
		for len(h) >= lower && cross(h[len(h)-2], h[len(h)-1], p[i]) <= 0 {
			h = h[:len(h)-1]
		}
		h = append(h, p[i])
	}
	return h[:len(h)-1]
}
