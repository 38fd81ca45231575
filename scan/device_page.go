package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/idpro/idpro/app"
)

// ScannedPage decodes one page a scanner sent (PNG or JPEG) within the
// limits l, as Import does for files: more than MaxFileBytes of data, or an
// image whose header announces more than MaxPixels, is ErrPageTooLarge
// before anything is decoded; data that is neither format, or does not
// decode, is ErrBadPage (a decoder panic included). A scanner is a device
// on the network or a driver, and a broken or hostile one must not exhaust
// the memory. Backends read at most MaxFileBytes+1 bytes and pass them
// here; the Page has Image, Data and ContentType set.
func (l Limits) ScannedPage(device string, data []byte) (Page, error) {
	if int64(len(data)) > l.MaxFileBytes {
		return Page{}, DeviceError(ErrPageTooLarge, device, fmt.Errorf("page of more than %d bytes", l.MaxFileBytes))
	}
	var (
		config func() (image.Config, error)
		decode func() (image.Image, error)
		mime   string
	)
	r := func() *bytes.Reader { return bytes.NewReader(data) }
	switch sniff(data) {
	case formatPNG:
		config = func() (image.Config, error) { return png.DecodeConfig(r()) }
		decode = func() (image.Image, error) { return png.Decode(r()) }
		mime = "image/png"
	case formatJPEG:
		config = func() (image.Config, error) { return jpeg.DecodeConfig(r()) }
		decode = func() (image.Image, error) { return jpeg.Decode(r()) }
		mime = "image/jpeg"
	default:
		return Page{}, DeviceError(ErrBadPage, device, fmt.Errorf("page is neither PNG nor JPEG (%d bytes)", len(data)))
	}
	cfg, err := config()
	if err != nil {
		return Page{}, DeviceError(ErrBadPage, device, err)
	}
	// The import's own check, so that a scan costs what a file may; its
	// error speaks of files, the scanner's of pages.
	if err := l.checkPixels(device, cfg); err != nil {
		kind := ErrBadPage
		if app.ErrorCode(err) == "scan.image_too_large" {
			kind = ErrPageTooLarge
		}
		return Page{}, DeviceError(kind, device, fmt.Errorf("page of %dx%d pixels: %w", cfg.Width, cfg.Height, err))
	}
	img, err := decodeGuarded(decode)
	if err != nil {
		return Page{}, DeviceError(ErrBadPage, device, err)
	}
	return Page{Image: img, Data: data, ContentType: mime}, nil
}
