package sane

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

// testScanner returns a Scanner whose SANE_CONFIG_DIR enables only SANE's
// test and pnm backends (both ship with libsane but are off by default),
// in a temporary directory: nothing in /etc changes.
func testScanner(t testing.TB, extra ...string) *Scanner {
	t.Helper()
	program, err := exec.LookPath("scanimage")
	if err != nil {
		t.Skip("scanimage not installed (Debian package sane-utils; make test installs it)")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dll.conf"), []byte("test\npnm\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if conf, err := os.ReadFile("/etc/sane.d/test.conf"); err == nil {
		if err := os.WriteFile(filepath.Join(dir, "test.conf"), conf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := New(program, append(os.Environ(), "SANE_CONFIG_DIR="+dir))
	s.TempDir = t.TempDir()
	s.ExtraArgs = extra
	return s
}

var testDevice = scan.Device{Backend: scan.SANE, ID: "test:0"}

func TestDevicesListsTestAndPNM(t *testing.T) {
	s := testScanner(t)
	devs, err := s.Devices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range devs {
		ids = append(ids, d.ID)
		if d.Backend != scan.SANE {
			t.Errorf("%s: backend %q", d.ID, d.Backend)
		}
	}
	for _, want := range []string{"test:0", "test:1", "pnm:0"} {
		if !slices.Contains(ids, want) {
			t.Errorf("devices %v lack %s", ids, want)
		}
	}
	if d := devs[slices.Index(ids, "test:0")]; d.Model != "frontend-tester" || d.Vendor != "Noname" {
		t.Errorf("test:0 = %+v", d)
	}
}

func TestCapabilitiesOfTestBackend(t *testing.T) {
	caps, err := testScanner(t).Capabilities(context.Background(), testDevice)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(caps.Sources, []scan.Source{scan.Flatbed, scan.Feeder}) {
		t.Errorf("sources %v", caps.Sources)
	}
	if !slices.Equal(caps.Modes, []scan.Mode{scan.Color, scan.Gray}) {
		t.Errorf("modes %v", caps.Modes)
	}
	if !slices.Contains(caps.Resolutions, 300) || !slices.Contains(caps.Resolutions, 75) {
		t.Errorf("resolutions %v", caps.Resolutions)
	}
	if caps.Glass.Width != 200 || caps.Glass.Height != 200 {
		t.Errorf("glass %+v", caps.Glass)
	}
}

func TestFlatbedScanIsOneWholePageWithProgress(t *testing.T) {
	s := testScanner(t)
	var last float64
	var calls int
	pages, err := s.Scan(context.Background(), testDevice, scan.Settings{Source: scan.Flatbed, DPI: 300, Mode: scan.Gray},
		func(page int, done float64) {
			calls++
			if page != 1 || done < last {
				t.Errorf("progress page %d %.3f after %.3f", page, done, last)
			}
			last = done
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	p := pages[0]
	// The test backend's default area is 80x100 mm: 944x1181 px at 300 dpi.
	if b := p.Image.Bounds(); b.Dx() != 944 || b.Dy() != 1181 {
		t.Errorf("page %v", b)
	}
	if p.DPI != 300 || p.ContentType != "image/png" || len(p.Data) == 0 || p.Source == "" {
		t.Errorf("page %+v", p)
	}
	if calls < 2 || last != 1 {
		t.Errorf("progress: %d calls, last %.3f", calls, last)
	}
	assertEmpty(t, s.TempDir)
}

func TestScanArea(t *testing.T) {
	pages, err := testScanner(t).Scan(context.Background(), testDevice,
		scan.Settings{DPI: 100, Mode: scan.Color, Area: scan.Area{X: 10, Y: 10, Width: 86, Height: 54}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// 86 mm at 100 dpi is 338.6 px, 54 mm 212.6 px; drivers round either way.
	if b := pages[0].Image.Bounds(); b.Dx() < 337 || b.Dx() > 340 || b.Dy() < 211 || b.Dy() > 214 {
		t.Errorf("page %v", b)
	}
}

func TestFeederBatchScansTenPages(t *testing.T) {
	var seen []int
	pages, err := testScanner(t).Scan(context.Background(), testDevice, scan.Settings{Source: scan.Feeder, DPI: 75},
		func(page int, done float64) {
			if len(seen) == 0 || seen[len(seen)-1] != page {
				seen = append(seen, page)
			}
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 10 {
		t.Fatalf("%d pages, want the test feeder's 10", len(pages))
	}
	if !slices.Equal(seen, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
		t.Errorf("progress pages %v", seen)
	}
}

func TestFeederMaxPages(t *testing.T) {
	pages, err := testScanner(t).Scan(context.Background(), testDevice, scan.Settings{Source: scan.Feeder, DPI: 75, MaxPages: 3}, nil)
	if err != nil || len(pages) != 3 {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
}

func TestInjectedErrorsAreTyped(t *testing.T) {
	for _, c := range []struct {
		status string
		source scan.Source
		want   error
		code   string
	}{
		{"SANE_STATUS_JAMMED", scan.Feeder, scan.ErrJammed, "scanner.jammed"},
		{"SANE_STATUS_NO_DOCS", scan.Feeder, scan.ErrFeederEmpty, "scanner.feeder_empty"},
		{"SANE_STATUS_COVER_OPEN", scan.Flatbed, scan.ErrCoverOpen, "scanner.cover_open"},
		{"SANE_STATUS_DEVICE_BUSY", scan.Flatbed, scan.ErrBusy, "scanner.busy"},
		{"SANE_STATUS_IO_ERROR", scan.Flatbed, scan.ErrOffline, "scanner.offline"},
	} {
		t.Run(c.status, func(t *testing.T) {
			s := testScanner(t, "--read-return-value", c.status)
			s.Stall = 30 * time.Second // a slow start on a loaded machine is not a stall
			pages, err := s.Scan(context.Background(), testDevice, scan.Settings{Source: c.source, DPI: 75}, nil)
			if !errors.Is(err, c.want) || app.ErrorCode(err) != c.code {
				t.Fatalf("err %v (code %q), want %v", err, app.ErrorCode(err), c.want)
			}
			if len(pages) != 0 {
				t.Errorf("%d pages from a failed read", len(pages))
			}
			assertEmpty(t, s.TempDir)
		})
	}
}

func TestCancelMidScanLeavesNothing(t *testing.T) {
	s := testScanner(t, "--read-delay=yes", "--read-delay-duration=100000")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := false
	pages, err := s.Scan(ctx, testDevice, scan.Settings{DPI: 300, Mode: scan.Color}, func(page int, done float64) {
		if done > 0 && !started {
			started = true
			cancel()
		}
	})
	if !started {
		t.Fatal("scan never reported progress")
	}
	if !errors.Is(err, scan.ErrCancelled) || app.ErrorCode(err) != "scanner.cancelled" || !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if len(pages) != 0 {
		t.Errorf("%d pages after cancel", len(pages))
	}
	assertEmpty(t, s.TempDir)
}

func TestStalledScannerIsOffline(t *testing.T) {
	s := testScanner(t, "--read-delay=yes", "--read-delay-duration=200000")
	s.Stall = 20 * time.Millisecond // far below the 200 ms between buffers
	_, err := s.Scan(context.Background(), testDevice, scan.Settings{DPI: 300}, nil)
	if !errors.Is(err, scan.ErrOffline) {
		t.Fatalf("err %v", err)
	}
}

func TestUnknownDeviceIsNotFound(t *testing.T) {
	_, err := testScanner(t).Scan(context.Background(), scan.Device{Backend: scan.SANE, ID: "nosuch:0"}, scan.Settings{}, nil)
	if !errors.Is(err, scan.ErrNotFound) || app.ErrorCode(err) != "scanner.not_found" {
		t.Fatalf("err %v", err)
	}
}

func TestUnsupportedSourceIsTyped(t *testing.T) {
	_, err := testScanner(t).Scan(context.Background(), testDevice, scan.Settings{Source: scan.Duplex}, nil)
	if !errors.Is(err, scan.ErrUnsupported) {
		t.Fatalf("err %v", err)
	}
}

func TestMissingProgram(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "scanimage"), nil)
	_, err := s.Devices(context.Background())
	if !errors.Is(err, scan.ErrNoProgram) || app.ErrorCode(err) != "scanner.no_program" {
		t.Fatalf("err %v", err)
	}
}

func assertEmpty(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("%s still holds %d entries", dir, len(entries))
	}
}

func TestPagesBeyondTheLimitsAreRefused(t *testing.T) {
	s := testScanner(t)
	// test:0 scans 80x100 mm: 236x295 pixels at 75 dpi.
	s.Limits.MaxPixels = 236*295 - 1
	pages, err := s.Scan(context.Background(), testDevice, scan.Settings{DPI: 75}, nil)
	if !errors.Is(err, scan.ErrPageTooLarge) || app.ErrorCode(err) != "scanner.page_too_large" || len(pages) != 0 {
		t.Fatalf("pixels: %d pages, %v", len(pages), err)
	}
	s.Limits = scan.DefaultLimits
	s.Limits.MaxFileBytes = 100
	if _, err := s.Scan(context.Background(), testDevice, scan.Settings{DPI: 75}, nil); !errors.Is(err, scan.ErrPageTooLarge) {
		t.Fatalf("bytes: %v", err)
	}
	s.Limits.MaxFileBytes = scan.DefaultLimits.MaxFileBytes
	if pages, err := s.Scan(context.Background(), testDevice, scan.Settings{DPI: 75}, nil); err != nil || len(pages) != 1 {
		t.Fatalf("within the limits: %d pages, %v", len(pages), err)
	}
}
