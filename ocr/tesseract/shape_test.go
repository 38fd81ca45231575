package tesseract_test

import (
	"context"
	"slices"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/ocr/tesseract"
)

// TestReaderSettlesZeroByShape reads the visa whose optional data has a
// 0 between letters (`YC85T0S`), which the model reads as O and no check
// digit covers: the glyph, like the zeros of the visa's dates, makes it a
// 0 again, reported as a correction with the field flagged for review.
func TestReaderSettlesZeroByShape(t *testing.T) {
	d := specimen.Random(6, specimen.VisaA)
	img, err := specimen.Render(d, specimen.RandomOptions(6, specimen.Card, 300))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	r := ocr.NewReader(func() (ocr.Recognizer, error) { return tesseract.NewMRZ(dir) }, ocr.ReaderOptions{Workers: 1})
	defer r.Close()
	res, err := r.Read(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fields != d.Fields() {
		t.Fatalf("fields\n got %+v\nwant %+v\nread %q", res.Fields, d.Fields(), res.RawLines)
	}
	byShape := slices.ContainsFunc(res.Corrections, func(c ocr.Correction) bool {
		return c.Field == "optional_data" && c.From == "O" && c.To == "0"
	})
	if !byShape || !slices.Contains(res.Review, "optional_data") {
		t.Errorf("corrections %+v, review %v: want the O read in the optional data made a 0 and the field flagged", res.Corrections, res.Review)
	}
}
