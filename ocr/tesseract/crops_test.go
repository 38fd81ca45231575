package tesseract

import (
	"context"
	"errors"
	"image"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// TestReadLineImagesReadsCroppedLines reads MRZs handed over as one image
// per line, at print sizes the reader's line images do not have (capitals
// 30 px here, where the reader makes 40).
func TestReadLineImagesReadsCroppedLines(t *testing.T) {
	e := newMRZ(t)
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	for _, k := range []specimen.Kind{specimen.Passport, specimen.IDCard, specimen.TD2Card} {
		d := specimen.Random(21, k)
		var crops []image.Image
		for _, l := range d.MRZ() {
			crops = append(crops, render(t, l))
		}
		res, err := ocr.ReadLineImages(context.Background(), e, crops, now)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Valid || res.Fields != d.Fields() {
			t.Errorf("%v: valid %v, fields %+v, want %+v (read %q)", k, res.Valid, res.Fields, d.Fields(), res.RawLines)
		}
	}
}

func TestReadLineImagesWithoutLines(t *testing.T) {
	_, err := ocr.ReadLineImages(context.Background(), newMRZ(t), nil, time.Now())
	var appErr *app.Error
	if !errors.As(err, &appErr) || appErr.Code != "ocr.empty_image" {
		t.Fatalf("err %v, want ocr.empty_image", err)
	}
}
