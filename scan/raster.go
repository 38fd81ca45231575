package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"runtime"

	"github.com/disintegration/imaging"
	"github.com/idpro/idpro/app"
	"golang.org/x/image/bmp"
	"golang.org/x/image/webp"
)

// encoded is a page's file as it can be stored unchanged.
type encoded struct {
	data        []byte
	contentType string
}

func (l Limits) importImage(name string, b []byte, f format) (Page, error) {
	var (
		decode func() (image.Image, error)
		config func() (image.Config, error)
		dpi    float64
		orient int
		keep   *encoded
	)
	r := func() *bytes.Reader { return bytes.NewReader(b) }
	switch f {
	case formatJPEG:
		decode = func() (image.Image, error) { return jpeg.Decode(r()) }
		config = func() (image.Config, error) { return jpeg.DecodeConfig(r()) }
		dpi, orient = jpegMeta(b)
		keep = &encoded{b, "image/jpeg"}
	case formatPNG:
		decode = func() (image.Image, error) { return png.Decode(r()) }
		config = func() (image.Config, error) { return png.DecodeConfig(r()) }
		dpi = pngDPI(b)
		keep = &encoded{b, "image/png"}
	case formatGIF:
		decode = func() (image.Image, error) { return gif.Decode(r()) }
		config = func() (image.Config, error) { return gif.DecodeConfig(r()) }
	case formatBMP:
		decode = func() (image.Image, error) { return bmp.Decode(r()) }
		config = func() (image.Config, error) { return bmp.DecodeConfig(r()) }
		dpi = bmpDPI(b)
	case formatWebP:
		decode = func() (image.Image, error) { return webp.Decode(r()) }
		config = func() (image.Config, error) { return webp.DecodeConfig(r()) }
	default:
		return Page{}, app.Errorf("scan.unsupported_format", nil, "file", name)
	}
	cfg, err := config()
	if err != nil {
		return Page{}, app.Errorf("scan.corrupt_image", err, "file", name)
	}
	if f == formatPNG && l.workFactor(cfg.Width, cfg.Height, dpi) >= 2 {
		if err := l.rowPixels(name, cfg); err != nil {
			return Page{}, err
		}
		if rows, ok := newPNGRows(b, cfg); ok {
			return l.finishRows(rows, name, dpi, 0, keep)
		}
	}
	if err := l.checkPixels(name, cfg); err != nil {
		return Page{}, err
	}
	img, err := decodeGuarded(decode)
	if err != nil {
		return Page{}, app.Errorf("scan.corrupt_image", err, "file", name)
	}
	return l.finish(img, name, dpi, orient, keep)
}

func (l Limits) checkPixels(name string, cfg image.Config) error {
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return app.Errorf("scan.corrupt_image", nil, "file", name)
	}
	// 16-bit colour decodes to 8 bytes a pixel: it counts twice.
	px := int64(cfg.Width) * int64(cfg.Height)
	cost := px
	switch cfg.ColorModel {
	case color.RGBA64Model, color.NRGBA64Model:
		cost *= 2
	}
	if cost > l.MaxPixels {
		return app.Errorf("scan.image_too_large", nil, "file", name,
			"megapixels", px/1_000_000, "max_megapixels", l.MaxPixels*px/cost/1_000_000)
	}
	return nil
}

// rowSource is an image read a row at a time, top to bottom, as it is
// brought down to the working size: a PNG or TIFF scan is never decoded
// whole.
type rowSource interface {
	image.Image
	rgbRow(y int, dst []uint8)
}

// rowPixels is the pixel limit of an image read row by row, checked
// before any row buffer is made: no decoded copy is made, so the limit is
// MaxRowPixels, a real scan's size, rather than MaxPixels.
func (l Limits) rowPixels(name string, cfg image.Config) error {
	limit := l.MaxRowPixels
	if limit == 0 {
		limit = l.MaxPixels
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > limit {
		return app.Errorf("scan.image_too_large", nil, "file", name,
			"megapixels", px/1_000_000, "max_megapixels", limit/1_000_000)
	}
	return nil
}

// finishRows is finish for an image read row by row; a decoding error
// met on the way (or a panic, on hostile input) makes the file corrupt.
func (l Limits) finishRows(rows rowSource, name string, dpi float64, orient int, keep *encoded) (p Page, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = Page{}, app.Errorf("scan.corrupt_image", fmt.Errorf("decoder panic: %v", r), "file", name)
		}
	}()
	p, err = l.finish(rows, name, dpi, orient, keep)
	if err == nil {
		if e, ok := rows.(interface{ failed() error }); ok && e.failed() != nil {
			err = app.Errorf("scan.corrupt_image", e.failed(), "file", name)
		}
	}
	return p, err
}

// decodeGuarded turns a decoder panic on hostile input into an error: a
// user's file must never bring the program down.
func decodeGuarded(decode func() (image.Image, error)) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("decoder panic: %v", r)
		}
	}()
	return decode()
}

// finish turns a decoded image into a Page: upright, with a believable
// resolution, no larger than the checks and the MRZ reader need, and
// encoded for storage (the original file when it can be kept as is).
func (l Limits) finish(img image.Image, src string, dpi float64, orient int, keep *encoded) (Page, error) {
	if o := orientImage(img, orient); o != img {
		img, keep = o, nil
	}
	b := img.Bounds()
	dpi = plausibleDPI(b.Dx(), b.Dy(), dpi)
	small, dpi := l.workSize(img, dpi)
	shrunk := small != img
	if shrunk {
		// The full-size image (140 MB for a 600-dpi A4 page decoded as
		// RGBA) is garbage now. Collected at the collector's own pace, the
		// next page of the request is decoded beside it, and four 600-dpi
		// PNG pages took 500 MB instead of 250.
		runtime.GC()
	}
	p := Page{Image: small, DPI: dpi, Source: src}
	if keep != nil && (!shrunk || keep.contentType == "image/jpeg") {
		// A JPEG is kept whatever its size: it is small, and re-encoding
		// would lose quality. A lossless file brought down to the working
		// size is not: four 600-dpi PNG scans would hold 90 MB.
		p.Data, p.ContentType = keep.data, keep.contentType
		return p, nil
	}
	var buf bytes.Buffer
	var err error
	if shrunk {
		// What the checks and the export use is the working copy: stored
		// as a JPEG of the quality the export starts at.
		p.ContentType = "image/jpeg"
		err = jpeg.Encode(&buf, small, &jpeg.Options{Quality: 90})
	} else {
		p.ContentType = "image/png"
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, small)
	}
	if err != nil {
		return Page{}, app.Errorf("scan.encode_failed", err, "file", src)
	}
	p.Data = buf.Bytes()
	return p, nil
}

// workScale is the scale workSize brings an image of w x h pixels stating
// dpi to: WorkDPI for a very fine scan, MaxWorkPixels for an image of
// unknown resolution; 1 when it is fine as it is.
func (l Limits) workScale(w, h int, dpi float64) float64 {
	if dpi > l.WorkDPI*4/3 && l.WorkDPI > 0 {
		return l.WorkDPI / dpi
	}
	if px := float64(w) * float64(h); dpi == 0 && l.MaxWorkPixels > 0 && px > float64(l.MaxWorkPixels) {
		return math.Sqrt(float64(l.MaxWorkPixels) / px)
	}
	return 1
}

// workFactor is the whole number of pixels (each way) workSize averages
// into one for an image of w x h pixels stating dpi, or 1 when it does not
// bring it down by a whole factor. dpi is the file's; it is weighed as
// finish does.
func (l Limits) workFactor(w, h int, dpi float64) int {
	dpi = plausibleDPI(w, h, dpi)
	scale := l.workScale(w, h, dpi)
	if scale >= 1 {
		return 1
	}
	f := wholeFactor(scale)
	if dpi == 0 {
		f = int(math.Ceil(1 / scale))
	}
	if f >= 2 && w >= f && h >= f {
		return f
	}
	return 1
}

// wholeFactor is the whole number of pixels averaged into one to scale by
// scale, or less; a resolution stated as 599.9988 dpi still halves.
func wholeFactor(scale float64) int {
	return int(1/scale + 0.001)
}

// workSize brings a very fine scan down to WorkDPI, or an image of unknown
// resolution down to MaxWorkPixels. A whole factor keeps a JPEG's compact
// layout (and makes anything else YCbCr), never lands below WorkDPI, and
// needs no second full-size copy. dpi has been weighed (plausibleDPI).
func (l Limits) workSize(img image.Image, dpi float64) (image.Image, float64) {
	b := img.Bounds()
	scale := l.workScale(b.Dx(), b.Dy(), dpi)
	if scale >= 1 {
		return img, dpi
	}
	if f := l.workFactor(b.Dx(), b.Dy(), dpi); f >= 2 {
		return shrink(img, f), dpi / float64(f)
	}
	w := max(1, int(math.Round(float64(b.Dx())*scale)))
	h := max(1, int(math.Round(float64(b.Dy())*scale)))
	return imaging.Resize(img, w, h, imaging.Box), dpi * scale
}

// orientImage applies an EXIF/TIFF orientation (1-8).
func orientImage(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}
