package scan

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/disintegration/imaging"
	"github.com/idpro/idpro/ocr/specimen"
)

// a4Scan is a generated A4 flatbed scan of a passport at dpi, encoded as
// JPEG the way scanners deliver it.
func a4Scan(tb testing.TB, dpi float64, seed uint64) []byte {
	tb.Helper()
	img, err := specimen.Render(specimen.Random(seed, specimen.Passport),
		specimen.RenderOptions{DPI: min(dpi, 300), Page: specimen.A4Flatbed, Noise: 3, Seed: seed})
	if err != nil {
		tb.Fatal(err)
	}
	if dpi > 300 {
		b := img.Bounds()
		img = imaging.Resize(img, int(float64(b.Dx())*dpi/300), 0, imaging.Linear)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func importOne(tb testing.TB, jpg []byte, dpi float64) Page {
	tb.Helper()
	pdf, err := appendImagePage(nil, jpg, jpegBounds(tb, jpg), dpi)
	if err != nil {
		tb.Fatal(err)
	}
	pages, err := Import("a4.pdf", bytes.NewReader(pdf), int64(len(pdf)))
	if err != nil {
		tb.Fatal(err)
	}
	return pages[0]
}

func jpegBounds(tb testing.TB, jpg []byte) image.Rectangle {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(jpg))
	if err != nil {
		tb.Fatal(err)
	}
	return image.Rect(0, 0, cfg.Width, cfg.Height)
}

// BenchmarkCheckA4 is every check on a 300-dpi A4 scan (no MRZ reader).
func BenchmarkCheckA4(b *testing.B) {
	p := importOne(b, a4Scan(b, 300, 1), 300)
	b.ResetTimer()
	for b.Loop() {
		Checker{}.Check(context.Background(), p)
	}
}

// BenchmarkImportPDF4 imports a scanned PDF of four 300-dpi A4 pages.
func BenchmarkImportPDF4(b *testing.B) {
	var doc []byte
	for i := range 4 {
		jpg := a4Scan(b, 300, uint64(i+1))
		var err error
		if doc, err = appendImagePage(doc, jpg, jpegBounds(b, jpg), 300); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		pages, err := Import("scan.pdf", bytes.NewReader(doc), int64(len(doc)))
		if err != nil || len(pages) != 4 {
			b.Fatal(err)
		}
	}
}

// BenchmarkPeak600 imports and checks four 600-dpi A4 scans (one file
// each, as a request is put together) and reports the peak heap.
func BenchmarkPeak600(b *testing.B) {
	var files [][]byte
	for i := range 4 {
		files = append(files, a4Scan(b, 600, uint64(i+1)))
	}
	for b.Loop() {
		runtime.GC()
		debug.FreeOSMemory()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		var peak atomic.Uint64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			var m runtime.MemStats
			for {
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(2 * time.Millisecond):
				}
			}
		}()
		var kept []Page
		for i, f := range files {
			pages, err := Import("p.jpg", bytes.NewReader(withJFIF(f, 600)), int64(len(f)))
			if err != nil {
				b.Fatal(err)
			}
			if pages[0].DPI != 300 {
				b.Fatalf("page %d at %v dpi", i, pages[0].DPI)
			}
			Checker{}.Check(context.Background(), pages[0])
			kept = append(kept, pages...)
		}
		close(stop)
		wg.Wait()
		runtime.KeepAlive(kept)
		b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	}
}

// withJFIF gives a Go-encoded JPEG (which has no JFIF segment) one saying
// dpi, as scanners write.
func withJFIF(jpg []byte, dpi int) []byte {
	seg := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, byte(dpi >> 8), byte(dpi), byte(dpi >> 8), byte(dpi), 0, 0}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}
