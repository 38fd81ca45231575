package scan

import (
	"math"
	"sort"
)

// Document is where the identity document lies on a page and what it is.
type Document struct {
	Found bool
	Box   Box  // in page pixels; the whole page when not found
	Kind  Kind // KindUnknown when neither size nor shape tells it
	// DPI is the resolution on the document: the file's when the document
	// has a known size at it, else estimated from the document's or the
	// page's known size; 0 when nothing tells it.
	DPI       float64
	DPISource DPISource
	// Touches is set when the document reaches the edge of the page and
	// CutOff when, reaching it, it is also smaller than its kind: part of
	// it was not scanned.
	Touches, CutOff bool
	// hull is the convex hull of the document's region, in page pixels:
	// a photographed document seen at an angle is a trapezium, and its
	// box holds wedges of the table around it.
	hull [][2]float64
}

// DPISource says where Document.DPI comes from.
type DPISource string

const (
	DPINone     DPISource = ""
	DPIFile     DPISource = "file"
	DPIDocument DPISource = "document" // the file said nothing, or something wrong
	DPIPage     DPISource = "page"     // an A4 or Letter page of unknown resolution
)

// thumbSide is the long side of the copy the document is looked for in:
// enough to place a card's edges within half a millimetre on A4.
const thumbSide = 600

// FindDocument finds the identity document on a page: the largest region
// that stands out from the background seen along the page's edges.
func FindDocument(p Page) Document {
	if p.Image == nil || p.Image.Bounds().Empty() {
		return Document{}
	}
	return findDocument(p, newThumb(p.Image, thumbSide))
}

func findDocument(p Page, t *thumb) Document {
	d := locate(t)
	b := p.Image.Bounds()
	if d.Found {
		s := t.scale
		d.Box.CX, d.Box.CY = float64(b.Min.X)+d.Box.CX*s, float64(b.Min.Y)+d.Box.CY*s
		d.Box.W, d.Box.H = d.Box.W*s, d.Box.H*s
		for i, p := range d.hull {
			d.hull[i] = [2]float64{float64(b.Min.X) + p[0]*s, float64(b.Min.Y) + p[1]*s}
		}
	} else {
		d.Box = Box{CX: float64(b.Min.X+b.Max.X) / 2, CY: float64(b.Min.Y+b.Max.Y) / 2, W: float64(b.Dx()), H: float64(b.Dy())}.normal()
	}
	d.resolve(p.DPI, float64(b.Dx()), float64(b.Dy()))
	return d
}

// locate finds the document's box in thumb pixels.
func locate(t *thumb) Document {
	n := t.w * t.h
	if t.w < 8 || t.h < 8 {
		return Document{}
	}
	// The background is what the page's edges mostly show.
	var ring []int
	for x := 0; x < t.w; x++ {
		ring = append(ring, x, (t.h-1)*t.w+x)
	}
	for y := 1; y < t.h-1; y++ {
		ring = append(ring, y*t.w, y*t.w+t.w-1)
	}
	var bg [3]uint8
	for c := 0; c < 3; c++ {
		v := make([]int, len(ring))
		for i, p := range ring {
			v[i] = int(t.rgb[3*p+c])
		}
		sort.Ints(v)
		bg[c] = uint8(v[len(v)/2])
	}
	diff := make([]uint8, n)
	for i := range diff {
		var m int
		for c := 0; c < 3; c++ {
			d := int(t.rgb[3*i+c]) - int(bg[c])
			m = max(m, d, -d)
		}
		diff[i] = uint8(m)
	}
	// The threshold sits above the background's own variation (noise,
	// uneven light) along the edges; the second quietest edge is taken
	// because a document running off the page covers one or two.
	sideP90 := func(idx func(k int) int, n int) int {
		v := make([]int, n)
		for k := range v {
			v[k] = int(diff[idx(k)])
		}
		sort.Ints(v)
		return v[n*90/100]
	}
	quiet := []int{
		sideP90(func(k int) int { return k }, t.w),
		sideP90(func(k int) int { return (t.h-1)*t.w + k }, t.w),
		sideP90(func(k int) int { return k * t.w }, t.h),
		sideP90(func(k int) int { return k*t.w + t.w - 1 }, t.h),
	}
	sort.Ints(quiet)
	thr := uint8(min(80, max(8, quiet[1]*3/2+4)))

	mask := make([]bool, n)
	for i, v := range diff {
		mask[i] = v > thr
	}
	// Closing over about 1% of the page joins a light document's thin
	// print (guilloches, text) into one solid region.
	mask = closeMask(mask, t.w, t.h, max(2, max(t.w, t.h)/100))
	comp := largestComponent(mask, t.w, t.h)
	if len(comp) < n/200 {
		return Document{}
	}
	// Hull points: the leftmost and rightmost pixel of each row.
	left := make([]int, t.h)
	right := make([]int, t.h)
	for i := range left {
		left[i], right[i] = t.w, -1
	}
	for _, i := range comp {
		x, y := i%t.w, i/t.w
		left[y], right[y] = min(left[y], x), max(right[y], x)
	}
	var pts [][2]float64
	for y := range left {
		if right[y] >= 0 {
			pts = append(pts, [2]float64{float64(left[y]), float64(y) + 0.5}, [2]float64{float64(right[y]) + 1, float64(y) + 0.5})
		}
	}
	box := minAreaBox(pts)
	d := Document{Found: box.W > 0, Box: box, hull: convexHull(pts)}
	// The box, not the pixels, tells whether the document reaches an
	// edge: a light card's body may not stand out, its print does.
	var sides [4]bool
	for _, c := range box.Corners() {
		sides[0] = sides[0] || c[0] < 1
		sides[1] = sides[1] || c[0] > float64(t.w)-1
		sides[2] = sides[2] || c[1] < 1
		sides[3] = sides[3] || c[1] > float64(t.h)-1
	}
	edges := 0
	for _, s := range sides {
		if s {
			edges++
		}
	}
	// A region reaching three edges or more and filling the page is the
	// page itself (a card cropped without margin), not something lying on
	// it. One clearly smaller is a turned document in a scanner's tight
	// crop, whose corners come within a pixel or two of the edges, unless
	// it lies along an edge: then it runs off the page there.
	if edges >= 3 {
		if box.W*box.H >= 0.97*float64(t.w*t.h) {
			return Document{}
		}
		d.Touches = alongEdge(comp, t.w, t.h)
		return d
	}
	d.Touches = edges > 0
	return d
}

// alongEdge tells whether the region lies along an edge of the page for
// a tenth of its length or more: a corner only touches it.
func alongEdge(comp []int, w, h int) bool {
	var n [4]int
	for _, i := range comp {
		x, y := i%w, i/w
		if x == 0 {
			n[0]++
		}
		if x == w-1 {
			n[1]++
		}
		if y == 0 {
			n[2]++
		}
		if y == h-1 {
			n[3]++
		}
	}
	return n[0] > h/10 || n[1] > h/10 || n[2] > w/10 || n[3] > w/10
}

// closeMask dilates then erodes mask by a square of radius r.
func closeMask(mask []bool, w, h, r int) []bool {
	return boxFilter(boxFilter(mask, w, h, r, false), w, h, r, true)
}

// boxFilter sets each pixel to whether any (erode false) or all (erode
// true) pixels within the square of radius r are set; outside the image
// counts as set for erosion, so that documents at the edge stay whole.
func boxFilter(mask []bool, w, h, r int, erode bool) []bool {
	pass := func(src []bool, n, m int, at func(i, j int) int) []bool {
		dst := make([]bool, len(src))
		sum := make([]int, m+1)
		for i := 0; i < n; i++ {
			for j := 0; j < m; j++ {
				v := 0
				if src[at(i, j)] {
					v = 1
				}
				sum[j+1] = sum[j] + v
			}
			for j := 0; j < m; j++ {
				lo, hi := max(0, j-r), min(m, j+r+1)
				c := sum[hi] - sum[lo]
				if erode {
					dst[at(i, j)] = c+(2*r+1-(hi-lo)) == 2*r+1
				} else {
					dst[at(i, j)] = c > 0
				}
			}
		}
		return dst
	}
	rowsDone := pass(mask, h, w, func(i, j int) int { return i*w + j })
	return pass(rowsDone, w, h, func(i, j int) int { return j*w + i })
}

// largestComponent returns the indexes of the largest 8-connected region
// of mask.
func largestComponent(mask []bool, w, h int) []int {
	seen := make([]bool, len(mask))
	var best, cur, stack []int
	for start := range mask {
		if !mask[start] || seen[start] {
			continue
		}
		cur = cur[:0]
		stack = append(stack[:0], start)
		seen[start] = true
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			cur = append(cur, i)
			x, y := i%w, i/w
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					nx, ny := x+dx, y+dy
					if nx < 0 || ny < 0 || nx >= w || ny >= h {
						continue
					}
					if j := ny*w + nx; mask[j] && !seen[j] {
						seen[j] = true
						stack = append(stack, j)
					}
				}
			}
		}
		if len(cur) > len(best) {
			best = append(best[:0], cur...)
		}
	}
	return best
}

// resolve settles the kind and the resolution from what the file says and
// what the document measures.
func (d *Document) resolve(fileDPI, pageW, pageH float64) {
	if fileDPI > 0 {
		wmm, hmm := d.Box.W/fileDPI*25.4, d.Box.H/fileDPI*25.4
		// At the edge, a document larger than the kind its size is
		// nearest is a larger kind cut short (a visa's 120 mm cut to a
		// TD2's 105).
		if k := kindBySize(wmm, hmm); k != KindUnknown && !(d.Touches && k.exceeded(wmm, hmm)) {
			d.Kind, d.DPI, d.DPISource = k, fileDPI, DPIFile
			d.cutOff()
			return
		}
		// A page that is all document (nothing found on it) and a whole
		// document's size with a scanner's margin: a tight crop.
		if k := heldKind(wmm, hmm); k != KindUnknown && !d.Found {
			d.Kind, d.DPI, d.DPISource = k, fileDPI, DPIFile
			return
		}
		// Smaller than a kind at the file's resolution and reaching the
		// edge of the page, or filling the page: the rest lies beyond the
		// edge.
		if k := kindWithin(wmm, hmm); k != KindUnknown && (d.Touches || !d.Found) {
			d.Kind, d.DPI, d.DPISource, d.Touches, d.CutOff = k, fileDPI, DPIFile, true, true
			return
		}
	}
	if d.Found && fileDPI == 0 {
		// A document lying on an A4 or Letter scan: the page tells the
		// resolution, and the resolution the kind.
		long, short := math.Max(pageW, pageH), math.Min(pageW, pageH)
		for _, paper := range [][2]float64{{297, 210}, {279.4, 215.9}} {
			if math.Abs(long/short-paper[0]/paper[1]) < 0.015 {
				// A photo may have A4's proportions too: the page only
				// tells the resolution if the document then has its size.
				dpi := long / paper[0] * 25.4
				if k := kindBySize(d.Box.W/dpi*25.4, d.Box.H/dpi*25.4); k != KindUnknown {
					d.Kind, d.DPI, d.DPISource = k, dpi, DPIPage
					d.cutOff()
					return
				}
			}
		}
	}
	// The file's resolution gave the document no kind's size, whole or
	// cut: it is wrong (phones and editors write 72 or 96 dpi whatever
	// the scan), and the document's shape tells the kind and its size the
	// resolution. Only when the region fills much of the page: a region
	// found by mistake (a photo, a dim card's printed part) must not pass
	// for the document.
	big := d.Box.W*d.Box.H > 0.3*pageW*pageH
	if k := kindByShape(d.Box.W, d.Box.H); k != KindUnknown && (fileDPI == 0 || big) {
		// A TD2 card has a passport page's proportions. The file came
		// from a scanner if it states a resolution, even a wrong one, and
		// scanners scan at a few resolutions: the kind whose size gives
		// one of them is the one scanned.
		if k == KindPassport && fileDPI > 0 && scannerDPI(d.Box.W/105*25.4) && !scannerDPI(d.Box.W/125*25.4) {
			k = KindTD2
		}
		w, _ := k.SizeMM()
		d.Kind, d.DPI, d.DPISource = k, d.Box.W/w*25.4, DPIDocument
		// Its size is its kind's by construction, and its shape is: no
		// measure says it lost a part. At the edge, that is a warning.
		return
	}
	// Neither size nor shape is a document's: keep what the file says.
	// Touching the edge is then a warning: in a photo, uneven light
	// changes the shape found as much as a cut does, and a region larger
	// than any document at the file's resolution was not cut.
	if fileDPI > 0 {
		d.DPI, d.DPISource = fileDPI, DPIFile
	}
}

// scannerDPI tells whether dpi is, within what finding the document's
// edges changes, a resolution scanners offer.
func scannerDPI(dpi float64) bool {
	for _, r := range []float64{150, 200, 300, 400, 600} {
		if math.Abs(dpi/r-1) < 0.045 {
			return true
		}
	}
	return false
}

// cutOff decides whether a document touching the edge lost part of itself:
// one pushed into the corner of the glass is whole, and still its size.
func (d *Document) cutOff() {
	if !d.Touches || d.Kind == KindUnknown || d.DPI == 0 {
		d.CutOff = d.Touches
		return
	}
	w, h := d.Kind.SizeMM()
	d.CutOff = d.Box.W/d.DPI*25.4 < 0.98*w || d.Box.H/d.DPI*25.4 < 0.98*h
}
