package sandbox

import (
	"bytes"

	pdfapi "github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/idpro/idpro/app"
)

// pageCount is how many pages a submitted file holds: a PDF (the app sends
// the request's pages as one) counts its pages, an image is one.
func pageCount(p app.Page) (int, error) {
	if p.ContentType != "application/pdf" {
		return 1, nil
	}
	// pdfcpu would otherwise write its configuration to the user's config
	// directory on first use.
	pdfapi.DisableConfigDir()
	n, err := pdfapi.PageCount(bytes.NewReader(p.Data), nil)
	if err != nil {
		return 0, app.Errorf("service.bad_page", err, "type", p.ContentType)
	}
	return n, nil
}
