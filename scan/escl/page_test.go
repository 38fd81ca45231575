package escl_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/png"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// smallPNG is a valid 8x8 PNG.
func smallPNG(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bomb is a small PNG whose header announces w x h pixels, with its CRC
// right, so that only the pixel count gives it away.
func bomb(t testing.TB, w, h uint32) []byte {
	b := smallPNG(t)
	// Signature (8), IHDR length (4), "IHDR" (4), width, height, ...
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestHostilePagesAreRefusedTyped(t *testing.T) {
	good := smallPNG(t)
	for _, c := range []struct {
		name string
		page []byte
		want error
		code string
	}{
		{"decompression bomb", bomb(t, 100_000, 100_000), scan.ErrPageTooLarge, "scanner.page_too_large"},
		{"truncated PNG", good[:len(good)/2], scan.ErrBadPage, "scanner.bad_page"},
		{"not an image", []byte("<html>Error 500</html>"), scan.ErrBadPage, "scanner.bad_page"},
		{"zero-sized PNG", bomb(t, 0, 8), scan.ErrBadPage, "scanner.bad_page"},
	} {
		srv := escltest.NewServer(escltest.Config{RawPage: c.page, Sheets: sheets(t, 2)})
		for _, src := range []scan.Source{scan.Flatbed, scan.Feeder} {
			pages, err := client().Scan(context.Background(), device(srv), scan.Settings{Source: src, DPI: 75}, nil)
			if !errors.Is(err, c.want) || app.ErrorCode(err) != c.code || len(pages) != 0 {
				t.Errorf("%s from %s: %d pages, %v", c.name, src, len(pages), err)
			}
		}
		// The feeder job is stopped rather than left scanning.
		if jobs := srv.Jobs(); len(jobs) != 2 || !jobs[1].Deleted {
			t.Errorf("%s: jobs %+v", c.name, jobs)
		}
		srv.Close()
	}
}

func TestPageOverTheByteLimitIsRefused(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{})
	defer srv.Close()
	c := client()
	c.Limits.MaxFileBytes = 1000 // a 75-dpi A4 page is more
	_, err := c.Scan(context.Background(), device(srv), scan.Settings{DPI: 75}, nil)
	if !errors.Is(err, scan.ErrPageTooLarge) {
		t.Fatalf("err %v", err)
	}
	c.Limits = scan.DefaultLimits
	if pages, err := c.Scan(context.Background(), device(srv), scan.Settings{DPI: 75}, nil); err != nil || len(pages) != 1 {
		t.Fatalf("within the limits: %d pages, %v", len(pages), err)
	}
}
