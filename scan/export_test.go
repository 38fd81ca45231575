package scan

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
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
		if len(p.Data) > exp.MaxPageBytes {
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

// exportOne exports one page with e and brings it back.
func exportOne(t *testing.T, e Export, p Page) Page {
	t.Helper()
	var pdf bytes.Buffer
	if err := e.PDF(&pdf, []Page{p}); err != nil {
		t.Fatal(err)
	}
	back, err := Import("request.pdf", &pdf, int64(pdf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return back[0]
}

func jpegSize(t *testing.T, img image.Image, q int) int {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// A page that fits its budget only at the lowest quality is exported at
// that quality and its full resolution.
func TestExportLowersQualityBeforeResolution(t *testing.T) {
	img := render(specimen.Passport, 31, specimen.RenderOptions{DPI: 300, Page: specimen.Card, Noise: 4, Seed: 31})
	q60, q70 := jpegSize(t, img, 60), jpegSize(t, img, 70)
	e := DefaultExport
	e.MaxPageBytes = (q60 + q70) / 2
	p := exportOne(t, e, Page{Image: img, DPI: 300})
	if len(p.Data) != q60 || p.Image.Bounds() != img.Bounds() || math.Abs(p.DPI-300) > 0.5 {
		t.Errorf("%d bytes (quality 60: %d, 70: %d), %v at %.1f dpi; want quality 60 at full size",
			len(p.Data), q60, q70, p.Image.Bounds(), p.DPI)
	}
}

// A page finer than MinDPI that does not fit is brought down, not below
// MinDPI, until it does; the budget is kept.
func TestExportScalesFinePagesDown(t *testing.T) {
	img := render(specimen.IDCard, 32, specimen.RenderOptions{DPI: 600, Page: specimen.Card, Noise: 4, Seed: 32})
	e := DefaultExport
	e.MaxPageBytes = jpegSize(t, img, 60) / 2
	p := exportOne(t, e, Page{Image: img, DPI: 600})
	if len(p.Data) > e.MaxPageBytes || p.DPI >= 600 || p.DPI < e.MinDPI-1 {
		t.Errorf("%d bytes (budget %d) at %.0f dpi", len(p.Data), e.MaxPageBytes, p.DPI)
	}
	wantMM := float64(img.Bounds().Dx()) / 600 * 25.4
	if got := float64(p.Image.Bounds().Dx()) / p.DPI * 25.4; math.Abs(got-wantMM) > 0.5 {
		t.Errorf("%.1f mm wide, want %.1f", got, wantMM)
	}
}

// A page that does not fit even at MinQuality and MinDPI is exported over
// the budget, as the API says, rather than unreadable.
func TestExportKeepsResolutionOverBudget(t *testing.T) {
	img := render(specimen.IDCard, 33, specimen.RenderOptions{DPI: 300, Page: specimen.Card, Noise: 4, Seed: 33})
	e := DefaultExport
	e.MaxPageBytes = 10 << 10
	p := exportOne(t, e, Page{Image: img, DPI: 300})
	if len(p.Data) != jpegSize(t, img, e.MinQuality) || math.Abs(p.DPI-300) > 0.5 {
		t.Errorf("%d bytes at %.0f dpi; want quality %d at 300 dpi", len(p.Data), p.DPI, e.MinQuality)
	}
}
