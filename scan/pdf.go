package scan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"strings"

	"github.com/hhrutter/tiff"
	"github.com/idpro/idpro/app"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfConfig is pdfcpu's configuration with the import limits applied to
// the streams and images it decodes.
func (l Limits) pdfConfig() *model.Configuration {
	// pdfcpu otherwise creates ~/.config/pdfcpu on first use.
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.Limits.MaxImagePixels = l.MaxPixels
	conf.Limits.MaxImageBytes = 4 * l.MaxPixels
	conf.Limits.MaxDecodeBytes = 4 * l.MaxPixels
	conf.Limits.MaxStreamBytes = l.MaxFileBytes
	// A scanned document of four pages has some tens of objects; the
	// defaults (ten million) let a forged xref size cost seconds of
	// allocation before anything is refused.
	conf.Limits.MaxObjectCount = 100_000
	conf.Limits.MaxXRefEntries = 100_000
	conf.Limits.MaxObjectStreamCount = 100_000
	return conf
}

// importPDF takes the image embedded in each page of a scanned PDF; pdfcpu
// cannot render pages, and a scan is an image per page.
func (l Limits) importPDF(name string, b []byte) (pages []Page, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = nil, app.Errorf("scan.corrupt_pdf", fmt.Errorf("pdfcpu panic: %v", r), "file", name)
		}
	}()
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(b), l.pdfConfig())
	if err != nil {
		return nil, pdfError(name, err)
	}
	if ctx.PageCount == 0 {
		return nil, app.Errorf("scan.corrupt_pdf", nil, "file", name)
	}
	if ctx.PageCount > l.MaxPages {
		return nil, app.Errorf("scan.too_many_pages", nil, "file", name, "max", l.MaxPages)
	}
	dims, err := ctx.PageDims()
	if err != nil || len(dims) != ctx.PageCount {
		return nil, pdfError(name, err)
	}
	for nr := 1; nr <= ctx.PageCount; nr++ {
		p, err := l.importPDFPage(ctx, name, nr, dims[nr-1])
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func (l Limits) importPDFPage(ctx *model.Context, name string, nr int, dim types.Dim) (Page, error) {
	mm, err := pdfcpu.ExtractPageImages(ctx, nr, false)
	if err != nil {
		return Page{}, app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
	}
	// A scan is one image; a page with a few small logos beside it is
	// still that one image.
	var best *model.Image
	for _, m := range mm {
		if m.Thumb || m.IsImgMask {
			continue
		}
		if best == nil || m.Width*m.Height > best.Width*best.Height {
			best = &m
		}
	}
	if best == nil {
		return Page{}, app.Errorf("scan.pdf_page_without_image", nil, "file", name, "page", nr)
	}
	data, err := io.ReadAll(io.LimitReader(best, l.MaxFileBytes+1))
	if err != nil || int64(len(data)) > l.MaxFileBytes {
		return Page{}, app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
	}
	var keep *encoded
	var config func(io.Reader) (image.Config, error)
	var decode func(io.Reader) (image.Image, error)
	switch best.FileType {
	case "jpg":
		keep = &encoded{data, "image/jpeg"}
		config, decode = jpeg.DecodeConfig, jpeg.Decode
	case "png":
		keep = &encoded{data, "image/png"}
		config, decode = png.DecodeConfig, png.Decode
	case "tif":
		config, decode = tiff.DecodeConfig, tiff.Decode
	default:
		return Page{}, app.Errorf("scan.pdf_image_unreadable", errors.New(best.FileType), "file", name, "page", nr)
	}
	cfg, err := config(bytes.NewReader(data))
	if err != nil {
		return Page{}, app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
	}
	if err := l.checkPixels(name, cfg); err != nil {
		return Page{}, err
	}
	img, err := decodeGuarded(func() (image.Image, error) { return decode(bytes.NewReader(data)) })
	if err != nil {
		return Page{}, app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
	}
	_, _, inh, err := ctx.PageDict(nr, false)
	if err == nil && inh != nil {
		img, keep = rotatePDF(img, ((inh.Rotate%360)+360)%360, keep)
	}
	// The scan fills the page, so its pixels over the page's size in inches
	// is its resolution; long side to long side whatever the rotation.
	dpi := 0.0
	if long := max(dim.Width, dim.Height); long > 0 {
		b := img.Bounds()
		dpi = float64(max(b.Dx(), b.Dy())) / (long / 72)
	}
	return l.finish(img, fmt.Sprintf("%s, page %d", name, nr), dpi, 1, keep)
}

// rotatePDF applies a page's /Rotate (clockwise degrees) to its image.
func rotatePDF(img image.Image, rot int, keep *encoded) (image.Image, *encoded) {
	switch rot {
	case 90:
		return orientImage(img, 6), nil
	case 180:
		return orientImage(img, 3), nil
	case 270:
		return orientImage(img, 8), nil
	}
	return img, keep
}

func pdfError(name string, err error) error {
	if err != nil && (errors.Is(err, pdfcpu.ErrWrongPassword) || errors.Is(err, pdfcpu.ErrEncrypted) ||
		errors.Is(err, pdfcpu.ErrUnsupportedEncryptionFeature) || strings.Contains(err.Error(), "password")) {
		return app.Errorf("scan.encrypted_pdf", err, "file", name)
	}
	return app.Errorf("scan.corrupt_pdf", err, "file", name)
}
