package scan

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr/specimen"
	"golang.org/x/image/tiff"
)

// in converts img to a layout of model's kind.
func in(img image.Image, m draw.Image) draw.Image {
	draw.Draw(m, m.Bounds(), img, img.Bounds().Min, draw.Src)
	return m
}

// A PNG scan brought down while it is read row by row gives the working
// copy decoding it whole and shrinking it gives, in every layout a
// scanner writes: grey and colour, 8 and 16 bits, with alpha, paletted
// (Go's encoder uses every PNG filter on such an image).
func TestPNGRowsMatchTheWholeDecode(t *testing.T) {
	card := render(specimen.IDCard, 7, specimen.RandomOptions(7, specimen.Card, 600))
	b := card.Bounds()
	alpha := image.NewNRGBA(b)
	draw.Draw(alpha, b, card, b.Min, draw.Src)
	for i := 3; i < len(alpha.Pix); i += 4 {
		alpha.Pix[i] = 200 // not opaque: written as RGBA
	}
	pal := image.NewPaletted(b, color.Palette{color.Black, color.White, color.RGBA{200, 30, 30, 255}, color.Gray{128}})
	draw.Draw(pal, b, card, b.Min, draw.Src)
	for name, img := range map[string]image.Image{
		"grey 8":   in(card, image.NewGray(b)),
		"grey 16":  in(card, image.NewGray16(b)),
		"rgb 8":    card,
		"rgb 16":   in(card, image.NewRGBA64(b)),
		"rgba 8":   alpha,
		"paletted": pal,
	} {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		file := withPHYs(buf.Bytes(), 600)
		pages, err := Import("scan.png", bytes.NewReader(file), int64(len(file)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := pages[0]
		whole, err := png.Decode(bytes.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		want := shrink(whole, 2)
		if got.DPI != 300 || got.Image.Bounds() != want.Bounds() {
			t.Fatalf("%s: %v at %v dpi, want %v at 300", name, got.Image.Bounds(), got.DPI, want.Bounds())
		}
		if d := maxLumaDiff(got.Image, want); d > 1 {
			t.Errorf("%s: luminance differs by up to %d from the whole decode", name, d)
		}
	}
}

func maxLumaDiff(a, b image.Image) int {
	ga, gb := grayOf(a, a.Bounds()), grayOf(b, b.Bounds())
	d := 0
	for y := 0; y < ga.Rect.Dy(); y++ {
		for x := 0; x < ga.Rect.Dx(); x++ {
			va, vb := int(ga.Pix[y*ga.Stride+x]), int(gb.Pix[y*gb.Stride+x])
			d = max(d, va-vb, vb-va)
		}
	}
	return d
}

// pngHeader is a PNG of w x h 16-bit RGB declaring 600 dpi, with one
// tiny IDAT chunk: what a hostile or broken file may claim.
func pngHeader(w, h uint32) []byte {
	chunk := func(typ string, data []byte) []byte {
		out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
		out = append(append(out, typ...), data...)
		return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)
	ihdr = append(ihdr, 16, 2, 0, 0, 0)
	phys := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, 23622), 23622)
	phys = append(phys, 1)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, chunk("IHDR", ihdr)...)
	out = append(out, chunk("pHYs", phys)...)
	out = append(out, chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, chunk("IEND", nil)...)
}

// A header declaring more pixels than any scan is refused before a row is
// read; one declaring a scan's size whose rows are missing is corrupt.
func TestPNGRowsRefuseWhatNoScanIs(t *testing.T) {
	for _, c := range []struct {
		w, h uint32
		code string
	}{
		{100_000, 100_000, "scan.image_too_large"},
		{14_100, 20_000, "scan.corrupt_image"}, // A3 at 1200 dpi, declared only
	} {
		file := pngHeader(c.w, c.h)
		_, err := Import("scan.png", bytes.NewReader(file), int64(len(file)))
		if app.ErrorCode(err) != c.code {
			t.Errorf("%dx%d: %v, want %s", c.w, c.h, err, c.code)
		}
	}
}

// A 48-bit colour TIFF, uncompressed as flatbeds write it, is read in
// place like an 8-bit one, and gives the same working copy.
func TestSixteenBitTIFFReadInPlace(t *testing.T) {
	card := render(specimen.Passport, 8, specimen.RandomOptions(8, specimen.Card, 600))
	var want image.Image
	for _, bits := range []int{8, 16} {
		file := rgbTIFFBits(card, 600, bits)
		pages, err := Import("scan.tif", bytes.NewReader(file), int64(len(file)))
		if err != nil {
			t.Fatalf("%d bits: %v", bits, err)
		}
		if pages[0].DPI != 300 {
			t.Fatalf("%d bits: %v dpi", bits, pages[0].DPI)
		}
		if want == nil {
			want = pages[0].Image
		} else if d := maxLumaDiff(pages[0].Image, want); d > 0 {
			t.Errorf("16 bits differ from 8 by up to %d", d)
		}
	}
}

// Compressed TIFF scans, 8 or 16 bits, are read strip by strip into the
// working copy decoding them whole gives (Deflate, with and without the
// horizontal predictor; Go writes no LZW, whose reader is x/image's).
func TestCompressedTIFFReadByRows(t *testing.T) {
	card := render(specimen.TD2Card, 9, specimen.RandomOptions(9, specimen.Card, 600))
	l := DefaultLimits
	l.MaxWorkPixels = 500_000 // the file states no resolution: brought down by a whole factor
	for _, c := range []struct {
		name string
		img  image.Image
		opt  tiff.Options
	}{
		{"rgba 8, predictor", card, tiff.Options{Compression: tiff.Deflate, Predictor: true}},
		{"rgba 16, predictor", in(card, image.NewRGBA64(card.Rect)), tiff.Options{Compression: tiff.Deflate, Predictor: true}},
		{"rgba 16", in(card, image.NewRGBA64(card.Rect)), tiff.Options{Compression: tiff.Deflate}},
		{"grey 16, predictor", in(card, image.NewGray16(card.Rect)), tiff.Options{Compression: tiff.Deflate, Predictor: true}},
	} {
		var buf bytes.Buffer
		if err := tiff.Encode(&buf, c.img, &c.opt); err != nil {
			t.Fatal(err)
		}
		pages, err := l.Import("scan.tif", bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		whole, err := tiff.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		b := whole.Bounds()
		f := l.workFactor(b.Dx(), b.Dy(), 0)
		if f < 2 {
			t.Fatalf("%s: not brought down", c.name)
		}
		want := shrink(whole, f)
		if got := pages[0].Image; got.Bounds() != want.Bounds() || maxLumaDiff(got, want) > 1 {
			t.Errorf("%s: %v, want %v; luminance differs by up to %d", c.name, got.Bounds(), want.Bounds(), maxLumaDiff(got, want))
		}
	}
}

func TestPackBits(t *testing.T) {
	// The example of Apple's Technical Note TN1023.
	in := []byte{0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA}
	want := []byte{0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22,
		0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA}
	got, err := io.ReadAll(&packBits{r: bytes.NewReader(in)})
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("got % X, %v", got, err)
	}
}

// A 1200-dpi card scan in 48-bit colour, as PNG and as uncompressed TIFF,
// comes in at 300 dpi.
func TestCardAt1200DPIComesIn(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a card at 1200 dpi")
	}
	card := render(specimen.IDCard, 10, specimen.RenderOptions{DPI: 1200, Page: specimen.Card, Seed: 10})
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, in(card, image.NewRGBA64(card.Rect))); err != nil {
		t.Fatal(err)
	}
	for name, file := range map[string][]byte{"png": withPHYs(buf.Bytes(), 1200), "tiff": rgbTIFFBits(card, 1200, 16)} {
		pages, err := Import("card."+name, bytes.NewReader(file), int64(len(file)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p := pages[0]; p.DPI != 300 || p.Image.Bounds().Dx() != card.Rect.Dx()/4 {
			t.Errorf("%s: %v at %v dpi", name, p.Image.Bounds(), p.DPI)
		}
	}
}
