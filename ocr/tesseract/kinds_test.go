package tesseract_test

import (
	"fmt"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// newKinds are the kinds added after the first four, which the reader
// meets here end to end: long TD1 numbers, visas, the old French card and
// the Swiss licence with its 9-character first line.
var newKinds = []specimen.Kind{specimen.IDCardLong, specimen.VisaA, specimen.VisaB, specimen.FrenchIDCard, specimen.SwissLicence}

// TestReaderReadsNewKinds renders each new kind as a cropped card and on
// an A4 flatbed page, at 300 dpi in captures as users make them (any
// orientation, skew, noise, blur, JPEG), and reads it with the real
// reader: the format and every field must come back.
func TestReaderReadsNewKinds(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 30 pages with Tesseract")
	}
	r := newReader(t, ocr.ReaderOptions{})
	for _, k := range newKinds {
		for _, page := range []specimen.Page{specimen.Card, specimen.A4Flatbed} {
			for seed := uint64(1); seed <= 3; seed++ {
				t.Run(fmt.Sprintf("%v/%v/%d", k, page, seed), func(t *testing.T) {
					d := specimen.Random(seed, k)
					res := readSpecimen(t, r, d, specimen.RandomOptions(seed, page, 300))
					// The Swiss licence has no check digits to make it valid.
					if !res.Found || res.Format != k.Format() || res.Valid != (k != specimen.SwissLicence) || res.Fields != d.Fields() {
						t.Errorf("found=%v format=%s valid=%v\n got %+v\nwant %+v\nread %q\n  of %q",
							res.Found, res.Format, res.Valid, res.Fields, d.Fields(), res.RawLines, d.MRZ())
					}
				})
			}
		}
	}
}

// TestReaderTrustsTheSwissFirstLine reads Swiss licences whose upside-down
// reading happens to pass as an EU licence: the Swiss MRZ has no check
// digit, so any reading with one that passes beats it unless the reader
// keeps to the orientation the short first line gave.
func TestReaderTrustsTheSwissFirstLine(t *testing.T) {
	r := newReader(t, ocr.ReaderOptions{})
	for _, c := range []struct {
		seed uint64
		page specimen.Page
		dpi  float64
	}{{14, specimen.Card, 300}, {24, specimen.Card, 300}, {24, specimen.Photo, 300}, {3, specimen.A4Flatbed, 600}} {
		d := specimen.Random(c.seed, specimen.SwissLicence)
		res := readSpecimen(t, r, d, specimen.RandomOptions(c.seed, c.page, c.dpi))
		if res.Format != ocr.DLCHE || res.Fields != d.Fields() {
			t.Errorf("seed %d %v %.0f dpi: format %s\n got %+v\nwant %+v\nread %q", c.seed, c.page, c.dpi, res.Format, res.Fields, d.Fields(), res.RawLines)
		}
	}
}
