package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"

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
	if px := int64(cfg.Width) * int64(cfg.Height); px > l.MaxPixels {
		return app.Errorf("scan.image_too_large", nil, "file", name,
			"megapixels", px/1_000_000, "max_megapixels", l.MaxPixels/1_000_000)
	}
	return nil
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
	img, dpi = l.workSize(img, dpi)
	p := Page{Image: img, DPI: dpi, Source: src}
	if keep != nil {
		p.Data, p.ContentType = keep.data, keep.contentType
		return p, nil
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return Page{}, app.Errorf("scan.encode_failed", err, "file", src)
	}
	p.Data, p.ContentType = buf.Bytes(), "image/png"
	return p, nil
}

// workSize brings a very fine scan down to WorkDPI, or an image of unknown
// resolution down to MaxWorkPixels.
func (l Limits) workSize(img image.Image, dpi float64) (image.Image, float64) {
	b := img.Bounds()
	scale := 1.0
	if dpi > l.WorkDPI*4/3 && l.WorkDPI > 0 {
		scale = l.WorkDPI / dpi
	} else if px := float64(b.Dx()) * float64(b.Dy()); dpi == 0 && l.MaxWorkPixels > 0 && px > float64(l.MaxWorkPixels) {
		scale = math.Sqrt(float64(l.MaxWorkPixels) / px)
	}
	if scale >= 1 {
		return img, dpi
	}
	// A whole factor keeps the image's compact layout and never lands
	// below WorkDPI.
	if f := int(1 / scale); dpi > 0 && f >= 2 {
		if small := shrink(img, f); small != nil {
			return small, dpi / float64(f)
		}
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
