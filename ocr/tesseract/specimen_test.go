package tesseract_test

import (
	"context"
	"testing"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/ocr/tesseract"
)

// newReader is a reader on idpro's MRZ model, its data in a directory
// of the test's own, closed when the test ends.
func newReader(t testing.TB, opt ocr.ReaderOptions) *ocr.Reader {
	t.Helper()
	dir := t.TempDir()
	r := ocr.NewReader(func() (ocr.Recognizer, error) { return tesseract.NewMRZ(dir) }, opt)
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// readSpecimen renders d as opt says and reads it with r.
func readSpecimen(t testing.TB, r *ocr.Reader, d specimen.Document, opt specimen.RenderOptions) ocr.Result {
	t.Helper()
	img, err := specimen.Render(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Read(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
