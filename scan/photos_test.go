package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"

	"github.com/idpro/idpro/ocr/specimen"
)

// Phone photos as users take them: the document on a table, seen at a
// slight angle (perspective), darker towards the corners (vignette),
// sometimes in a dim room, under the shadow of the hand holding the
// phone, moved while the shutter was open (motion blur along one axis),
// and saved as a phone's JPEG. specimen's own photo is a flat document on
// a plain desk; these are made here from its clean card render.

// phoneShot says how one photo is taken.
type phoneShot struct {
	tilt     float64 // perspective: how much the far edge shrinks, share of the width
	turn     float64 // degrees
	fill     float64 // the document's width, share of the frame's
	table    int     // tables[table]
	vignette float64 // darkening in the corners of the frame, 0..1
	light    float64 // exposure factor, 1 normal
	shadow   float64 // depth of the hand's shadow, 0..1
	motion   float64 // length of the motion blur, pixels
	angle    float64 // its direction, degrees
	quality  int     // JPEG quality
}

// tables are the surfaces a document is photographed on.
var tables = []func(x, y int, r *rand.Rand) [3]float64{
	func(x, y int, r *rand.Rand) [3]float64 { // wood
		g := 0.5 + 0.5*math.Sin(float64(y)*0.05+3*math.Sin(float64(x)*0.004))
		return [3]float64{120 + 40*g, 80 + 25*g, 45 + 15*g}
	},
	func(x, y int, r *rand.Rand) [3]float64 { return [3]float64{55, 58, 62} }, // dark desk
	func(x, y int, r *rand.Rand) [3]float64 { // light desk, close to the paper
		return [3]float64{205, 203, 198}
	},
	func(x, y int, r *rand.Rand) [3]float64 { // checked tablecloth
		if (x/40+y/40)%2 == 0 {
			return [3]float64{170, 40, 40}
		}
		return [3]float64{225, 220, 215}
	},
}

// randomShot is an ordinary phone photo: a little perspective and turn,
// some vignette, any table, a phone's JPEG.
func randomShot(seed uint64) phoneShot {
	r := rand.New(rand.NewPCG(seed, 0x9407))
	return phoneShot{
		tilt:     0.02 + 0.06*r.Float64(),
		turn:     r.Float64()*10 - 5,
		fill:     0.6 + 0.2*r.Float64(),
		table:    r.IntN(len(tables)),
		vignette: 0.1 + 0.25*r.Float64(),
		light:    0.85 + 0.15*r.Float64(),
		angle:    r.Float64() * 180,
		quality:  75 + r.IntN(16),
	}
}

// phonePhoto takes the photo of a document of kind k.
func phonePhoto(k specimen.Kind, seed uint64, s phoneShot) *image.NRGBA {
	const dpi = 300
	card := render(k, seed, specimen.RenderOptions{DPI: dpi, Page: specimen.Card, Seed: seed})
	m := int(math.Round(2.0 / 25.4 * dpi))
	doc := card.SubImage(image.Rect(m, m, card.Rect.Dx()-m, card.Rect.Dy()-m)).(*image.NRGBA)
	dw, dh := float64(doc.Rect.Dx()), float64(doc.Rect.Dy())
	fw := int(dw / s.fill)
	fh := fw * 3 / 4
	r := rand.New(rand.NewPCG(seed, 0x7ab1e))

	// The document's corners in the frame: centred with some play, the
	// far (top) edge shorter, turned by turn.
	cx := float64(fw)/2 + (r.Float64()-0.5)*0.1*float64(fw)
	cy := float64(fh)/2 + (r.Float64()-0.5)*0.1*float64(fh)
	top := dw * (1 - s.tilt) / 2
	quad := [4][2]float64{{-top, -dh / 2}, {top, -dh / 2}, {dw / 2, dh / 2}, {-dw / 2, dh / 2}}
	sin, cos := math.Sincos(s.turn * math.Pi / 180)
	for i, p := range quad {
		quad[i] = [2]float64{cx + p[0]*cos - p[1]*sin, cy + p[0]*sin + p[1]*cos}
	}
	toDoc := squareToQuad(quad).inverse()

	img := image.NewNRGBA(image.Rect(0, 0, fw, fh))
	table := tables[s.table]
	// The hand's shadow: a soft disc entering from one side of the frame.
	side := r.IntN(4)
	hx, hy := []float64{0, 1, 0.5, 0.5}[side]*float64(fw), []float64{0.5, 0.5, 0, 1}[side]*float64(fh)
	hr := 0.45 * float64(fh)
	rmax := math.Hypot(float64(fw)/2, float64(fh)/2)
	for y := 0; y < fh; y++ {
		for x := 0; x < fw; x++ {
			u, v := toDoc.apply(float64(x)+0.5, float64(y)+0.5)
			var c [3]float64
			if u >= 0 && u < 1 && v >= 0 && v < 1 {
				c = bilinear(doc, u*dw, v*dh)
			} else {
				c = table(x, y, r)
			}
			d := math.Hypot(float64(x)-float64(fw)/2, float64(y)-float64(fh)/2) / rmax
			k := s.light * (1 - s.vignette*d*d)
			if s.shadow > 0 {
				e := math.Hypot(float64(x)-hx, float64(y)-hy) / hr
				k *= 1 - s.shadow*smoothstep(1.2, 0.8, e)
			}
			i := img.PixOffset(x, y)
			for ch := 0; ch < 3; ch++ {
				img.Pix[i+ch] = clamp8(c[ch]*k + r.NormFloat64()*2)
			}
			img.Pix[i+3] = 255
		}
	}
	if s.motion > 0 {
		img = motionAlong(img, s.motion, s.angle)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: s.quality}); err != nil {
		panic(err)
	}
	out, err := jpeg.Decode(&buf)
	if err != nil {
		panic(err)
	}
	return nrgba(out)
}

func smoothstep(e0, e1, x float64) float64 {
	t := math.Max(0, math.Min(1, (x-e0)/(e1-e0)))
	return t * t * (3 - 2*t)
}

func clamp8(v float64) uint8 { return uint8(math.Max(0, math.Min(255, math.Round(v)))) }

func bilinear(img *image.NRGBA, x, y float64) [3]float64 {
	b := img.Rect
	x, y = x-0.5, y-0.5
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := x-float64(x0), y-float64(y0)
	at := func(x, y int) []uint8 {
		x = min(max(x, 0), b.Dx()-1)
		y = min(max(y, 0), b.Dy()-1)
		return img.Pix[img.PixOffset(b.Min.X+x, b.Min.Y+y):]
	}
	p00, p10, p01, p11 := at(x0, y0), at(x0+1, y0), at(x0, y0+1), at(x0+1, y0+1)
	var c [3]float64
	for ch := range c {
		c[ch] = (float64(p00[ch])*(1-fx)+float64(p10[ch])*fx)*(1-fy) + (float64(p01[ch])*(1-fx)+float64(p11[ch])*fx)*fy
	}
	return c
}

// motionAlong smears img over length pixels in the direction angle.
func motionAlong(img *image.NRGBA, length, angle float64) *image.NRGBA {
	out := image.NewNRGBA(img.Rect)
	b := img.Rect
	sin, cos := math.Sincos(angle * math.Pi / 180)
	n := max(2, int(length))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			var s [3]int
			for k := 0; k < n; k++ {
				t := (float64(k)/float64(n-1) - 0.5) * length
				sx := min(max(x+int(math.Round(t*cos)), b.Min.X), b.Max.X-1)
				sy := min(max(y+int(math.Round(t*sin)), b.Min.Y), b.Max.Y-1)
				p := img.Pix[img.PixOffset(sx, sy):]
				s[0], s[1], s[2] = s[0]+int(p[0]), s[1]+int(p[1]), s[2]+int(p[2])
			}
			i := out.PixOffset(x, y)
			out.Pix[i], out.Pix[i+1], out.Pix[i+2], out.Pix[i+3] = uint8(s[0]/n), uint8(s[1]/n), uint8(s[2]/n), 255
		}
	}
	return out
}

// homography is a 3x3 projective map, row-major.
type homography [9]float64

func (h homography) apply(x, y float64) (float64, float64) {
	w := h[6]*x + h[7]*y + h[8]
	return (h[0]*x + h[1]*y + h[2]) / w, (h[3]*x + h[4]*y + h[5]) / w
}

// squareToQuad maps the unit square's corners (0,0) (1,0) (1,1) (0,1) to
// q (Heckbert, "Fundamentals of Texture Mapping", 1989).
func squareToQuad(q [4][2]float64) homography {
	x0, y0, x1, y1, x2, y2, x3, y3 := q[0][0], q[0][1], q[1][0], q[1][1], q[2][0], q[2][1], q[3][0], q[3][1]
	sx, sy := x0-x1+x2-x3, y0-y1+y2-y3
	dx1, dx2, dy1, dy2 := x1-x2, x3-x2, y1-y2, y3-y2
	den := dx1*dy2 - dx2*dy1
	g := (sx*dy2 - dx2*sy) / den
	h := (dx1*sy - sx*dy1) / den
	return homography{x1 - x0 + g*x1, x3 - x0 + h*x3, x0, y1 - y0 + g*y1, y3 - y0 + h*y3, y0, g, h, 1}
}

func (m homography) inverse() homography {
	a, b, c, d, e, f, g, h, i := m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]
	return homography{e*i - f*h, c*h - b*i, b*f - c*e, f*g - d*i, a*i - c*g, c*d - a*f, d*h - e*g, b*g - a*h, a*e - b*d}
}

// photoSet is the phone photos of seed's kind: an ordinary one and each
// defect at two or three strengths. strong: the photo cannot be used and
// must be blocked; mild: it must not be.
func photoSet(s int, seed uint64) []sample {
	k := kindOf(s)
	id := fmt.Sprintf("%s-%d", k, seed)
	var out []sample
	add := func(name, defect string, strong, mild bool, shot phoneShot) {
		out = append(out, sample{name: name + " " + id, defect: defect, strong: strong, mild: mild,
			page: Page{Image: phonePhoto(k, seed, shot)}})
	}
	base := randomShot(seed)
	add("phone photo", "clean, phone photo", false, false, base)
	for _, t := range []float64{0.12, 0.2} {
		shot := base
		shot.tilt = t
		add(fmt.Sprintf("photo perspective %v", t), "photo perspective", false, t <= 0.12, shot)
	}
	for _, v := range []float64{0.5, 0.8} {
		shot := base
		shot.vignette = v
		add(fmt.Sprintf("photo vignette %v", v), "photo vignette", false, v <= 0.5, shot)
	}
	for _, l := range []float64{0.55, 0.35} {
		shot := base
		shot.light = l
		add(fmt.Sprintf("photo dim %v", l), "photo dim", false, false, shot)
	}
	for _, d := range []float64{0.4, 0.7} {
		shot := base
		shot.shadow = d
		add(fmt.Sprintf("photo shadow %v", d), "photo shadow", false, d <= 0.4, shot)
	}
	for _, l := range []float64{5, 14, 28} {
		shot := base
		shot.motion = l
		add(fmt.Sprintf("photo motion %v", l), "photo motion", l >= 28, l <= 5, shot)
	}
	return out
}
