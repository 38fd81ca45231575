package scan

import (
	"image"
	"math"
)

// analysis is what the checks measure on a page, computed once.
type analysis struct {
	doc   Document
	ink   float64 // share of the page's thumbnail with an edge on it
	blank bool

	// On the document, at no more than workDPI:
	hist  [256]int // luminance histogram inside the document
	n     int      // pixels in hist
	blur  float64  // 0 sharp .. 1 flat (Crété-Roffet blur effect) at ~150 dpi, worst direction
	glare float64  // area of blown-out hot spots on the document, mm²
}

// workDPI is the resolution sharpness is measured at, so that the same
// blur in millimetres gives the same value whatever the scanner's setting.
const workDPI = 300

func analyse(p Page) analysis {
	t := newThumb(p.Image, thumbSide)
	a := analysis{ink: inkShare(t), doc: findDocument(p, t)}
	d := a.doc
	a.blank = !d.Found && a.ink < DefaultThresholds.BlankInk
	if a.blank {
		return a
	}
	g, box := docGray(p.Image, d)
	inset := math.Max(2, box.H*0.03)
	rows := box.rows(g.Rect, inset)
	// Tones are measured on the document alone: inside its hull too,
	// which leaves out the table a box drawn around a trapezium holds.
	a.measure(g, withinHull(rows, d.hull, float64(docFactor(d)), inset), workDPIOf(d))
	// Blur is measured at half the working resolution: halving averages
	// sensor noise away, which otherwise passes for fine detail.
	if workDPIOf(d) >= 225 {
		g, box = halve(g), Box{CX: box.CX / 2, CY: box.CY / 2, W: box.W / 2, H: box.H / 2, Angle: box.Angle}
		rows = box.rows(g.Rect, math.Max(1, box.H*0.03))
	}
	a.blur = blurEffect(g, rows)
	return a
}

// inkShare is the share of thumbnail pixels on an edge: nearly none on a
// blank page, plenty on any document, light-coloured cards included.
func inkShare(t *thumb) float64 {
	g := make([]int, t.w*t.h)
	for i := range g {
		g[i] = t.gray(i)
	}
	var n int
	for y := 1; y < t.h; y++ {
		for x := 1; x < t.w; x++ {
			i := y*t.w + x
			dx, dy := g[i]-g[i-1], g[i]-g[i-t.w]
			if max(dx, -dx)+max(dy, -dy) > 24 {
				n++
			}
		}
	}
	return float64(n) / float64(t.w*t.h)
}

// workDPIOf is the resolution docGray brings the document to; 300 when
// the resolution is unknown.
func workDPIOf(d Document) float64 {
	if d.DPI == 0 {
		return workDPI
	}
	if f := docFactor(d); f > 1 {
		return d.DPI / float64(f)
	}
	return d.DPI
}

func docFactor(d Document) int {
	if d.DPI > workDPI*1.4 {
		return int(math.Round(d.DPI / workDPI))
	}
	return 1
}

// docGray is the luminance of the document's bounding rectangle, brought
// down to about workDPI, with the box in its pixels.
func docGray(img image.Image, d Document) (*image.Gray, Box) {
	g := grayOf(img, d.Box.Bounds())
	box := d.Box
	f := docFactor(d)
	if f <= 1 {
		return g, box
	}
	r := g.Rect
	// Only whole blocks inside r: rounding its start down would read
	// before it.
	sr := image.Rectangle{Min: image.Pt((r.Min.X+f-1)/f, (r.Min.Y+f-1)/f), Max: image.Pt(r.Max.X/f, r.Max.Y/f)}
	if sr.Empty() {
		return g, box
	}
	small := image.NewGray(sr)
	for y := sr.Min.Y; y < sr.Max.Y; y++ {
		for x := sr.Min.X; x < sr.Max.X; x++ {
			var s int
			for dy := 0; dy < f; dy++ {
				row := g.Pix[g.PixOffset(x*f, y*f+dy):]
				for dx := 0; dx < f; dx++ {
					s += int(row[dx])
				}
			}
			small.Pix[small.PixOffset(x, y)] = uint8(s / (f * f))
		}
	}
	k := float64(f)
	return small, Box{CX: box.CX / k, CY: box.CY / k, W: box.W / k, H: box.H / k, Angle: box.Angle}
}

// halve averages 2x2 blocks.
func halve(g *image.Gray) *image.Gray {
	r := g.Rect
	h := image.NewGray(image.Rect(r.Min.X/2, r.Min.Y/2, r.Max.X/2, r.Max.Y/2))
	hr := h.Rect
	for y := hr.Min.Y; y < hr.Max.Y; y++ {
		if 2*y+1 >= r.Max.Y || 2*y < r.Min.Y {
			continue
		}
		a := g.Pix[g.PixOffset(r.Min.X, 2*y):]
		b := g.Pix[g.PixOffset(r.Min.X, 2*y+1):]
		dst := h.Pix[h.PixOffset(hr.Min.X, y):]
		for x := hr.Min.X; x < hr.Max.X; x++ {
			i := 2*x - r.Min.X
			if i < 0 || i+1 >= r.Dx() {
				continue
			}
			dst[x-hr.Min.X] = uint8((int(a[i]) + int(a[i+1]) + int(b[i]) + int(b[i+1]) + 2) / 4)
		}
	}
	return h
}

// rowSpan is the run of pixels [x0, x1) of one row inside the document.
type rowSpan struct{ y, x0, x1 int }

// rows lists, for each row of r, the pixels inside the box shrunk by
// inset: the document without its edges and the background around it.
func (b Box) rows(r image.Rectangle, inset float64) []rowSpan {
	s, c := math.Sincos(b.Angle * math.Pi / 180)
	hu, hv := b.W/2-inset, b.H/2-inset
	if hu <= 0 || hv <= 0 {
		return nil
	}
	var out []rowSpan
	for y := r.Min.Y; y < r.Max.Y; y++ {
		dy := float64(y) + 0.5 - b.CY
		lo, hi := math.Inf(-1), math.Inf(1)
		// |dx*c + dy*s| <= hu and |-dx*s + dy*c| <= hv, each an interval of dx.
		for _, k := range [2][3]float64{{c, dy * s, hu}, {-s, dy * c, hv}} {
			if math.Abs(k[0]) < 1e-9 {
				if math.Abs(k[1]) > k[2] {
					lo, hi = 1, 0
				}
				continue
			}
			a1, a2 := (-k[2]-k[1])/k[0], (k[2]-k[1])/k[0]
			lo, hi = math.Max(lo, math.Min(a1, a2)), math.Min(hi, math.Max(a1, a2))
		}
		x0 := max(r.Min.X, int(math.Ceil(b.CX+lo-0.5)))
		x1 := min(r.Max.X, int(math.Floor(b.CX+hi-0.5))+1)
		if x1 > x0 {
			out = append(out, rowSpan{y, x0, x1})
		}
	}
	return out
}

// measure fills the histogram and the glare share. Glare is a hot spot:
// a cell of the document almost entirely blown out (255) on a document
// that is not itself white.
func (a *analysis) measure(g *image.Gray, rows []rowSpan, dpi float64) {
	const cell = 16
	r := g.Rect
	cw := (r.Dx() + cell - 1) / cell
	n := make([]int32, cw*((r.Dy()+cell-1)/cell))
	hot := make([]int32, len(n))
	for _, s := range rows {
		row := g.Pix[g.PixOffset(r.Min.X, s.y):]
		base := (s.y - r.Min.Y) / cell * cw
		for x := s.x0; x < s.x1; x++ {
			v := row[x-r.Min.X]
			a.hist[v]++
			c := base + (x-r.Min.X)/cell
			n[c]++
			if v >= 253 {
				hot[c]++
			}
		}
	}
	for _, h := range a.hist {
		a.n += h
	}
	if a.n == 0 || a.percentile(0.5) >= 245 {
		return
	}
	var cells int
	for i := range n {
		if n[i] >= cell*cell*3/4 && hot[i]*10 >= n[i]*6 {
			cells++
		}
	}
	mm := cell / dpi * 25.4
	a.glare = float64(cells) * mm * mm
}

// percentile is the luminance below which share q of the document lies.
func (a *analysis) percentile(q float64) int {
	target := int(q * float64(a.n))
	var s int
	for v, h := range a.hist {
		s += h
		if s > target {
			return v
		}
	}
	return 255
}

// blurEffect is the no-reference blur measure of Crété-Roffet et al.
// (2007): how much of the image's local variation survives blurring it
// again. A sharp image loses much of it, a blurred one little. It depends
// little on content and contrast, which suits documents of every kind.
//
// Only edges count: where the re-blurred image still changes by minEdge
// levels a pixel. Sensor noise and JPEG grain change the raw image a lot
// and the re-blurred one hardly at all, and would pass for sharpness.
func blurEffect(g *image.Gray, rows []rowSpan) float64 {
	const k, minEdge = 9, 3
	var fh, vh, fv, vv float64
	w := g.Rect.Dx()
	pix := func(x, y int) int { return int(g.Pix[(y-g.Rect.Min.Y)*g.Stride+x-g.Rect.Min.X]) }
	// Horizontal: a running 1x9 mean along each inside span.
	for _, s := range rows {
		if s.x1-s.x0 <= k+1 {
			continue
		}
		var sum int
		for x := s.x0; x < s.x0+k; x++ {
			sum += pix(x, s.y)
		}
		prev := float64(sum) / k
		for x := s.x0 + k; x < s.x1; x++ {
			sum += pix(x, s.y) - pix(x-k, s.y)
			m := float64(sum) / k
			df := math.Abs(float64(pix(x-k/2, s.y) - pix(x-k/2-1, s.y)))
			db := math.Abs(m - prev)
			prev = m
			if db < minEdge {
				continue
			}
			fh += df
			vh += math.Max(0, df-db)
		}
	}
	// Vertical: the same down columns, inside the document on both rows.
	if len(rows) > k+1 {
		first := rows[0].y
		sums := make([]int, w)
		prev := make([]float64, w)
		in := func(i, x int) bool { return i >= 0 && i < len(rows) && x >= rows[i].x0 && x < rows[i].x1 }
		for i, s := range rows {
			y := s.y
			for x := g.Rect.Min.X; x < g.Rect.Max.X; x++ {
				xi := x - g.Rect.Min.X
				sums[xi] += pix(x, y)
				if i >= k {
					sums[xi] -= pix(x, y-k)
				}
				if i < k {
					continue
				}
				m := float64(sums[xi]) / k
				c := i - k/2
				if i > k && in(c, x) && in(c-1, x) && in(i-k, x) && in(i, x) {
					df := math.Abs(float64(pix(x, first+c) - pix(x, first+c-1)))
					if db := math.Abs(m - prev[xi]); db >= minEdge {
						fv += df
						vv += math.Max(0, df-db)
					}
				}
				prev[xi] = m
			}
		}
	}
	bh, bv := 1.0, 1.0
	if fh > 0 {
		bh = (fh - vh) / fh
	}
	if fv > 0 {
		bv = (fv - vv) / fv
	}
	return math.Max(bh, bv)
}
