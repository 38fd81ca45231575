package scan

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func TestImportJPEGKeepsFileAndResolution(t *testing.T) {
	want, err := os.ReadFile("testdata/card.jpg")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := ImportFile("testdata/card.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("pages = %d, want 1", len(pages))
	}
	p := pages[0]
	if p.DPI != 300 || p.ContentType != "image/jpeg" || !bytes.Equal(p.Data, want) || p.Source != "card.jpg" || p.Number != 0 {
		t.Errorf("page = dpi %v type %q source %q same bytes %v", p.DPI, p.ContentType, p.Source, bytes.Equal(p.Data, want))
	}
	if b := p.Image.Bounds(); b.Dx() != 1011 || b.Dy() != 638 {
		t.Errorf("size = %v", b)
	}
}

// halves is a w x h image whose left half is red and right half blue.
func halves(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{0, 0, 255, 255}
			if x < w/2 {
				c = color.NRGBA{255, 0, 0, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// withEXIF inserts an EXIF segment holding only an orientation after the
// JPEG's SOI marker, as cameras write it.
func withEXIF(t *testing.T, jpg []byte, orientation uint16) []byte {
	t.Helper()
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	binary.Write(&tiff, binary.BigEndian, uint32(8))
	binary.Write(&tiff, binary.BigEndian, uint16(1))
	binary.Write(&tiff, binary.BigEndian, []uint16{tagOrientation, 3})
	binary.Write(&tiff, binary.BigEndian, uint32(1))
	binary.Write(&tiff, binary.BigEndian, []uint16{orientation, 0})
	binary.Write(&tiff, binary.BigEndian, uint32(0))
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	var out bytes.Buffer
	out.Write(jpg[:2])
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(jpg[2:])
	return out.Bytes()
}

func TestImportAppliesEXIFOrientation(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, halves(200, 100), &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	pages, err := Import("photo.jpg", bytes.NewReader(withEXIF(t, buf.Bytes(), 6)), -1)
	if err != nil {
		t.Fatal(err)
	}
	img := pages[0].Image
	if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 200 {
		t.Fatalf("size = %v, want 100x200 after a quarter turn", b)
	}
	// Orientation 6: the camera was turned clockwise, so the left (red)
	// half of the stored image is the top of the upright one.
	if r, _, bl, _ := img.At(50, 20).RGBA(); r < bl {
		t.Errorf("top is not red: r=%d b=%d", r, bl)
	}
	if r, _, bl, _ := img.At(50, 180).RGBA(); r > bl {
		t.Errorf("bottom is not blue: r=%d b=%d", r, bl)
	}
	if !bytes.HasPrefix(pages[0].Data, []byte("\x89PNG")) {
		t.Errorf("turned page kept the original bytes; viewers would turn it twice")
	}
}

func TestImportMultiPageTIFF(t *testing.T) {
	pages, err := ImportFile("testdata/two-pages.tif")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(pages))
	}
	// Page 1 has its black box on the left, page 2 on the right.
	dark := func(p Page, x, y int) bool {
		r, g, b, _ := p.Image.At(x, y).RGBA()
		return r+g+b < 3*0x4000
	}
	if !dark(pages[0], 200, 200) || dark(pages[0], 700, 200) || dark(pages[1], 200, 200) || !dark(pages[1], 700, 200) {
		t.Errorf("pages are not the two different pages of the file")
	}
	for i, p := range pages {
		if p.DPI != 300 || p.ContentType != "image/png" {
			t.Errorf("page %d: dpi %v type %q", i+1, p.DPI, p.ContentType)
		}
	}
	if pages[1].Source != "two-pages.tif" || pages[0].Number != 1 || pages[1].Number != 2 {
		t.Errorf("source %q, numbers %d, %d", pages[1].Source, pages[0].Number, pages[1].Number)
	}
}

func TestImportOtherFormats(t *testing.T) {
	img := halves(1011, 638)
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	pages, err := Import("card.png", &pngBuf, -1)
	if err != nil {
		t.Fatal(err)
	}
	if pages[0].DPI != 0 || pages[0].ContentType != "image/png" {
		t.Errorf("png without pHYs: dpi %v type %q", pages[0].DPI, pages[0].ContentType)
	}
}

// scannedPDF builds a PDF of the given JPEG scans at their physical size,
// the way a scanner's "save as PDF" does.
func scannedPDF(t *testing.T, dpi float64, scans ...[]byte) []byte {
	t.Helper()
	var doc []byte
	for _, s := range scans {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		if doc, err = appendImagePage(doc, s, image.Rect(0, 0, cfg.Width, cfg.Height), dpi); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

func TestImportScannedPDF(t *testing.T) {
	card, err := os.ReadFile("testdata/card.jpg")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := Import("id.pdf", bytes.NewReader(scannedPDF(t, 300, card, card)), -1)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(pages))
	}
	p := pages[1]
	if p.DPI < 299 || p.DPI > 301 || p.ContentType != "image/jpeg" || !bytes.Equal(p.Data, card) || p.Source != "id.pdf" || p.Number != 2 {
		t.Errorf("page 2: dpi %v type %q source %q #%d same bytes %v", p.DPI, p.ContentType, p.Source, p.Number, bytes.Equal(p.Data, card))
	}
}

func TestImportRefusals(t *testing.T) {
	card, err := os.ReadFile("testdata/card.jpg")
	if err != nil {
		t.Fatal(err)
	}
	tif, err := os.ReadFile("testdata/two-pages.tif")
	if err != nil {
		t.Fatal(err)
	}
	textPDF, err := os.ReadFile("testdata/text-only.pdf")
	if err != nil {
		t.Fatal(err)
	}
	pdf := scannedPDF(t, 300, card)
	var enc bytes.Buffer
	conf := model.NewDefaultConfiguration()
	conf.UserPW, conf.OwnerPW = "secret", "owner"
	if err := api.Encrypt(bytes.NewReader(pdf), &enc, conf); err != nil {
		t.Fatal(err)
	}
	tiny := DefaultLimits
	tiny.MaxPixels = 1000 * 600
	small := DefaultLimits
	small.MaxFileBytes = 1000
	onePage := DefaultLimits
	onePage.MaxPages = 1

	cases := []struct {
		name   string
		limits Limits
		data   []byte
		code   string
	}{
		{"empty.jpg", DefaultLimits, nil, "scan.empty_file"},
		{"notes.txt", DefaultLimits, []byte("this is not an image"), "scan.unsupported_format"},
		{"cut.jpg", DefaultLimits, card[:len(card)/2], "scan.corrupt_image"},
		{"header.jpg", DefaultLimits, card[:20], "scan.corrupt_image"},
		{"big.jpg", tiny, card, "scan.image_too_large"},
		{"big.pdf", tiny, pdf, "scan.image_too_large"},
		{"huge.jpg", small, card, "scan.file_too_large"},
		{"many.tif", onePage, tif, "scan.too_many_pages"},
		{"many.pdf", onePage, scannedPDF(t, 300, card, card), "scan.too_many_pages"},
		{"cut.pdf", DefaultLimits, pdf[:len(pdf)/3], "scan.corrupt_pdf"},
		{"locked.pdf", DefaultLimits, enc.Bytes(), "scan.encrypted_pdf"},
		{"letter.pdf", DefaultLimits, textPDF, "scan.pdf_page_without_image"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages, err := c.limits.Import(c.name, bytes.NewReader(c.data), int64(len(c.data)))
			if code := app.ErrorCode(err); code != c.code {
				t.Fatalf("code = %q (%v, %d pages), want %q", code, err, len(pages), c.code)
			}
			var e *app.Error
			if errors.As(err, &e); e.Data["file"] != c.name {
				t.Errorf("message does not name the file: %v", e.Data)
			}
		})
	}
}

func TestImportFileMissing(t *testing.T) {
	_, err := ImportFile(filepath.Join(t.TempDir(), "gone.jpg"))
	if app.ErrorCode(err) != "scan.file_not_found" {
		t.Errorf("err = %v", err)
	}
	_, err = ImportFile(t.TempDir())
	if app.ErrorCode(err) != "scan.not_a_file" {
		t.Errorf("err = %v", err)
	}
}

func TestImportBringsFineScansDownToWorkResolution(t *testing.T) {
	// A 600-dpi scan of a card: 2022x1276 pixels, red left, blue right.
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, halves(2022, 1276), &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	pages, err := Import("fine.jpg", bytes.NewReader(withJFIF(buf.Bytes(), 600)), -1)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if p.DPI != 300 || p.Image.Bounds() != image.Rect(0, 0, 1011, 638) {
		t.Fatalf("dpi %v size %v, want 300 dpi 1011x638", p.DPI, p.Image.Bounds())
	}
	if r, _, b, _ := p.Image.At(200, 300).RGBA(); r>>8 < 200 || b>>8 > 60 {
		t.Errorf("left is not red: r=%d b=%d", r>>8, b>>8)
	}
	if r, _, b, _ := p.Image.At(800, 300).RGBA(); b>>8 < 200 || r>>8 > 60 {
		t.Errorf("right is not blue: r=%d b=%d", r>>8, b>>8)
	}
	if !bytes.Equal(p.Data, withJFIF(buf.Bytes(), 600)) {
		t.Error("the original file is not kept")
	}
}
