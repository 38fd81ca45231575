//go:build cgo

package ui

import (
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/ocr/tesseract"
)

// A passport page whose MRZ cannot be read blocks Next in the app as it
// does in `idpro check`: the page's check reads the MRZ with the real
// reader.
func TestPassportWithoutMRZBlocksNext(t *testing.T) {
	tessdata := t.TempDir()
	reader := ocr.NewReader(func() (ocr.Recognizer, error) { return tesseract.NewMRZ(tessdata) }, ocr.ReaderOptions{})
	defer reader.Close()
	e := newEnv(t, reader)

	img, err := specimen.Render(specimen.Random(12, specimen.Passport), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	eraseMRZ(rgba)
	path := filepath.Join(e.dir, "no-mrz.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	png.Encode(f, rgba)
	f.Close()

	e.u.ImportFiles(path)
	e.u.Wait()
	w := e.u.wizard
	if w.docs.pages.Len() != 1 {
		t.Fatalf("%d pages", w.docs.pages.Len())
	}
	if !w.next.Disabled() || !strings.Contains(w.problem.Text, "machine-readable zone (the lines with <<< at the bottom) cannot be found") {
		t.Fatalf("a passport page without its MRZ: next disabled %v, problem %q", w.next.Disabled(), w.problem.Text)
	}
	if !strings.Contains(w.docs.mrz.Text, "No machine-readable zone found") {
		t.Errorf("MRZ line: %q", w.docs.mrz.Text)
	}
}

// eraseMRZ paints the lower quarter of a document page (where a passport's
// MRZ is) with each row's most common colour: the text goes, the paper and
// the page's edges stay.
func eraseMRZ(img *image.RGBA) {
	b := img.Bounds()
	for y := b.Min.Y + b.Dy()*70/100; y < b.Min.Y+b.Dy()*95/100; y++ {
		x0, x1 := b.Min.X+b.Dx()*4/100, b.Min.X+b.Dx()*96/100
		row := img.Pix[img.PixOffset(x0, y):img.PixOffset(x1, y)]
		lum := make([]uint32, 0, len(row)/4)
		for i := 0; i < len(row); i += 4 {
			lum = append(lum, uint32(row[i])<<16|uint32(row[i+1])<<8|uint32(row[i+2]))
		}
		slices.Sort(lum)
		c := lum[len(lum)*3/4] // paper, lighter than the ink
		for i := 0; i < len(row); i += 4 {
			row[i], row[i+1], row[i+2] = uint8(c>>16), uint8(c>>8), uint8(c)
		}
	}
}

// The MRZ line never calls a reading correct while fields remain that
// no check digit proves: it names them, and says when characters were
// corrected, or when the zone passes its checks but not its structure.
func TestMRZSummaryNamesTheFieldsToCompare(t *testing.T) {
	e := newEnv(t, nil)
	d := e.u.wizard.docs
	checks := map[string]bool{"birth_date": true}
	for _, c := range []struct {
		res       ocr.Result
		want, not string
	}{
		{ocr.Result{Found: true, Format: ocr.TD3, Valid: true, Checks: checks, Review: []ocr.Field{ocr.FieldSurname, ocr.FieldGivenNames, ocr.FieldSex}},
			"do not cover every field: compare Surname, Given names, Sex with the document", "All check digits"},
		{ocr.Result{Found: true, Format: ocr.TD3, Valid: true, Checks: checks, Review: []ocr.Field{ocr.FieldDocumentNumber},
			Corrections: []ocr.Correction{{Line: 1, Col: 3, From: "O", To: "0", Field: ocr.FieldDocumentNumber}}},
			"corrected so that the check digits match: compare Document number", "All check digits"},
		{ocr.Result{Found: true, Format: ocr.DLEU, Checks: checks, Review: []ocr.Field{ocr.FieldIssuingState}},
			"does not have the form of a real document", "do not match"},
	} {
		got := d.describe(c.res)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%+v:\n%q\nwant %q, not %q", c.res, got, c.want, c.not)
		}
	}
}
