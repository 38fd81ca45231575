package main

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
)

// degradation is how one training line is spoilt on its way from the font
// to a crop like the corpus's. The zero value draws a clean line.
type degradation struct {
	// sourceCap is the capital height the line is drawn at before it is
	// scaled to the crop's: small values stand for low-resolution photos,
	// whose glyphs come out blotted once enlarged and binarised.
	sourceCap   float64
	pitchRatio  float64 // character pitch over capital height
	width       float64 // glyph width over the font's: MRZ fonts run from condensed to wide
	jitter      float64 // per-character shift, a fraction of the capital height
	blur        float64 // Gaussian sigma, a fraction of sourceCap: defocus, ink spread
	noise       float64 // per-pixel noise in ink coverage: sensor noise, paper texture
	jpegQuality int     // 0: none
	angle       float64 // rotation in radians
	shear       float64 // horizontal shift per pixel of height: a slanted camera
	level       float64 // ink coverage that binarises as ink: low is bold, high is thin
	light       float64 // how much level drifts along the line: uneven light
	cap         float64 // capital height of the crop
	specks      int     // dots of dirt
}

func randomDegradation(r *rand.Rand) degradation {
	u := func(a, b float64) float64 { return a + (b-a)*r.Float64() }
	p := degradation{
		sourceCap:  math.Exp(u(math.Log(14), math.Log(60))),
		pitchRatio: u(0.68, 1.05),
		width:      u(0.85, 1.25),
		jitter:     u(0, 0.04),
		blur:       u(0, 0.07),
		angle:      math.Max(-0.6, math.Min(0.6, r.NormFloat64()*0.3)) * math.Pi / 180, // crops are deskewed
		shear:      u(-0.05, 0.05),
		level:      u(0.25, 0.7),
		cap:        u(36, 42),
	}
	if r.IntN(2) == 0 {
		p.noise = u(0, 0.3)
	}
	if r.IntN(10) < 3 {
		p.jpegQuality = 10 + r.IntN(41)
	}
	if r.IntN(10) < 4 {
		p.light = u(0, 0.15)
	}
	if r.IntN(5) == 0 {
		p.specks = 1 + r.IntN(6)
	}
	return p
}

func (p degradation) pitch() float64 {
	if p.pitchRatio == 0 {
		return 0.75
	}
	return p.pitchRatio
}

func (p degradation) widthScale() float64 {
	if p.width == 0 {
		return 1
	}
	return p.width
}

func (p degradation) targetCap() float64 {
	if p.cap == 0 {
		return finalCap
	}
	return p.cap
}

// degradeSource blurs m, adds noise and passes it through JPEG, at the
// resolution it was drawn at.
func (p degradation) degradeSource(m ink, capPx float64, r *rand.Rand) ink {
	if p.blur > 0 {
		m = gaussian(m, p.blur*capPx)
	}
	if p.noise > 0 {
		for i := range m.v {
			m.v[i] += float32(r.NormFloat64() * p.noise)
		}
	}
	if p.jpegQuality > 0 {
		m = throughJPEG(m, p.jpegQuality)
	}
	return m
}

// resample scales m by scale, turned by p.angle and slanted by p.shear
// about its centre, sampling bilinearly.
func (p degradation) resample(m ink, scale float64) ink {
	out := ink{w: int(float64(m.w) * scale), h: int(float64(m.h) * scale)}
	out.v = make([]float32, out.w*out.h)
	sin, cos := math.Sincos(-p.angle)
	cx, cy := float64(out.w)/2, float64(out.h)/2
	for y := 0; y < out.h; y++ {
		for x := 0; x < out.w; x++ {
			u, v := float64(x)-cx, float64(y)-cy
			u, v = u*cos-v*sin, u*sin+v*cos
			u -= p.shear * v
			out.v[y*out.w+x] = m.bilinear(u/scale+float64(m.w)/2, v/scale+float64(m.h)/2)
		}
	}
	return out
}

// mapBox returns where resample puts box of src (in its output out).
func (p degradation) mapBox(box image.Rectangle, src, out ink, scale float64) image.Rectangle {
	sin, cos := math.Sincos(p.angle)
	r := image.Rectangle{Min: image.Pt(out.w, out.h)}
	for _, c := range []image.Point{box.Min, {box.Max.X, box.Min.Y}, {box.Min.X, box.Max.Y}, box.Max} {
		u := (float64(c.X) - float64(src.w)/2) * scale
		v := (float64(c.Y) - float64(src.h)/2) * scale
		u += p.shear * v
		u, v = u*cos-v*sin, u*sin+v*cos
		x, y := int(math.Round(u+float64(out.w)/2)), int(math.Round(v+float64(out.h)/2))
		r.Min.X, r.Min.Y = min(r.Min.X, x), min(r.Min.Y, y)
		r.Max.X, r.Max.Y = max(r.Max.X, x), max(r.Max.Y, y)
	}
	return r
}

// threshold binarises m at p's level, drifting along the line, and adds
// specks of dirt.
func (p degradation) threshold(m ink, r *rand.Rand) ink {
	level := p.level
	if level == 0 {
		level = 0.5
	}
	phase, waves := r.Float64()*2*math.Pi, 0.5+r.Float64()*1.5
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			t := level + p.light*math.Sin(phase+2*math.Pi*waves*float64(x)/float64(m.w))
			i := y*m.w + x
			if float64(m.v[i]) > t {
				m.v[i] = 1
			} else {
				m.v[i] = 0
			}
		}
	}
	for range p.specks {
		cx, cy, rad := r.IntN(m.w), r.IntN(m.h), 0.5+r.Float64()*1.5
		for y := cy - 2; y <= cy+2; y++ {
			for x := cx - 2; x <= cx+2; x++ {
				if x >= 0 && y >= 0 && x < m.w && y < m.h && math.Hypot(float64(x-cx), float64(y-cy)) <= rad {
					m.v[y*m.w+x] = 1
				}
			}
		}
	}
	return m
}

// gaussian blurs m with a separable kernel of the given sigma in pixels.
func gaussian(m ink, sigma float64) ink {
	if sigma < 0.3 {
		return m
	}
	rad := int(math.Ceil(3 * sigma))
	k := make([]float32, 2*rad+1)
	var sum float32
	for i := range k {
		d := float64(i - rad)
		k[i] = float32(math.Exp(-d * d / (2 * sigma * sigma)))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	tmp := ink{w: m.w, h: m.h, v: make([]float32, len(m.v))}
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			var s float32
			for i, kv := range k {
				s += kv * m.at(x+i-rad, y)
			}
			tmp.v[y*m.w+x] = s
		}
	}
	out := ink{w: m.w, h: m.h, v: make([]float32, len(m.v))}
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			var s float32
			for i, kv := range k {
				s += kv * tmp.at(x, y+i-rad)
			}
			out.v[y*m.w+x] = s
		}
	}
	return out
}

// throughJPEG returns m as it comes back from a JPEG of the given quality.
func throughJPEG(m ink, quality int) ink {
	g := image.NewGray(image.Rect(0, 0, m.w, m.h))
	for i, v := range m.v {
		g.Pix[i] = uint8(255 - 255*math.Max(0, math.Min(1, float64(v))))
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: quality}); err != nil {
		panic(err)
	}
	img, err := jpeg.Decode(&buf)
	if err != nil {
		panic(err)
	}
	out := ink{w: m.w, h: m.h, v: make([]float32, len(m.v))}
	for y := 0; y < m.h; y++ {
		for x := 0; x < m.w; x++ {
			c, _, _, _ := img.At(x, y).RGBA()
			out.v[y*m.w+x] = 1 - float32(c)/0xffff
		}
	}
	return out
}
