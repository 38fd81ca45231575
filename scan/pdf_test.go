package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"testing"
)

// stripPDF is a one-page PDF whose scan is stored as JPEG bands, one
// under the other, as some scanners write a page. The page is w x h
// points; the bands are drawn top first.
func stripPDF(t *testing.T, w, h float64, bands ...image.Image) []byte {
	t.Helper()
	var objs []string
	var content, xobjs bytes.Buffer
	y := h
	for i, band := range bands {
		var jpg bytes.Buffer
		if err := jpeg.Encode(&jpg, band, &jpeg.Options{Quality: 95}); err != nil {
			t.Fatal(err)
		}
		b := band.Bounds()
		bh := h * float64(b.Dy()) / float64(bandsHeight(bands))
		y -= bh
		fmt.Fprintf(&content, "q %g 0 0 %g 0 %g cm /Im%d Do Q\n", w, bh, y, i)
		fmt.Fprintf(&xobjs, "/Im%d %d 0 R ", i, 5+i)
		objs = append(objs, fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
			b.Dx(), b.Dy(), jpg.Len(), jpg.String()))
	}
	head := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << /XObject << %s>> >> /Contents 4 0 R >>", w, h, xobjs.String()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()),
	}
	objs = append(head, objs...)
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return out.Bytes()
}

func bandsHeight(bands []image.Image) int {
	h := 0
	for _, b := range bands {
		h += b.Bounds().Dy()
	}
	return h
}

// A page saved as bands comes in whole, the bands in their places.
func TestImportPDFOfStrips(t *testing.T) {
	// A 300-dpi card: red left, blue right, cut into three bands; the
	// middle one is darkened to tell the order.
	card := halves(1011, 638)
	var bands []image.Image
	for i, y := range []int{0, 200, 400, 638} {
		if i == 3 {
			break
		}
		band := nrgba(card.SubImage(image.Rect(0, y, 1011, []int{200, 400, 638}[i])))
		if i == 1 {
			for p := 0; p < len(band.Pix); p += 4 {
				band.Pix[p], band.Pix[p+2] = band.Pix[p]/3, band.Pix[p+2]/3
			}
		}
		bands = append(bands, band)
	}
	doc := stripPDF(t, 1011*72/300.0, 638*72/300.0, bands...)
	pages, err := Import("strips.pdf", bytes.NewReader(doc), -1)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if p.Image.Bounds().Size() != image.Pt(1011, 638) || p.DPI < 299 || p.DPI > 301 {
		t.Fatalf("%v at %.0f dpi; want the whole 1011x638 card at 300", p.Image.Bounds(), p.DPI)
	}
	for _, c := range []struct {
		y    int
		dark bool
	}{{100, false}, {300, true}, {500, false}} {
		r, _, _, _ := p.Image.At(200, c.y).RGBA()
		if dark := r>>8 < 150; dark != c.dark {
			t.Errorf("row %d: red %d, the bands are out of order", c.y, r>>8)
		}
	}
}

// A page holding a scan and a small logo is the scan.
func TestImportPDFTakesTheScanBesideALogo(t *testing.T) {
	logo := halves(60, 40)
	card := halves(1011, 638)
	for _, order := range [][]image.Image{{logo, card}, {card, logo}} {
		doc := stripPDF(t, 1011*72/300.0, 678*72/300.0, order...)
		pages, err := Import("letter.pdf", bytes.NewReader(doc), -1)
		if err != nil {
			t.Fatal(err)
		}
		if s := pages[0].Image.Bounds().Size(); s != image.Pt(1011, 638) {
			t.Errorf("took the %v image", s)
		}
	}
}
