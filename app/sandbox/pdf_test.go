package sandbox_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

// pdfOf packs n small grey pages into one PDF the way the app does.
func pdfOf(t *testing.T, n int) app.Page {
	t.Helper()
	var pages []app.Page
	for range n {
		img := image.NewGray(image.Rect(0, 0, 1011, 638))
		for i := range img.Pix {
			img.Pix[i] = 200
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, app.Page{Label: "page", ContentType: "image/png", Data: buf.Bytes(), DPI: 300})
	}
	pdf, err := scan.PackPDF(pages)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// The app submits the pages as one PDF; the service counts the PDF's
// pages against the limit and refuses what is not a PDF.
func TestSubmittedPDFPagesCount(t *testing.T) {
	c := start(t).Client(bram, bakery)
	ctx := context.Background()

	r := complete(app.Female)
	r.Pages = []app.Page{pdfOf(t, 2)}
	if rc, err := c.Submit(ctx, r); err != nil || rc.Status != app.Allocated {
		t.Fatalf("a two-page PDF: %+v, %v", rc, err)
	}

	r = complete(app.Female)
	r.Pages = []app.Page{pdfOf(t, 5)}
	if _, err := c.Submit(ctx, r); app.ErrorCode(err) != "request.too_many_pages" {
		t.Fatalf("a five-page PDF: %v, want request.too_many_pages", err)
	}

	r = complete(app.Female)
	r.Pages = []app.Page{{Label: "document", ContentType: "application/pdf", Data: []byte("%PDF-1.7 not really")}}
	if _, err := c.Submit(ctx, r); app.ErrorCode(err) != "service.bad_page" {
		t.Fatalf("a broken PDF: %v, want service.bad_page", err)
	}
}
