package escl

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

// FuzzReadPage feeds readPage, where a scanner's page body is decoded,
// whatever a device might send: it must never panic or exceed the limits,
// and every failure must be a typed, translatable scanner error.
func FuzzReadPage(f *testing.F) {
	img := image.NewRGBA(image.Rect(0, 0, 16, 12))
	var p, j bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		f.Fatal(err)
	}
	if err := jpeg.Encode(&j, img, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(p.Bytes())
	f.Add(j.Bytes())
	f.Add(p.Bytes()[:40])
	f.Add(j.Bytes()[:len(j.Bytes())-10])
	f.Add([]byte{})
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	limits := scan.Limits{MaxFileBytes: 1 << 20, MaxPixels: 1 << 20}
	f.Fuzz(func(t *testing.T, body []byte) {
		page, err := readPage(bytes.NewReader(body), int64(len(body)), 1, "fuzz", limits, nil)
		if err != nil {
			if !errors.Is(err, scan.ErrBadPage) && !errors.Is(err, scan.ErrPageTooLarge) {
				t.Fatalf("untyped error %v", err)
			}
			if app.ErrorCode(err) == "" {
				t.Fatalf("error without a code: %v", err)
			}
			return
		}
		if len(body) == 0 {
			if page.Image != nil {
				t.Fatal("a page from an empty body")
			}
			return
		}
		b := page.Image.Bounds()
		if int64(b.Dx())*int64(b.Dy()) > limits.MaxPixels || !bytes.Equal(page.Data, body) {
			t.Fatalf("page %v, %d bytes kept of %d", b, len(page.Data), len(body))
		}
		if page.ContentType != "image/png" && page.ContentType != "image/jpeg" {
			t.Fatalf("content type %q", page.ContentType)
		}
	})
}
