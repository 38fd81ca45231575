package scan_test

import (
	"context"
	"image"
	"testing"

	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// BenchmarkIDCardFlatbed is the whole "ID card, both sides" profile against
// the eSCL test scanner on loopback: preview at 75 dpi, final at 300 dpi of
// the found area, twice. The test scanner renders and encodes each page,
// so this bounds idpro's own overhead from above.
func BenchmarkIDCardFlatbed(b *testing.B) {
	card, err := specimen.Render(specimen.Random(1, specimen.IDCard), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		b.Fatal(err)
	}
	srv := escltest.NewServer(escltest.Config{Platen: card, PlatenAt: image.Pt(300, 300)})
	defer srv.Close()
	s := session(b, srv)
	s.Turn = func(context.Context) error { return nil }
	for b.Loop() {
		if _, err := s.Run(context.Background(), scan.IDCard); err != nil {
			b.Fatal(err)
		}
	}
}
