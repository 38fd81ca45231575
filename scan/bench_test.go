package scan

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
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
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, a4Image(tb, dpi, seed), &jpeg.Options{Quality: 90}); err != nil {
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

// BenchmarkCheckA4 is every check on a 300-dpi A4 scan (no MRZ reader),
// with the CPU time per page beside the wall time (run it with -cpu 1).
func BenchmarkCheckA4(b *testing.B) {
	p := importOne(b, a4Scan(b, 300, 1), 300)
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		Checker{}.Check(context.Background(), p)
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
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
// each, read from disk, as a request is put together) and reports the
// peak heap in use and the peak resident set: as JPEG, as PNG (RGB, with
// its resolution in pHYs) and as uncompressed colour TIFF (105 MB each),
// and in 48-bit colour as PNG and as uncompressed TIFF (209 MB each).
func BenchmarkPeak600(b *testing.B) {
	formats := []string{"jpeg", "png", "tiff", "png16", "tiff16"}
	dir := b.TempDir()
	img := a4Image(b, 600, 1)
	for _, format := range formats {
		if err := os.WriteFile(filepath.Join(dir, "scan."+format), encodeScan(b, img, format, 600), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, format := range formats {
		path := filepath.Join(dir, "scan."+format)
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				heap, rss := peakOf(b, func() {
					var kept []Page
					for i := range 4 {
						pages, err := ImportFile(path)
						if err != nil {
							b.Fatal(err)
						}
						if pages[0].DPI != 300 {
							b.Fatalf("page %d at %v dpi", i, pages[0].DPI)
						}
						Checker{}.Check(context.Background(), pages[0])
						kept = append(kept, pages...)
					}
					runtime.KeepAlive(kept)
				})
				b.ReportMetric(heap, "peak-heap-MB")
				if rss > 0 {
					b.ReportMetric(rss, "peak-rss-MB")
				}
			}
		})
	}
}

// a4Image is a4Scan's image before encoding.
func a4Image(tb testing.TB, dpi float64, seed uint64) image.Image {
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
	return img
}

// encodeScan writes img as a scanner would: JPEG with JFIF, PNG with
// pHYs, or uncompressed TIFF, each stating dpi.
func encodeScan(tb testing.TB, img image.Image, format string, dpi int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	switch format {
	case "jpeg":
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
			tb.Fatal(err)
		}
		return withJFIF(buf.Bytes(), dpi)
	case "png16":
		// 48-bit colour: Go writes an opaque RGBA64 image as 16-bit RGB.
		rgb := image.NewRGBA64(img.Bounds())
		draw.Draw(rgb, rgb.Rect, img, img.Bounds().Min, draw.Src)
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, rgb); err != nil {
			tb.Fatal(err)
		}
		return withPHYs(buf.Bytes(), float64(dpi))
	case "tiff16":
		return rgbTIFFBits(img, dpi, 16)
	case "png":
		// An opaque RGB PNG, as scanners write, not Go's RGBA.
		rgb := image.NewRGBA(img.Bounds())
		draw.Draw(rgb, rgb.Rect, img, img.Bounds().Min, draw.Src)
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, rgb); err != nil {
			tb.Fatal(err)
		}
		return withPHYs(buf.Bytes(), float64(dpi))
	}
	return rgbTIFF(img, dpi)
}

// rgbTIFF is img as an uncompressed 8-bit RGB TIFF of one strip, as a
// flatbed writes it (Go's TIFF encoders write RGBA, a third larger).
func rgbTIFF(img image.Image, dpi int) []byte { return rgbTIFFBits(img, dpi, 8) }

// rgbTIFFBits is rgbTIFF with 8 or 16 bits a sample (a flatbed's 48-bit
// colour mode).
func rgbTIFFBits(img image.Image, dpi, bits int) []byte {
	b := img.Bounds()
	bps := bits / 8
	w, h := b.Dx(), b.Dy()
	le := binary.LittleEndian
	const entries = 11
	ifd := 8
	extra := ifd + 2 + entries*12 + 4 // bits per sample, then resolution
	pix := extra + 6 + 16
	out := make([]byte, pix+3*bps*w*h)
	copy(out, "II*\x00")
	le.PutUint32(out[4:], uint32(ifd))
	le.PutUint16(out[ifd:], entries)
	tag := func(i int, id, typ uint16, count, value uint32) {
		e := out[ifd+2+12*i:]
		le.PutUint16(e, id)
		le.PutUint16(e[2:], typ)
		le.PutUint32(e[4:], count)
		if typ == 3 && count == 1 {
			le.PutUint16(e[8:], uint16(value))
		} else {
			le.PutUint32(e[8:], value)
		}
	}
	tag(0, 256, 4, 1, uint32(w))
	tag(1, 257, 4, 1, uint32(h))
	tag(2, 258, 3, 3, uint32(extra))
	tag(3, 259, 3, 1, 1) // no compression
	tag(4, 262, 3, 1, 2) // RGB
	tag(5, 273, 4, 1, uint32(pix))
	tag(6, 277, 3, 1, 3)
	tag(7, 278, 4, 1, uint32(h))
	tag(8, 279, 4, 1, uint32(3*bps*w*h))
	tag(9, tagXResolution, 5, 1, uint32(extra+6))
	tag(10, tagResolutionUnit, 3, 1, 2)
	for i := range 3 {
		le.PutUint16(out[extra+2*i:], uint16(bits))
	}
	le.PutUint32(out[extra+6:], uint32(dpi))
	le.PutUint32(out[extra+10:], 1)
	row := make([]uint8, 3*w)
	for y := 0; y < h; y++ {
		rgbRow(img, b.Min.Y+y, row)
		dst := out[pix+3*bps*w*y:]
		for i, v := range row {
			if bps == 1 {
				dst[i] = v
			} else {
				le.PutUint16(dst[2*i:], uint16(v)*257)
			}
		}
	}
	return out
}

// peakOf runs f and returns the peak heap in use (sampled every 2 ms) and
// the peak resident set (Linux's VmHWM, reset first; 0 elsewhere), in MB.
func peakOf(b *testing.B, f func()) (heap, rss float64) {
	runtime.GC()
	debug.FreeOSMemory()
	resetRSS := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
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
	f()
	close(stop)
	wg.Wait()
	heap = float64(peak.Load()) / (1 << 20)
	if status, err := os.ReadFile("/proc/self/status"); err == nil && resetRSS {
		for _, l := range strings.Split(string(status), "\n") {
			var kb float64
			if _, err := fmt.Sscanf(l, "VmHWM: %f kB", &kb); err == nil {
				rss = kb / 1024
			}
		}
	}
	return heap, rss
}

// withJFIF gives a Go-encoded JPEG (which has no JFIF segment) one saying
// dpi, as scanners write.
func withJFIF(jpg []byte, dpi int) []byte {
	seg := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, byte(dpi >> 8), byte(dpi), byte(dpi >> 8), byte(dpi), 0, 0}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}
