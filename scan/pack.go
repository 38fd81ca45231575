package scan

import (
	"bytes"

	"github.com/idpro/idpro/app"
)

// PackPDF makes a request's pages the one PDF that is submitted and
// archived: each page at its physical size, under the export's size limit
// per page (DefaultExport).
func PackPDF(pages []app.Page) (app.Page, error) {
	var in []Page
	for _, p := range pages {
		got, err := Import(p.Label, bytes.NewReader(p.Data), int64(len(p.Data)))
		if err != nil {
			return app.Page{}, err
		}
		for _, g := range got {
			if p.DPI > 0 {
				g.DPI = p.DPI
			}
			in = append(in, g)
		}
	}
	var buf bytes.Buffer
	if err := ExportPDF(&buf, in); err != nil {
		return app.Page{}, err
	}
	return app.Page{Label: "document", ContentType: "application/pdf", Data: buf.Bytes()}, nil
}
