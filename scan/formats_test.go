package scan

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/hhrutter/tiff"
	"github.com/idpro/idpro/app"
	"golang.org/x/image/bmp"
)

// withPHYs inserts a pHYs chunk stating dpi after a PNG's IHDR, as
// scanners and editors write it.
func withPHYs(pngData []byte, dpi float64) []byte {
	var chunk bytes.Buffer
	ppm := uint32(dpi/0.0254 + 0.5)
	data := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32([]byte("pHYs"), ppm), ppm)
	data = append(data, 1)
	binary.Write(&chunk, binary.BigEndian, uint32(len(data)-4))
	chunk.Write(data)
	binary.Write(&chunk, binary.BigEndian, crc32.ChecksumIEEE(data))
	ihdrEnd := 8 + 12 + 13
	out := append([]byte{}, pngData[:ihdrEnd]...)
	out = append(out, chunk.Bytes()...)
	return append(out, pngData[ihdrEnd:]...)
}

// tiffWithDPI rewrites the resolution of every page of a TIFF written by
// hhrutter/tiff (which always states 72 dpi).
func tiffWithDPI(t testing.TB, b []byte, dpi uint32) []byte {
	t.Helper()
	b = append([]byte{}, b...)
	tf, first, ok := parseTIFF(b)
	if !ok {
		t.Fatal("not a TIFF")
	}
	dirs, _ := tf.pages(first, 10)
	for _, d := range dirs {
		for _, tag := range []uint16{tagXResolution, 283} {
			e, ok := d.entries[tag]
			if !ok {
				t.Fatal("no resolution tag")
			}
			off := tf.bo.Uint32(e.value)
			tf.bo.PutUint32(b[off:], dpi)
			tf.bo.PutUint32(b[off+4:], 1)
		}
	}
	return b
}

// redBlue tells whether img is red on its left and blue on its right, as
// halves draws it.
func redBlue(t *testing.T, img image.Image) {
	t.Helper()
	b := img.Bounds()
	l := color.NRGBAModel.Convert(img.At(b.Min.X+b.Dx()/4, b.Min.Y+b.Dy()/2)).(color.NRGBA)
	r := color.NRGBAModel.Convert(img.At(b.Min.X+3*b.Dx()/4, b.Min.Y+b.Dy()/2)).(color.NRGBA)
	if l.R < 200 || l.B > 60 || r.B < 200 || r.R > 60 {
		t.Errorf("%T: left %v, right %v; want red, blue", img, l, r)
	}
}

func TestImportBMPGIFWebP(t *testing.T) {
	img := halves(300, 200)
	var bmpBuf, gifBuf bytes.Buffer
	if err := bmp.Encode(&bmpBuf, img); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&gifBuf, img, nil); err != nil {
		t.Fatal(err)
	}
	lossy, err := os.ReadFile("testdata/card-lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	lossless, err := os.ReadFile("testdata/card-lossless.webp")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		size image.Point
	}{
		{"card.bmp", bmpBuf.Bytes(), image.Pt(300, 200)},
		{"card.gif", gifBuf.Bytes(), image.Pt(300, 200)},
		// testdata/card.jpg at half size, by ImageMagick (cwebp's library).
		{"card-lossy.webp", lossy, image.Pt(506, 319)},
		{"card-lossless.webp", lossless, image.Pt(506, 319)},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages, err := Import(c.name, bytes.NewReader(c.data), int64(len(c.data)))
			if err != nil {
				t.Fatal(err)
			}
			p := pages[0]
			if len(pages) != 1 || p.Image.Bounds().Size() != c.size || p.ContentType != "image/png" || !bytes.HasPrefix(p.Data, []byte("\x89PNG")) {
				t.Fatalf("%d pages, size %v, type %q", len(pages), p.Image.Bounds().Size(), p.ContentType)
			}
			if c.size.X == 300 {
				redBlue(t, p.Image)
			}
		})
	}
	// A BMP states its resolution in pixels per metre.
	bmpBuf.Reset()
	if err := bmp.Encode(&bmpBuf, halves(1011, 638)); err != nil {
		t.Fatal(err)
	}
	b := bmpBuf.Bytes()
	binary.LittleEndian.PutUint32(b[38:], 11811) // 300 dpi
	binary.LittleEndian.PutUint32(b[42:], 11811)
	if pages, err := Import("card.bmp", bytes.NewReader(b), -1); err != nil || pages[0].DPI != 300 {
		t.Errorf("bmp at 300 dpi: %v", err)
	}
}

func TestImportPNGResolution(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, halves(1011, 638)); err != nil {
		t.Fatal(err)
	}
	data := withPHYs(buf.Bytes(), 300)
	pages, err := Import("card.png", bytes.NewReader(data), -1)
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if p.DPI != 300 || !bytes.Equal(p.Data, data) || p.ContentType != "image/png" {
		t.Errorf("dpi %v, type %q, original kept %v", p.DPI, p.ContentType, bytes.Equal(p.Data, data))
	}
}

// A 600-dpi scan saved losslessly (PNG of any colour type, TIFF) is brought
// down to 300 dpi as YCbCr, a byte and a half a pixel, and stored as that
// working copy rather than the full-size file: four such pages otherwise
// took 679 MB.
func TestImportFineLosslessScans(t *testing.T) {
	src := halves(2022, 1276)
	paletted := image.NewPaletted(src.Rect, color.Palette{color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 0, 255, 255}})
	for i := range paletted.Pix {
		if i%paletted.Stride >= src.Rect.Dx()/2 {
			paletted.Pix[i] = 1
		}
	}
	gray16 := image.NewRGBA64(src.Rect)
	draw.Draw(gray16, gray16.Rect, src, image.Point{}, draw.Src)
	encode := func(img image.Image) []byte {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		return withPHYs(buf.Bytes(), 600)
	}
	var tif bytes.Buffer
	if err := tiff.Encode(&tif, src, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"rgba.png", encode(src)},
		{"paletted.png", encode(paletted)},
		{"rgb48.png", encode(gray16)},
		{"rgba.tif", tiffWithDPI(t, tif.Bytes(), 600)},
		{"rgb.tif", rgbTIFF(src, 600)},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages, err := Import(c.name, bytes.NewReader(c.data), -1)
			if err != nil {
				t.Fatal(err)
			}
			p := pages[0]
			if _, ok := p.Image.(*image.YCbCr); !ok || p.DPI != 300 || p.Image.Bounds() != image.Rect(0, 0, 1011, 638) {
				t.Fatalf("%T at %v dpi, %v; want YCbCr at 300 dpi, 1011x638", p.Image, p.DPI, p.Image.Bounds())
			}
			redBlue(t, p.Image)
			if p.ContentType != "image/jpeg" {
				t.Errorf("stored as %q", p.ContentType)
			}
			if cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.Data)); err != nil || cfg.Width != 1011 {
				t.Errorf("stored page: %v %v", cfg, err)
			}
		})
	}
}

// 16-bit colour decodes to 8 bytes a pixel, so it has half the pixel
// budget.
func TestImportCountsSixteenBitPixelsTwice(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA64(image.Rect(0, 0, 1000, 800))); err != nil {
		t.Fatal(err)
	}
	l := DefaultLimits
	l.MaxPixels = 1_000_000
	if _, err := l.Import("deep.png", bytes.NewReader(buf.Bytes()), -1); app.ErrorCode(err) != "scan.image_too_large" {
		t.Errorf("800,000 pixels of 16-bit colour against 1,000,000: %v", err)
	}
}

// Uncompressed 8-bit TIFF pages are read in place; compressed ones go to
// the decoder.
func TestTIFFRows(t *testing.T) {
	src := halves(64, 48)
	var deflate bytes.Buffer
	if err := tiff.Encode(&deflate, src, &tiff.Options{Compression: tiff.Deflate, Predictor: true}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		data    []byte
		inPlace bool
	}{{"rgb", rgbTIFF(src, 600), true}, {"deflate", deflate.Bytes(), false}} {
		tf, first, _ := parseTIFF(c.data)
		dirs, _ := tf.pages(first, 1)
		rows, ok := tf.tiffRows(dirs[0], 64, 48)
		if !ok || isStrips(rows) != c.inPlace {
			t.Errorf("%s: read by rows %v, in place %v", c.name, ok, isStrips(rows))
			continue
		}
		if c.inPlace {
			redBlue(t, rows)
		}
		row := make([]uint8, 3*64)
		for y := 0; y <= 10; y++ {
			rgbRow(rows, y, row)
		}
		if row[0] != 255 || row[3*63+2] != 255 {
			t.Errorf("%s: row %v", c.name, row[:6])
		}
	}
}
