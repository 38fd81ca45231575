package specimen

import (
	"image"
	"image/color"
	"math"
)

// tilt draws the document as a phone held at an angle sees it: its right
// side far, at far times the height of its left side, and the document
// foreshortened between them by a true perspective (a homography), not
// a shear. The phone is taken to be as far from the near side as the
// document is wide, which gives the angle (sin = 1/far - 1) and so how
// much narrower the document looks (far times its cosine). What falls
// outside the document is transparent.
func tilt(doc image.Image, far float64) *image.RGBA {
	b := doc.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	sin := min(1/far-1, 1)
	width := far * math.Sqrt(1-sin*sin)
	m := squareToQuad([4][2]float64{{0, 0}, {width, (1 - far) / 2}, {width, (1 + far) / 2}, {0, 1}})
	inv := invert3(m)
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			px, py := (float64(x)+0.5)/w, (float64(y)+0.5)/h
			z := inv[6]*px + inv[7]*py + inv[8]
			u, v := (inv[0]*px+inv[1]*py+inv[2])/z, (inv[3]*px+inv[4]*py+inv[5])/z
			if u < 0 || u >= 1 || v < 0 || v >= 1 {
				continue
			}
			out.Set(x, y, bilinear(doc, b.Min.X+int(u*w), b.Min.Y+int(v*h), u*w-math.Floor(u*w), v*h-math.Floor(v*h)))
		}
	}
	return out
}

// squareToQuad is the homography (row-major 3x3) taking the unit
// square's corners (0,0), (1,0), (1,1), (0,1) to q's (Heckbert, 1989).
func squareToQuad(q [4][2]float64) [9]float64 {
	dx1, dx2, dx3 := q[1][0]-q[2][0], q[3][0]-q[2][0], q[0][0]-q[1][0]+q[2][0]-q[3][0]
	dy1, dy2, dy3 := q[1][1]-q[2][1], q[3][1]-q[2][1], q[0][1]-q[1][1]+q[2][1]-q[3][1]
	den := dx1*dy2 - dx2*dy1
	g := (dx3*dy2 - dx2*dy3) / den
	hh := (dx1*dy3 - dx3*dy1) / den
	return [9]float64{
		q[1][0] - q[0][0] + g*q[1][0], q[3][0] - q[0][0] + hh*q[3][0], q[0][0],
		q[1][1] - q[0][1] + g*q[1][1], q[3][1] - q[0][1] + hh*q[3][1], q[0][1],
		g, hh, 1,
	}
}

// invert3 inverts a row-major 3x3 matrix up to scale (its adjugate),
// which is all a homography needs.
func invert3(m [9]float64) [9]float64 {
	return [9]float64{
		m[4]*m[8] - m[5]*m[7], m[2]*m[7] - m[1]*m[8], m[1]*m[5] - m[2]*m[4],
		m[5]*m[6] - m[3]*m[8], m[0]*m[8] - m[2]*m[6], m[2]*m[3] - m[0]*m[5],
		m[3]*m[7] - m[4]*m[6], m[1]*m[6] - m[0]*m[7], m[0]*m[4] - m[1]*m[3],
	}
}

// bilinear samples img between (x, y) and (x+1, y+1), fx and fy along.
func bilinear(img image.Image, x, y int, fx, fy float64) color.RGBA {
	b := img.Bounds()
	at := func(x, y int) [4]float64 {
		x, y = min(max(x, b.Min.X), b.Max.X-1), min(max(y, b.Min.Y), b.Max.Y-1)
		r, g, bl, a := img.At(x, y).RGBA()
		return [4]float64{float64(r >> 8), float64(g >> 8), float64(bl >> 8), float64(a >> 8)}
	}
	p00, p10, p01, p11 := at(x, y), at(x+1, y), at(x, y+1), at(x+1, y+1)
	var c [4]uint8
	for i := range c {
		top := p00[i]*(1-fx) + p10[i]*fx
		bottom := p01[i]*(1-fx) + p11[i]*fx
		c[i] = uint8(top*(1-fy) + bottom*fy + 0.5)
	}
	return color.RGBA{c[0], c[1], c[2], c[3]}
}
