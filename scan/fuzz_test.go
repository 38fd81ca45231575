package scan

import (
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/hhrutter/tiff"
	"github.com/idpro/idpro/app"
	"golang.org/x/image/bmp"
)

// fuzzLimits keep each fuzz run small: a hostile file must be refused
// by the limits, not by running out of memory.
//
// Images over 0.1 MP are brought down, so that seeds of that size go the
// row-by-row way (PNG, TIFF).
var fuzzLimits = Limits{MaxFileBytes: 1 << 20, MaxPixels: 4_000_000, MaxPages: MaxPages, WorkDPI: 300, MaxWorkPixels: 100_000}

func seedImages(f *testing.F) {
	small := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for i := range small.Pix {
		small.Pix[i] = uint8(i * 7)
	}
	for _, enc := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return jpeg.Encode(b, small, nil) },
		func(b *bytes.Buffer) error { return png.Encode(b, small) },
		func(b *bytes.Buffer) error { return gif.Encode(b, small, nil) },
		func(b *bytes.Buffer) error { return bmp.Encode(b, small) },
	} {
		var b bytes.Buffer
		if err := enc(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	// Small seeds keep each execution fast enough for the fuzzer to
	// explore; the full-size files are covered by the import tests.
	var tif bytes.Buffer
	if err := tiff.EncodeAll(&tif, []image.Image{small, small}, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(tif.Bytes())
	// Read row by row: 16-bit PNG, 16-bit TIFF in place and compressed.
	mid := image.NewRGBA64(image.Rect(0, 0, 400, 300))
	for i := range mid.Pix {
		mid.Pix[i] = uint8(i * 13)
	}
	var png16, tif16 bytes.Buffer
	if err := png.Encode(&png16, mid); err != nil {
		f.Fatal(err)
	}
	if err := tiff.Encode(&tif16, mid, &tiff.Options{Compression: tiff.Deflate, Predictor: true}); err != nil {
		f.Fatal(err)
	}
	f.Add(png16.Bytes())
	f.Add(tif16.Bytes())
	f.Add(rgbTIFFBits(mid, 0, 16))
	text, err := os.ReadFile("testdata/text-only.pdf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(text)
	// A WebP header and a bomb: a PNG claiming 100000x100000 pixels.
	f.Add([]byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"))
	var bomb bytes.Buffer
	png.Encode(&bomb, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := bomb.Bytes()
	copy(b[16:24], []byte{0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0})
	f.Add(b)
}

// FuzzImport feeds any bytes to Import: it must return pages or an
// *app.Error, never panic or hang.
func FuzzImport(f *testing.F) {
	seedImages(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := fuzzLimits.Import("fuzz", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if app.ErrorCode(err) == "" {
				t.Fatalf("not an app.Error: %v", err)
			}
			return
		}
		if len(pages) == 0 || len(pages) > MaxPages {
			t.Fatalf("%d pages", len(pages))
		}
		for _, p := range pages {
			if p.Image == nil || len(p.Data) == 0 {
				t.Fatal("page without image or data")
			}
		}
	})
}

// imagePDFs are one-page PDFs of a small image stored each way scanners
// store it: DCT (a JPEG), Flate (pdfcpu stores a PNG so) and a TIFF
// (stored as Flate too, from another decoder).
func imagePDFs(tb testing.TB) map[string][]byte {
	small := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for i := range small.Pix {
		small.Pix[i] = uint8(i * 7)
	}
	docs := map[string][]byte{}
	for name, enc := range map[string]func(*bytes.Buffer) error{
		"jpeg": func(b *bytes.Buffer) error { return jpeg.Encode(b, small, nil) },
		"png":  func(b *bytes.Buffer) error { return png.Encode(b, small) },
		"tiff": func(b *bytes.Buffer) error { return tiff.Encode(b, small, nil) },
	} {
		var b bytes.Buffer
		if err := enc(&b); err != nil {
			tb.Fatal(err)
		}
		doc, err := appendImagePage(nil, b.Bytes(), small.Rect, 300)
		if err != nil {
			tb.Fatal(name, err)
		}
		docs[name] = doc
	}
	return docs
}

// The fuzz seeds import: each way of storing an image in a PDF is read.
func TestImportPDFImageEncodings(t *testing.T) {
	for name, doc := range imagePDFs(t) {
		pages, err := Import(name+".pdf", bytes.NewReader(doc), -1)
		if err != nil || len(pages) != 1 || pages[0].Image.Bounds().Size() != image.Pt(40, 30) {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if r, g, b, _ := pages[0].Image.At(10, 10).RGBA(); r == g && g == b {
			t.Errorf("%s: colour lost", name)
		}
	}
}

// FuzzImportPDF mutates a real scanned PDF, where random bytes would
// rarely get past the header.
func FuzzImportPDF(f *testing.F) {
	for _, doc := range imagePDFs(f) {
		f.Add(doc)
	}
	text, err := os.ReadFile("testdata/text-only.pdf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(text)
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := fuzzLimits.Import("fuzz.pdf", bytes.NewReader(data), int64(len(data))); err != nil && app.ErrorCode(err) == "" {
			t.Fatalf("not an app.Error: %v", err)
		}
	})
}

// FuzzCheck runs the checks on arbitrary small images: odd sizes, flat
// colours and noise must give a report, never a panic.
func FuzzCheck(f *testing.F) {
	f.Add(uint16(1), uint16(1), uint64(0), 0.0)
	f.Add(uint16(300), uint16(200), uint64(7), 300.0)
	f.Add(uint16(9), uint16(1000), uint64(3), 72.0)
	f.Fuzz(func(t *testing.T, w, h uint16, seed uint64, dpi float64) {
		w, h = w%1200+1, h%1200+1
		img := image.NewGray(image.Rect(0, 0, int(w), int(h)))
		x := seed
		for i := range img.Pix {
			x = x*6364136223846793005 + 1442695040888963407
			img.Pix[i] = uint8(x >> 56)
		}
		r := Checker{}.Check(t.Context(), Page{Image: img, DPI: dpi})
		if len(r.Checks) == 0 {
			t.Fatal("no checks")
		}
		if _, _, err := Clean(Page{Image: img, DPI: dpi}); err != nil {
			t.Fatal(err)
		}
	})
}
