package ocr

import (
	"context"
	"image"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr/locate"
)

// ReadLineImages reads an MRZ from images of its lines, top line first, as
// something else cropped them (an MRZ window, a corpus of line crops): the
// lines are read with rec as given, then in each of the reader's line
// views in turn (locate.Views), and the readings are combined line by line
// as Read does, until the result is valid as read (settled).
func ReadLineImages(ctx context.Context, rec Recognizer, lines []image.Image, now time.Time) (Result, error) {
	if len(lines) == 0 {
		return Result{}, app.Errorf("ocr.empty_image", nil)
	}
	var best Result
	var views [][]lineReading
	glyphs := newGlyphReader(rec)
	for k := -1; k < len(locate.Views); k++ {
		view := make([]lineReading, len(lines))
		for i, img := range lines {
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
			if k >= 0 {
				img = locate.Views[k].Image(func(capPx float64) *image.Gray { return locate.ScaledLine(img, capPx) })
			}
			read, err := recognize(rec, img)
			if err != nil {
				return Result{}, err
			}
			view[i] = read
		}
		views = append(views, view)
		// The combinations include the earlier views' own.
		best = bestCombination(views, glyphs, now)
		if settled(best) {
			break
		}
	}
	return flagUnsure(best), nil
}
