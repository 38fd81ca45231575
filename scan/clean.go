package scan

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"

	"github.com/disintegration/imaging"
	"github.com/idpro/idpro/app"
)

// marginMM is the margin kept around a cleaned document, so that no edge
// of it is lost to the crop and the reader sees it is whole.
const marginMM = 2

// Clean makes a clean page of p: the document found on it, cropped with a
// small margin and turned straight with its long side horizontal, at the
// resolution the document tells. p itself is left unchanged (it is the
// original to keep). When no document stands out, the page is returned as
// it is, with the document covering it.
func Clean(p Page) (Page, Document, error) {
	d := FindDocument(p)
	if !d.Found {
		return p, d, nil
	}
	dpi := d.DPI
	margin := d.Box.H * 0.04
	if dpi > 0 {
		margin = marginMM / 25.4 * dpi
	}
	w, h := d.Box.W+2*margin, d.Box.H+2*margin
	region := d.Box.Bounds().Inset(-int(math.Ceil(margin))).Intersect(p.Image.Bounds())
	img := imaging.Crop(p.Image, region)
	// Angle is the long side's direction with y pointing down, so turning
	// the picture anticlockwise by it lays that side flat.
	if math.Abs(d.Box.Angle) > 0.2 {
		img = imaging.Rotate(img, d.Box.Angle, color.White)
	}
	b := img.Bounds()
	cx, cy := float64(b.Dx())/2, float64(b.Dy())/2
	crop := image.Rect(int(cx-w/2), int(cy-h/2), int(cx+w/2), int(cy+h/2)).Intersect(b)
	img = imaging.Crop(img, crop)

	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		return p, d, app.Errorf("scan.encode_failed", err, "file", p.Source)
	}
	return Page{Image: img, Data: buf.Bytes(), ContentType: "image/jpeg", DPI: dpi, Source: p.Source}, d, nil
}
