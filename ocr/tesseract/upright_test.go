package tesseract_test

import (
	"context"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// TestReaderTellsHowToTurnThePageUpright renders a card in each of the
// four orientations: the reader must say how to turn it back.
func TestReaderTellsHowToTurnThePageUpright(t *testing.T) {
	r := newReader(t, ocr.ReaderOptions{})
	doc := specimen.Random(5, specimen.IDCard)
	for _, rotate := range []int{0, 90, 180, 270} {
		img, err := specimen.Render(doc, specimen.RenderOptions{DPI: 300, Page: specimen.Card, Rotate: rotate, Skew: 3})
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Read(context.Background(), img)
		if err != nil || !res.Valid {
			t.Fatalf("rotated %d: %+v, %v", rotate, res, err)
		}
		// Rotate is counter-clockwise, so as many clockwise quarters undo it.
		if want := rotate / 90; res.Turns != want {
			t.Errorf("rotated %d° counter-clockwise: Turns = %d, want %d", rotate, res.Turns, want)
		}
	}
}
