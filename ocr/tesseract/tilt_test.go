package tesseract_test

import (
	"slices"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// TestReaderReadsTiltedPhotos reads phone photos of documents held at
// an angle (specimen's Tilt: the far side smaller, in perspective), in
// every orientation. Down to a far side at 0.7 of the near side's size
// every field must come back; at 0.6 (the document foreshortened to
// under half its width, its MRZ's pitch at the far end about half its
// capitals' height) the MRZ must be found, and a field read wrong must
// be in review. Held with its top side far instead, as a phone over a
// desk sees it, the document's verticals converge and its glyphs lean
// apart: down to 0.6 every field must come back. With -v it logs what
// it read at each tilt.
func TestReaderReadsTiltedPhotos(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 108 photos with Tesseract")
	}
	r := newReader(t, ocr.ReaderOptions{})
	for _, c := range []struct {
		far float64
		top bool
	}{{0.9, false}, {0.8, false}, {0.7, false}, {0.6, false}, {0.7, true}, {0.6, true}} {
		far := c.far
		var n, found, exact int
		for _, k := range []specimen.Kind{specimen.Passport, specimen.IDCard, specimen.TD2Card} {
			for seed := uint64(1); seed <= 6; seed++ {
				d := specimen.Random(seed, k)
				opt := specimen.RandomOptions(seed, specimen.Photo, 300)
				opt.Tilt, opt.TiltTop = far, c.top
				res := readSpecimen(t, r, d, opt)
				n++
				if res.Found {
					found++
				}
				if res.Fields == d.Fields() {
					exact++
					continue
				}
				if far >= 0.7 || c.top || !res.Found {
					t.Errorf("%v seed %d, far side (top %v) at %.1f: found=%v valid=%v\n got %+v\nwant %+v\nread %q", k, seed, c.top, far, res.Found, res.Valid, res.Fields, d.Fields(), res.RawLines)
				}
				for _, f := range ocr.FieldNames {
					if res.Valid && res.Fields.Get(f) != d.Fields().Get(f) && !slices.Contains(res.Review, f) {
						t.Errorf("%v seed %d, far side at %.1f: %s read %q for %q, valid and not in review", k, seed, far, f, res.Fields.Get(f), d.Fields().Get(f))
					}
				}
			}
		}
		t.Logf("far side (top %v) at %.1f of the near side: %d photos, %d found, %d exact", c.top, far, n, found, exact)
	}
}

// TestReaderKeepsSquareOnLinesSquare reads a French card on an A4 page
// whose first line ends in 21 fillers and a 6-digit code: fillers line
// up about as well at any lean, so that end's best lean, barely sharper
// than upright, once made the line look keystoned, and the code, sheared
// by 0.3 column per row, was read `29211G` for `292776`.
func TestReaderKeepsSquareOnLinesSquare(t *testing.T) {
	d := specimen.Random(21, specimen.FrenchIDCard)
	res := readSpecimen(t, newReader(t, ocr.ReaderOptions{Workers: 1}), d, specimen.RandomOptions(21, specimen.A4Flatbed, 300))
	if res.Fields != d.Fields() {
		t.Errorf("fields\n got %+v\nwant %+v\nread %q", res.Fields, d.Fields(), res.RawLines)
	}
}
