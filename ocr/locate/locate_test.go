package locate_test

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/idpro/idpro/ocr/locate"
	"github.com/idpro/idpro/ocr/specimen"
)

// fillerPattern reads a binarised line image as the recognizer would get
// it: one blob per character column, '<' where the blob has the filler's
// shape (a point on the left, two arms on the right, so a '>' does not
// count), 'X' elsewhere.
func fillerPattern(img *image.Gray) string {
	b := img.Bounds()
	ink := func(x int) (top, bottom int) {
		top, bottom = b.Max.Y, -1
		for y := b.Min.Y; y < b.Max.Y; y++ {
			if img.GrayAt(x, y).Y < 128 {
				top, bottom = min(top, y), max(bottom, y)
			}
		}
		return top, bottom
	}
	var out []byte
	for x := b.Min.X; x < b.Max.X; {
		if _, bottom := ink(x); bottom < 0 {
			x++
			continue
		}
		x0 := x
		for x < b.Max.X {
			if _, bottom := ink(x); bottom < 0 {
				break
			}
			x++
		}
		span := func(from, to int) (top, bottom int) {
			top, bottom = b.Max.Y, -1
			for c := from; c < to; c++ {
				t, bt := ink(c)
				top, bottom = min(top, t), max(bottom, bt)
			}
			return top, bottom
		}
		w := x - x0
		top, bottom := span(x0, x)
		lt, lb := span(x0, x0+max(1, w/5))
		rt, rb := span(x-max(1, w/5), x)
		whole, mid := bottom-top, (top+bottom)/2
		pointed := (lb-lt)*2 < whole && lt > top+whole/4 && lb < bottom-whole/4 && abs((lt+lb)/2-mid)*5 < whole
		if pointed && (rb-rt)*10 > whole*7 {
			out = append(out, '<')
		} else {
			out = append(out, 'X')
		}
	}
	return string(out)
}

func wantPattern(line string) string {
	out := []byte(line)
	for i, c := range out {
		if c != '<' {
			out[i] = 'X'
		}
	}
	return string(out)
}

// The MRZ must be found in every orientation and skew, on cropped cards and
// on A4 flatbed pages, and each line handed over upright, whole and in
// order: the pattern of short filler blobs along each line image must be
// the pattern of '<' in the document's MRZ.
func TestLocateFindsUprightLines(t *testing.T) {
	seed := uint64(0)
	for _, k := range specimen.Kinds {
		for _, page := range []specimen.Page{specimen.Card, specimen.A4Flatbed} {
			for _, rot := range []int{0, 90, 180, 270} {
				seed++
				dpi := []float64{150, 300}[seed%2]
				if page == specimen.A4Flatbed {
					dpi = 150 // the hardest, and the cheapest to render
				}
				skew := float64(seed%21) - 10
				name := fmt.Sprintf("%v/%v/%d+%.0f/%v", k, page, rot, skew, dpi)
				d := specimen.Random(seed, k)
				img, err := specimen.Render(d, specimen.RenderOptions{DPI: dpi, Page: page, Rotate: rot, Skew: skew,
					Noise: 3, JPEGQuality: 90, Seed: seed})
				if err != nil {
					t.Fatal(err)
				}
				lines := locate.LocatedLines(img)
				want := d.MRZ()
				if len(lines) != len(want) {
					t.Errorf("%s: %d lines, want %d", name, len(lines), len(want))
					continue
				}
				for i, l := range lines {
					if got := fillerPattern(l); got != wantPattern(want[i]) {
						t.Errorf("%s line %d:\n got %s\nwant %s (%s)", name, i, got, wantPattern(want[i]), want[i])
					}
				}
			}
		}
	}
}

func TestLocateFindsNothingWithoutMRZ(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 1240, 1754))
	draw.Draw(blank, blank.Bounds(), image.NewUniform(color.Gray{Y: 240}), image.Point{}, draw.Src)
	if lines := locate.LocatedLines(blank); lines != nil {
		t.Errorf("blank page: %d MRZ lines", len(lines))
	}
	// A photo of a desk with a few dark squares: blobs, but no text line.
	for i := 0; i < 40; i++ {
		x, y := 50+i*27%1100, 80+i*131%1600
		draw.Draw(blank, image.Rect(x, y, x+12, y+15), image.NewUniform(color.Gray{}), image.Point{}, draw.Src)
	}
	if lines := locate.LocatedLines(blank); lines != nil {
		t.Errorf("scattered squares: %d MRZ lines", len(lines))
	}
}

func abs(x int) int { return max(x, -x) }
