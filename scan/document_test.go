package scan

import (
	"context"
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"
)

// resolved is a document found with box w x h (page pixels) on a page of
// pw x ph, resolved against the file's resolution.
func resolved(w, h float64, touches bool, pw, ph, fileDPI float64) Document {
	d := Document{Found: true, Touches: touches, Box: Box{CX: pw / 2, CY: ph / 2, W: w, H: h}}
	d.resolve(fileDPI, pw, ph)
	return d
}

func TestResolve(t *testing.T) {
	mm := func(v float64) float64 { return v / 25.4 * 300 } // pixels at 300 dpi
	cases := []struct {
		name         string
		d            Document
		kind         Kind
		dpi          float64
		source       DPISource
		touches, cut bool
	}{
		{"card, file right", resolved(mm(85.6), mm(54), false, mm(90), mm(58), 300), KindCard, 300, DPIFile, false, false},
		// Phones and editors write 72 or 96 dpi whatever the scan: the
		// document is then larger than any kind, and its size tells.
		{"card, file says 96", resolved(mm(85.6), mm(54), false, mm(90), mm(58), 96), KindCard, 300, DPIDocument, false, false},
		{"card at the edge, file says 72", resolved(mm(85.6), mm(54), true, mm(87), mm(56), 72), KindCard, 300, DPIDocument, true, false},
		// A TD2 card and a passport page share their proportions; a file
		// stating a resolution comes from a scanner, which scans at 300
		// dpi, not at the 252 a passport page of that size would need.
		{"TD2 card, file says 96", resolved(mm(105), mm(74), false, mm(109), mm(78), 96), KindTD2, 300, DPIDocument, false, false},
		{"passport, file says 96", resolved(mm(125), mm(88), false, mm(129), mm(92), 96), KindPassport, 300, DPIDocument, false, false},
		{"visa, file says 96", resolved(mm(120), mm(80), false, mm(124), mm(84), 96), KindVisa, 300, DPIDocument, false, false},
		// A visa is not a passport page short of 5 and 8 mm.
		{"visa at the edge", resolved(mm(120), mm(82), true, mm(122), mm(84), 300), KindVisa, 300, DPIFile, true, false},
		{"card cut at the edge", resolved(mm(70), mm(54), true, mm(72), mm(58), 300), KindCard, 300, DPIFile, true, true},
		{"visa cut to a TD2's length", resolved(mm(101), mm(80), true, mm(103), mm(84), 300), KindVisa, 300, DPIFile, true, true},
		// The page is all document, and less than one: a part of it.
		{"page holding part of a TD2", func() Document {
			d := Document{Box: Box{CX: mm(27), CY: mm(54), W: mm(109), H: mm(55), Angle: 90}}
			d.resolve(300, mm(55), mm(109))
			return d
		}(), KindTD2, 300, DPIFile, true, true},
		{"page holding a whole card", func() Document {
			d := Document{Box: Box{W: mm(87), H: mm(55)}}
			d.resolve(300, mm(87), mm(55))
			return d
		}(), KindCard, 300, DPIFile, false, false},
		{"page of a tight crop of a card", func() Document {
			d := Document{Box: Box{W: mm(90.8), H: mm(60)}}
			d.resolve(300, mm(90.8), mm(60))
			return d
		}(), KindCard, 300, DPIFile, false, false},
		{"card on a photo", resolved(mm(85.6)*0.9, mm(54)*0.9, false, 1600, 1200, 0), KindCard, 270, DPIDocument, false, false},
		{"card on an A4 scan", resolved(mm(85.6), mm(54), false, mm(210), mm(297), 0), KindCard, 300, DPIPage, false, false},
	}
	for _, c := range cases {
		d := c.d
		if d.Kind != c.kind || math.Abs(d.DPI-c.dpi) > 1 || d.DPISource != c.source || d.Touches != c.touches || d.CutOff != c.cut {
			t.Errorf("%s: kind %q, %.1f dpi from %q, touches %v, cut off %v; want %q, %.0f from %q, %v, %v",
				c.name, d.Kind, d.DPI, d.DPISource, d.Touches, d.CutOff, c.kind, c.dpi, c.source, c.touches, c.cut)
		}
	}
}

// A near-white card on a flatbed's light lid has hardly any edge of its
// own: its print must still make it a document, and not a blank page.
func TestLightCardIsNotBlank(t *testing.T) {
	const dpi = 150
	px := func(mm float64) int { return int(mm / 25.4 * dpi) }
	page := image.NewGray(image.Rect(0, 0, px(210), px(297)))
	draw.Draw(page, page.Rect, image.NewUniform(color.Gray{238}), image.Point{}, draw.Src)
	card := image.Rect(px(40), px(60), px(40+85.6), px(60+54))
	draw.Draw(page, card, image.NewUniform(color.Gray{250}), image.Point{}, draw.Src)
	// Thin grey print: a few lines of text.
	for line := 0; line < 6; line++ {
		y := card.Min.Y + px(8) + line*px(6)
		for x := card.Min.X + px(30); x < card.Max.X-px(5); x++ {
			if x%7 < 4 {
				page.SetGray(x, y, color.Gray{90})
				page.SetGray(x, y+1, color.Gray{90})
			}
		}
	}
	r := Checker{}.Check(context.Background(), Page{Image: page, DPI: dpi})
	if r.Checks[0].Name != "blank" || r.Checks[0].Level != OK {
		t.Fatalf("called blank: %s", summary(r))
	}
	d := r.Document
	if !d.Found || d.Kind != KindCard || math.Abs(d.Box.W/dpi*25.4-85.6) > 3 {
		t.Errorf("document %+v; want the 85.6 mm card", d)
	}
}
