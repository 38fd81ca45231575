package scan

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr/specimen"
)

func TestExportKeepsPhysicalSizeAndQuality(t *testing.T) {
	var pages []Page
	for i, k := range []specimen.Kind{specimen.Passport, specimen.IDCard} {
		img := render(k, uint64(20+i), specimen.RenderOptions{DPI: 300, Page: specimen.Card, Noise: 2, Seed: uint64(20 + i)})
		clean, _, err := Clean(Page{Image: img, DPI: 300, Source: k.String()})
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, clean)
	}
	// A budget small enough that the passport page must be squeezed.
	exp := DefaultExport
	exp.MaxPageBytes = 150 << 10
	var pdf bytes.Buffer
	if err := exp.PDF(&pdf, pages); err != nil {
		t.Fatal(err)
	}
	back, err := Import("request.pdf", &pdf, int64(pdf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(pages) {
		t.Fatalf("%d pages back, want %d", len(back), len(pages))
	}
	for i, p := range back {
		if len(p.Data) > exp.MaxPageBytes*11/10 {
			t.Errorf("page %d: %d bytes, budget %d", i+1, len(p.Data), exp.MaxPageBytes)
		}
		// Physical size survives: width in mm the same as the clean page's.
		want := float64(pages[i].Image.Bounds().Dx()) / pages[i].DPI * 25.4
		got := float64(p.Image.Bounds().Dx()) / p.DPI * 25.4
		if math.Abs(got-want) > 0.5 {
			t.Errorf("page %d: %.1f mm wide, want %.1f", i+1, got, want)
		}
		if p.DPI < exp.MinDPI-1 {
			t.Errorf("page %d: exported at %.0f dpi", i+1, p.DPI)
		}
		r := Checker{}.Check(context.Background(), p)
		if r.Level() == Block {
			t.Errorf("page %d blocked after export: %s", i+1, summary(r))
		}
	}
}

func TestExportRefusesNoPages(t *testing.T) {
	if err := ExportPDF(&bytes.Buffer{}, nil); app.ErrorCode(err) != "scan.no_pages" {
		t.Errorf("err = %v", err)
	}
}
