package scan

import (
	"bytes"

	"github.com/idpro/idpro/app"
)

// FromStored decodes a page as the request stores it (one image each) back
// into a Page, with the resolution it was stored with.
func FromStored(p app.Page) (Page, error) {
	got, err := Import(p.Label, bytes.NewReader(p.Data), int64(len(p.Data)))
	if err != nil {
		return Page{}, err
	}
	if len(got) != 1 {
		return Page{}, app.Errorf("scan.corrupt_image", nil, "file", p.Label)
	}
	if p.DPI > 0 {
		got[0].DPI = p.DPI
	}
	return got[0], nil
}

// PackPDF makes a request's pages the one PDF that is submitted and
// archived: each page at its physical size, under the export's size limit
// per page (DefaultExport).
func PackPDF(pages []app.Page) (app.Page, error) {
	var in []Page
	for _, p := range pages {
		page, err := FromStored(p)
		if err != nil {
			return app.Page{}, err
		}
		in = append(in, page)
	}
	var buf bytes.Buffer
	if err := ExportPDF(&buf, in); err != nil {
		return app.Page{}, err
	}
	return app.Page{Label: "document", ContentType: "application/pdf", Data: buf.Bytes()}, nil
}
