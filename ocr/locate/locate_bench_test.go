package locate_test

import (
	"testing"

	"github.com/idpro/idpro/ocr/locate"
	"github.com/idpro/idpro/ocr/specimen"
)

// BenchmarkLocate measures finding and cutting out the MRZ lines of a
// 300-dpi A4 flatbed page, everything a page read costs but the OCR.
func BenchmarkLocate(b *testing.B) {
	d := specimen.Random(1, specimen.Passport)
	img, err := specimen.Render(d, specimen.RandomOptions(1, specimen.A4Flatbed, 300))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if len(locate.LocatedLines(img)) != 2 {
			b.Fatal("MRZ not found")
		}
	}
}
