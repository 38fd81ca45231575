package scan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
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
		return Page{}, l.pdfImageError(name, nr, err)
	}
	var imgs []pdfImage
	for _, m := range mm {
		if m.Thumb || m.IsImgMask {
			continue
		}
		pi, err := l.readPDFImage(name, nr, m)
		if err != nil {
			return Page{}, err
		}
		imgs = append(imgs, pi)
	}
	if len(imgs) == 0 {
		return Page{}, app.Errorf("scan.pdf_page_without_image", nil, "file", name, "page", nr)
	}
	var img image.Image
	var keep *encoded
	if parts := strips(imgs, dim); len(parts) > 1 {
		img, err = l.stack(name, nr, parts)
	} else {
		img, keep, err = l.decode(name, nr, largest(imgs))
	}
	if err != nil {
		return Page{}, err
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
	p, err := l.finish(img, name, dpi, 1, keep)
	p.Number = nr
	return p, err
}

// pdfImage is one image of a page, read but not decoded.
type pdfImage struct {
	objNr  int
	data   []byte
	cfg    image.Config
	keep   *encoded // the bytes, when they can be stored as they are
	decode func(io.Reader) (image.Image, error)
}

func (l Limits) readPDFImage(name string, nr int, m model.Image) (pdfImage, error) {
	data, err := io.ReadAll(io.LimitReader(m, l.MaxFileBytes+1))
	if err != nil || int64(len(data)) > l.MaxFileBytes {
		return pdfImage{}, app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
	}
	pi := pdfImage{objNr: m.ObjNr, data: data}
	var config func(io.Reader) (image.Config, error)
	switch m.FileType {
	case "jpg":
		pi.keep = &encoded{data, "image/jpeg"}
		config, pi.decode = jpeg.DecodeConfig, jpeg.Decode
	case "png":
		pi.keep = &encoded{data, "image/png"}
		config, pi.decode = png.DecodeConfig, png.Decode
	case "tif":
		config, pi.decode = tiff.DecodeConfig, tiff.Decode
	default:
		return pdfImage{}, app.Errorf("scan.pdf_image_unreadable", errors.New(m.FileType), "file", name, "page", nr)
	}
	if pi.cfg, err = config(bytes.NewReader(data)); err != nil {
		return pdfImage{}, app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
	}
	return pi, nil
}

// largest is the scan among a page's images: a page with a few small
// logos beside it is still that one image.
func largest(imgs []pdfImage) pdfImage {
	best := imgs[0]
	for _, m := range imgs[1:] {
		if m.cfg.Width*m.cfg.Height > best.cfg.Width*best.cfg.Height {
			best = m
		}
	}
	return best
}

// strips returns the bands a scanner cut the page into, top first: some
// save a page as bands of the same width, one under the other, which
// together have the page's proportions. It returns nil otherwise. The
// bands are taken in the order they were written (object number), which
// is the order scanners write them in.
func strips(imgs []pdfImage, dim types.Dim) []pdfImage {
	if len(imgs) < 2 || dim.Width <= 0 {
		return nil
	}
	w, total := imgs[0].cfg.Width, 0
	for _, m := range imgs {
		if m.cfg.Width != w || w <= 0 {
			return nil
		}
		total += m.cfg.Height
	}
	if math.Abs(float64(total)/float64(w)/(dim.Height/dim.Width)-1) > 0.02 {
		return nil
	}
	out := append([]pdfImage(nil), imgs...)
	sort.Slice(out, func(i, j int) bool { return out[i].objNr < out[j].objNr })
	return out
}

// stack decodes the bands of a page and puts them one under the other.
func (l Limits) stack(name string, nr int, parts []pdfImage) (image.Image, error) {
	w, h := parts[0].cfg.Width, 0
	for _, m := range parts {
		h += m.cfg.Height
	}
	if err := l.checkPixels(name, image.Config{Width: w, Height: h}); err != nil {
		return nil, err
	}
	page := image.NewRGBA(image.Rect(0, 0, w, h))
	y := 0
	for _, m := range parts {
		img, _, err := l.decode(name, nr, m)
		if err != nil {
			return nil, err
		}
		b := img.Bounds()
		draw.Draw(page, image.Rect(0, y, w, y+b.Dy()), img, b.Min, draw.Src)
		y += b.Dy()
	}
	return page, nil
}

// decode decodes one image of a page within the pixel limit.
func (l Limits) decode(name string, nr int, m pdfImage) (image.Image, *encoded, error) {
	if err := l.checkPixels(name, m.cfg); err != nil {
		return nil, nil, err
	}
	img, err := decodeGuarded(func() (image.Image, error) { return m.decode(bytes.NewReader(m.data)) })
	if err != nil {
		return nil, nil, app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
	}
	return img, m.keep, nil
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

// pdfcpuPixels is how pdfcpu refuses an image past the pixel limit
// pdfConfig gave it; it has no error value for that, only these words.
var pdfcpuPixels = regexp.MustCompile(`pixel count (\d+) exceeds limit`)

// pdfImageError says why a page's images could not be taken out: an image
// declaring more pixels than the limit is too large, like any other
// image, rather than unreadable.
func (l Limits) pdfImageError(name string, nr int, err error) error {
	if m := pdfcpuPixels.FindStringSubmatch(err.Error()); m != nil {
		px, _ := strconv.ParseInt(m[1], 10, 64)
		return app.Errorf("scan.image_too_large", err, "file", name,
			"megapixels", px/1_000_000, "max_megapixels", l.MaxPixels/1_000_000)
	}
	return app.Errorf("scan.pdf_image_unreadable", err, "file", name, "page", nr)
}

func pdfError(name string, err error) error {
	if err != nil && (errors.Is(err, pdfcpu.ErrWrongPassword) || errors.Is(err, pdfcpu.ErrEncrypted) ||
		errors.Is(err, pdfcpu.ErrUnsupportedEncryptionFeature) || strings.Contains(err.Error(), "password")) {
		return app.Errorf("scan.encrypted_pdf", err, "file", name)
	}
	return app.Errorf("scan.corrupt_pdf", err, "file", name)
}
