package scan

import (
	"image"
	"slices"
)

// DocumentArea finds the document on a preview of the whole glass scanned
// at dpi: the bounding box of the rows and columns where enough pixels
// differ from the glass (lid) colour, plus a 2 mm margin, in millimetres
// clipped to glass (when known). ok is false when nothing document-sized
// stands out, and the caller then scans the whole glass.
func DocumentArea(preview image.Image, dpi float64, glass Area) (a Area, ok bool) {
	b := preview.Bounds()
	if dpi <= 0 || b.Dx() < 8 || b.Dy() < 8 {
		return Area{}, false
	}
	lid := lidLevel(preview)
	rows := make([]int, b.Dy())
	cols := make([]int, b.Dx())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if differs(preview, x, y, lid) {
				rows[y-b.Min.Y]++
				cols[x-b.Min.X]++
			}
		}
	}
	// A row or column belongs to the document when 3% of it does: dust and
	// noise do not reach that, a card's pale edge does.
	top, bottom, okY := span(rows, b.Dx()*3/100)
	left, right, okX := span(cols, b.Dy()*3/100)
	if !okX || !okY {
		return Area{}, false
	}
	mm := func(px int) float64 { return float64(px) * 25.4 / dpi }
	const margin = 2.0
	a = Area{X: mm(left) - margin, Y: mm(top) - margin}
	a.Width = mm(right+1) + margin - a.X
	a.Height = mm(bottom+1) + margin - a.Y
	a.X, a.Y = max(a.X, 0), max(a.Y, 0)
	if glass.Width > 0 {
		a.Width = min(a.Width, glass.Width-a.X)
		a.Height = min(a.Height, glass.Height-a.Y)
	}
	// Smaller than a quarter of an ID-1 card is no document.
	if a.Width < 20 || a.Height < 13 {
		return Area{}, false
	}
	return a, true
}

// lidLevel is the median grey of the preview's border, where the lid shows.
func lidLevel(img image.Image) uint8 {
	b := img.Bounds()
	var v []uint8
	for x := b.Min.X; x < b.Max.X; x++ {
		v = append(v, grey(img, x, b.Min.Y), grey(img, x, b.Max.Y-1))
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		v = append(v, grey(img, b.Min.X, y), grey(img, b.Max.X-1, y))
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func differs(img image.Image, x, y int, lid uint8) bool {
	g := int(grey(img, x, y))
	return g < int(lid)-12 || g > int(lid)+12
}

func grey(img image.Image, x, y int) uint8 {
	r, g, b, _ := img.At(x, y).RGBA()
	return uint8((299*r + 587*g + 114*b) / 1000 >> 8)
}

// span returns the first and last index whose count exceeds least.
func span(counts []int, least int) (first, last int, ok bool) {
	over := func(c int) bool { return c > least }
	first = slices.IndexFunc(counts, over)
	if first < 0 {
		return 0, 0, false
	}
	last = len(counts) - 1
	for !over(counts[last]) {
		last--
	}
	return first, last, true
}
