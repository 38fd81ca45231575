package ocr_test

import (
	"context"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
)

// A Reader whose engine cannot start: pages without an MRZ never need it,
// pages with one fail with a translated engine error, and bad input is
// refused before any work.
func TestReaderErrors(t *testing.T) {
	started := 0
	r := ocr.NewReader(func() (ocr.Recognizer, error) {
		started++
		return nil, errors.New("no traineddata")
	}, ocr.ReaderOptions{})
	defer r.Close()
	ctx := context.Background()

	if _, err := r.Read(ctx, nil); app.ErrorCode(err) != "ocr.empty_image" {
		t.Errorf("nil image: %v", err)
	}
	if _, err := r.Read(ctx, image.NewGray(image.Rect(0, 0, 0, 0))); app.ErrorCode(err) != "ocr.empty_image" {
		t.Errorf("empty image: %v", err)
	}
	blank := image.NewGray(image.Rect(0, 0, 850, 540))
	draw.Draw(blank, blank.Bounds(), image.NewUniform(color.Gray{Y: 230}), image.Point{}, draw.Src)
	res, err := r.Read(ctx, blank)
	if err != nil || res.Found || started != 0 {
		t.Errorf("blank card: %+v, %v, engine started %d times", res, err, started)
	}

	page, err := specimen.Render(specimen.Random(1, specimen.IDCard), specimen.RenderOptions{DPI: 200, Page: specimen.Card, Rotate: 270})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(ctx, page); app.ErrorCode(err) != "ocr.engine" {
		t.Errorf("engine failure: %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := r.ReadAll(cancelled, []image.Image{page, page}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ReadAll: %v", err)
	}
}
