package scan_test

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

func TestScannedPage(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 30)), nil); err != nil {
		t.Fatal(err)
	}
	p, err := scan.DefaultLimits.ScannedPage("Brother ADS-1700W", buf.Bytes())
	if err != nil || p.ContentType != "image/jpeg" || p.Image.Bounds().Dx() != 40 || !bytes.Equal(p.Data, buf.Bytes()) {
		t.Fatalf("%+v, %v", p, err)
	}
	small := scan.DefaultLimits
	small.MaxPixels = 40*30 - 1
	_, err = small.ScannedPage("Brother ADS-1700W", buf.Bytes())
	var ae *app.Error
	if !errors.Is(err, scan.ErrPageTooLarge) || !errors.As(err, &ae) || ae.Data["device"] != "Brother ADS-1700W" {
		t.Errorf("over the pixel limit: %v", err)
	}
	if _, err := scan.DefaultLimits.ScannedPage("x", []byte("GIF89a")); !errors.Is(err, scan.ErrBadPage) {
		t.Errorf("GIF: %v", err)
	}
}
