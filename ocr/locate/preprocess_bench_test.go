package locate_test

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"github.com/idpro/idpro/ocr/locate"
	"github.com/idpro/idpro/ocr/specimen"
)

// cardJPEG is a 300-dpi passport card as a scanner's JPEG.
func cardJPEG(b *testing.B) []byte {
	b.Helper()
	d := specimen.Random(1, specimen.Passport)
	img, err := specimen.Render(d, specimen.RandomOptions(1, specimen.Card, 300))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkLocateCard measures everything reading a 300-dpi passport card
// costs but the OCR: finding the MRZ and cutting out its line images, on
// the decoder's YCbCr image as the reader gets it.
func BenchmarkLocateCard(b *testing.B) {
	dec, err := jpeg.Decode(bytes.NewReader(cardJPEG(b)))
	if err != nil {
		b.Fatal(err)
	}
	if _, ok := dec.(*image.YCbCr); !ok {
		b.Fatalf("decoded %T", dec)
	}
	b.ResetTimer()
	for b.Loop() {
		if len(locate.LocatedLines(dec)) != 2 {
			b.Fatal("MRZ not found")
		}
	}
}

// BenchmarkDecodeCard is the JPEG decoding that comes before.
func BenchmarkDecodeCard(b *testing.B) {
	data := cardJPEG(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
