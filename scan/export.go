package scan

import (
	"bytes"
	"image"
	"image/jpeg"
	"io"
	"math"

	"github.com/disintegration/imaging"
	"github.com/idpro/idpro/app"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Export says how the pages of a request become the PDF that is submitted
// and archived.
type Export struct {
	// MaxPageBytes bounds each page's image: the service and the mailboxes
	// it feeds refuse large attachments. A page that does not fit even at
	// MinQuality and MinDPI is exported over it, at those, rather than
	// unreadable (a 300-dpi identity document at quality 60 takes a few
	// hundred kilobytes; only a busy full A4 page comes near 1 MB).
	MaxPageBytes int
	// MinQuality is the lowest JPEG quality tried before the page is
	// scaled down; below about 60 JPEG blocks blur the MRZ.
	MinQuality int
	// MinDPI is the resolution a page is never scaled below, so that the
	// exported page still passes the resolution check.
	MinDPI float64
	// DefaultDPI sizes a page whose resolution is unknown.
	DefaultDPI float64
}

// DefaultExport keeps a 300-dpi passport page (about 1500x1000 pixels)
// well under its budget at quality 85.
var DefaultExport = Export{MaxPageBytes: 1 << 20, MinQuality: 60, MinDPI: 300, DefaultDPI: 300}

// ExportPDF writes pages as one PDF with DefaultExport.
func ExportPDF(w io.Writer, pages []Page) error {
	return DefaultExport.PDF(w, pages)
}

// PDF writes pages as one PDF, each page at its physical size (from its
// DPI) holding its image re-encoded as JPEG under MaxPageBytes.
func (e Export) PDF(w io.Writer, pages []Page) error {
	if len(pages) == 0 {
		return app.Errorf("scan.no_pages", nil)
	}
	api.DisableConfigDir()
	var doc []byte
	for i, p := range pages {
		if p.Image == nil || p.Image.Bounds().Empty() {
			return app.Errorf("scan.export_failed", nil, "page", i+1)
		}
		dpi := p.DPI
		if dpi <= 0 {
			dpi = e.DefaultDPI
		}
		jpg, err := e.encode(p.Image, dpi)
		if err != nil {
			return app.Errorf("scan.export_failed", err, "page", i+1)
		}
		if doc, err = appendImagePage(doc, jpg, p.Image.Bounds(), dpi); err != nil {
			return app.Errorf("scan.export_failed", err, "page", i+1)
		}
	}
	if _, err := w.Write(doc); err != nil {
		return app.Errorf("scan.write_failed", err)
	}
	return nil
}

// encode lowers the JPEG quality first and the resolution (not below
// MinDPI) only when that is not enough: resolution is what the checks and
// the MRZ reader need most.
func (e Export) encode(img image.Image, dpi float64) ([]byte, error) {
	var buf bytes.Buffer
	for {
		for q := 90; q >= e.MinQuality; q -= 10 {
			buf.Reset()
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
				return nil, err
			}
			if buf.Len() <= e.MaxPageBytes {
				return buf.Bytes(), nil
			}
		}
		if dpi <= e.MinDPI*1.05 {
			// Nothing more can go without failing the checks: a page this
			// busy is submitted a little over budget rather than unreadable.
			return buf.Bytes(), nil
		}
		scale := math.Max(e.MinDPI/dpi, 0.8)
		b := img.Bounds()
		img = imaging.Resize(img, max(1, int(float64(b.Dx())*scale)), 0, imaging.Box)
		dpi *= scale
	}
}

// appendImagePage adds a page of the image's physical size, filled by it.
func appendImagePage(doc, jpg []byte, px image.Rectangle, dpi float64) ([]byte, error) {
	imp := pdfcpu.DefaultImportConfig()
	w, h := float64(px.Dx())*72/dpi, float64(px.Dy())*72/dpi
	imp.PageDim = &types.Dim{Width: w, Height: h}
	imp.PageSize = ""
	imp.UserDim = true
	imp.Pos = types.Center
	imp.ScaleAbs = true
	imp.Scale = w / float64(px.Dx())
	var rs io.ReadSeeker
	if doc != nil {
		rs = bytes.NewReader(doc)
	}
	var out bytes.Buffer
	if err := api.ImportImages(rs, &out, []io.Reader{bytes.NewReader(jpg)}, imp, nil); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
