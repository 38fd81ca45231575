package tesseract_test

import (
	"slices"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// TestReaderSettlesZeroByShape reads visas whose optional data has a 0
// between letters, which the model reads as O and no check digit
// covers: the glyph makes it a 0 again, reported as a correction with the
// field flagged for review. On the card (`YC85T0S`) the glyph is as
// near the zeros of the visa's dates as they are to one another. On the
// A4 pages, blurred, it is not (1.3 to 1.4 of their spread), but it is
// much nearer them than the O's of the visa's names and country codes
// (`MORENO`, `ROU`), or than its one O.
func TestReaderSettlesZeroByShape(t *testing.T) {
	r := newReader(t, ocr.ReaderOptions{Workers: 1})
	for _, c := range []struct {
		kind specimen.Kind
		seed uint64
		page specimen.Page
	}{
		{specimen.VisaA, 6, specimen.Card},
		{specimen.VisaB, 32, specimen.A4Flatbed},
		{specimen.VisaA, 34, specimen.A4Flatbed},
		{specimen.VisaB, 24, specimen.A4Flatbed}, // one O to compare with, in `HORVATH`
	} {
		d := specimen.Random(c.seed, c.kind)
		res := readSpecimen(t, r, d, specimen.RandomOptions(c.seed, c.page, 300))
		if res.Fields != d.Fields() {
			t.Errorf("%v seed %d on %v: fields\n got %+v\nwant %+v\nread %q", c.kind, c.seed, c.page, res.Fields, d.Fields(), res.RawLines)
			continue
		}
		byShape := slices.ContainsFunc(res.Corrections, func(c ocr.Correction) bool {
			return c.Field == "optional_data" && c.From == "O" && c.To == "0"
		})
		if !byShape || !slices.Contains(res.Review, "optional_data") {
			t.Errorf("%v seed %d on %v: corrections %+v, review %v: want the O read in the optional data made a 0 and the field flagged", c.kind, c.seed, c.page, res.Corrections, res.Review)
		}
	}
}
