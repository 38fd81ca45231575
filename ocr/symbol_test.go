package ocr

import (
	"image"
	"image/color"
	"testing"
)

// sizedGlyphs answers a glyph reading only for crops of the height
// wanted, and records the crops it is given.
type sizedGlyphs struct {
	want  int
	crops []*image.Gray
}

func (s *sizedGlyphs) RecognizeGlyph(img image.Image, _ string) (rune, error) {
	g := img.(*image.Gray)
	s.crops = append(s.crops, g)
	if g.Rect.Dy() != s.want {
		return 0, nil
	}
	return 'I', nil
}

// TestGlyphIsReadLargeThenAsItIs: a glyph is read again scaled up to
// glyphPx with a white margin; when that finds no character, at its size
// in the line.
func TestGlyphIsReadLargeThenAsItIs(t *testing.T) {
	line := image.NewGray(image.Rect(0, 0, 100, 40))
	for i := range line.Pix {
		line.Pix[i] = 255
	}
	box := image.Rect(10, 4, 20, 36) // a bar 10x32, as an I
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			line.SetGray(x, y, color.Gray{})
		}
	}
	big := glyphPx[0] + 2*(glyphPx[0]/4)
	native := box.Dy() + 2*(box.Dy()/4)
	for _, want := range []int{big, native} {
		s := &sizedGlyphs{want: want}
		c, err := readGlyph(s, line, box, "ACI")
		if err != nil || c != 'I' {
			t.Fatalf("answered at height %d: read %q, %v; want I", want, c, err)
		}
		first := s.crops[0]
		if first.Rect.Dy() != big || first.Rect.Dx() != 2*box.Dx()+2*(glyphPx[0]/4) {
			t.Errorf("first crop %v, want the glyph doubled to %d px high with margins", first.Rect, glyphPx[0])
		}
		if first.GrayAt(0, 0).Y != 255 || first.GrayAt(first.Rect.Dx()/2, first.Rect.Dy()/2).Y > 10 {
			t.Errorf("first crop: margin %d, centre %d; want white around black", first.GrayAt(0, 0).Y, first.GrayAt(first.Rect.Dx()/2, first.Rect.Dy()/2).Y)
		}
		if want == native && len(s.crops) != 2 {
			t.Errorf("%d crops read, want the large one then the native one", len(s.crops))
		}
	}
}
