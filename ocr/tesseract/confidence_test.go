package tesseract

import (
	"context"
	"image"
	"testing"
	"time"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// The reader tells, per field, how sure the recognizer was of its least
// sure glyph: the measure that flags fields no check digit can doubt.
func TestReadingGivesEachFieldsConfidence(t *testing.T) {
	d := specimen.Random(3, specimen.Passport)
	var crops []image.Image
	for _, l := range d.MRZ() {
		crops = append(crops, render(t, l))
	}
	res, err := ocr.ReadLineImages(context.Background(), newMRZ(t), crops, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []ocr.Field{ocr.FieldDocumentNumber, ocr.FieldBirthDate, ocr.FieldSurname} {
		if c, ok := res.Confidence[f]; !ok || c <= 0 || c > 100 {
			t.Errorf("%s: confidence %v (%v), want 0-100", f, c, ok)
		}
	}
}
