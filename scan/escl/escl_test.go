package escl_test

import (
	"context"
	"errors"
	"image"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// card renders a generated ID card at 300 dpi, as the scanner's glass sees it.
func card(t *testing.T, seed uint64, kind specimen.Kind) image.Image {
	t.Helper()
	img, err := specimen.Render(specimen.Random(seed, kind), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func client() *escl.Client {
	c := escl.New()
	c.RetryDelay = time.Millisecond
	return c
}

func device(s *escltest.Server) scan.Device {
	return scan.Device{Backend: scan.ESCL, ID: s.URL}
}

func TestCapabilities(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{})
	defer srv.Close()
	caps, err := client().Capabilities(context.Background(), device(srv))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(caps.Sources, []scan.Source{scan.Flatbed, scan.Feeder, scan.Duplex}) {
		t.Errorf("sources %v", caps.Sources)
	}
	if !slices.Equal(caps.Resolutions, []int{75, 100, 150, 200, 300, 600}) {
		t.Errorf("resolutions %v", caps.Resolutions)
	}
	if !slices.Equal(caps.Modes, []scan.Mode{scan.Color, scan.Gray}) {
		t.Errorf("modes %v", caps.Modes)
	}
	if caps.Glass.Width < 209 || caps.Glass.Width > 211 || caps.Glass.Height < 296 || caps.Glass.Height > 298 {
		t.Errorf("glass %+v, want A4", caps.Glass)
	}
}

func TestFlatbedScanOfAnArea(t *testing.T) {
	doc := card(t, 1, specimen.IDCard)
	srv := escltest.NewServer(escltest.Config{Platen: doc, PlatenAt: image.Pt(120, 240)})
	defer srv.Close()
	// The card's area, from its position in 1/300 inch, in millimetres.
	mm := func(px int) float64 { return float64(px) * 25.4 / 300 }
	b := doc.Bounds()
	area := scan.Area{X: mm(120), Y: mm(240), Width: mm(b.Dx()), Height: mm(b.Dy())}
	var progressed bool
	pages, err := client().Scan(context.Background(), device(srv), scan.Settings{DPI: 300, Mode: scan.Color, Area: area},
		func(page int, done float64) { progressed = progressed || (page == 1 && done == 1) })
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || !progressed {
		t.Fatalf("%d pages, progress %v", len(pages), progressed)
	}
	p := pages[0]
	if got := p.Image.Bounds(); abs(got.Dx()-b.Dx()) > 1 || abs(got.Dy()-b.Dy()) > 1 {
		t.Errorf("page %v, card %v", got, b)
	}
	if p.ContentType != "image/png" || p.DPI != 300 || p.Source != "idpro Test Scanner" && p.Source != srv.URL {
		t.Errorf("page %s %v dpi from %q", p.ContentType, p.DPI, p.Source)
	}
	if differ := fractionDiffering(p.Image, doc); differ > 0.02 {
		t.Errorf("%.1f%% of the scan differs from the card", differ*100)
	}
	j := srv.Jobs()[0]
	if j.Format != "image/png" || j.FormatExt != "image/png" || j.Input != "Platen" || j.Served != 1 {
		t.Errorf("job %+v", j)
	}
}

func TestGrayPreviewOfWholeGlass(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Platen: card(t, 2, specimen.Passport)})
	defer srv.Close()
	pages, err := client().Scan(context.Background(), device(srv), scan.Settings{DPI: 75, Mode: scan.Gray}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b := pages[0].Image.Bounds(); b.Dx() != 620 || b.Dy() != 877 {
		t.Errorf("A4 at 75 dpi is 620x877, got %v", b)
	}
	if dark := darkShare(pages[0].Image); dark < 0.005 || dark > 0.3 {
		t.Errorf("the preview shows no passport: %.3f dark", dark)
	}
	for y := 0; y < 877; y += 7 {
		for x := 0; x < 620; x += 7 {
			if r, g, b, _ := pages[0].Image.At(x, y).RGBA(); r != g || g != b {
				t.Fatalf("gray scan has colour at %d,%d", x, y)
			}
		}
	}
}

func TestBusyIsRetried(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Busy: 3})
	defer srv.Close()
	pages, err := client().Scan(context.Background(), device(srv), scan.Settings{DPI: 75}, nil)
	if err != nil || len(pages) != 1 {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
	if j := srv.Jobs()[0]; j.Busy != 3 {
		t.Errorf("server answered 503 %d times", j.Busy)
	}
}

func TestBusyTooLongIsTyped(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Busy: 100})
	defer srv.Close()
	c := client()
	c.Retries = 2
	_, err := c.Scan(context.Background(), device(srv), scan.Settings{DPI: 75}, nil)
	if !errors.Is(err, scan.ErrBusy) || app.ErrorCode(err) != "scanner.busy" {
		t.Fatalf("err %v", err)
	}
}

var licences []image.Image

// sheets returns n generated driving licences, rendered once per test binary.
func sheets(t *testing.T, n int) []image.Image {
	for i := len(licences); i < n; i++ {
		licences = append(licences, card(t, uint64(10+i), specimen.DrivingLicence))
	}
	return licences[:n]
}

func TestFeederBatchAndDuplex(t *testing.T) {
	for _, c := range []struct {
		source scan.Source
		max    int
		want   int
	}{
		{scan.Feeder, 0, 3}, // six sides, three sheets
		{scan.Duplex, 0, 6},
		{scan.Duplex, 2, 2},
	} {
		srv := escltest.NewServer(escltest.Config{Sheets: sheets(t, 6), Busy: 1})
		pages, err := client().Scan(context.Background(), device(srv), scan.Settings{Source: c.source, DPI: 75, MaxPages: c.max}, nil)
		if err != nil || len(pages) != c.want {
			t.Errorf("%s max %d: %d pages, %v", c.source, c.max, len(pages), err)
		}
		j := srv.Jobs()[0]
		if j.Input != "Feeder" || j.Duplex != (c.source == scan.Duplex) || j.Deleted != (c.max > 0) {
			t.Errorf("%s: job %+v", c.source, j)
		}
		srv.Close()
	}
}

func TestEmptyFeeder(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{})
	defer srv.Close()
	_, err := client().Scan(context.Background(), device(srv), scan.Settings{Source: scan.Feeder}, nil)
	if !errors.Is(err, scan.ErrFeederEmpty) || app.ErrorCode(err) != "scanner.feeder_empty" {
		t.Fatalf("err %v", err)
	}
	if n := len(srv.Jobs()); n != 0 {
		t.Errorf("%d jobs made for an empty feeder", n)
	}
}

func TestJamKeepsTheWholePages(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Sheets: sheets(t, 5), JamAfter: 2})
	defer srv.Close()
	pages, err := client().Scan(context.Background(), device(srv), scan.Settings{Source: scan.Duplex, DPI: 75}, nil)
	if !errors.Is(err, scan.ErrJammed) || len(pages) != 2 {
		t.Fatalf("%d pages, err %v", len(pages), err)
	}
}

func TestCancelDeletesTheJob(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Sheets: sheets(t, 2), PageDelay: time.Minute})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for len(srv.Jobs()) == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	pages, err := client().Scan(ctx, device(srv), scan.Settings{Source: scan.Feeder, DPI: 75}, nil)
	if !errors.Is(err, scan.ErrCancelled) || len(pages) != 0 {
		t.Fatalf("%d pages, err %v", len(pages), err)
	}
	if j := srv.Jobs()[0]; !j.Deleted {
		t.Errorf("job not deleted: %+v", j)
	}
}

func TestForeignLocationIsFollowedOnTheScannersHost(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{ForeignLocation: true})
	defer srv.Close()
	if _, err := client().Scan(context.Background(), device(srv), scan.Settings{DPI: 75}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestOfflineScanner(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{})
	srv.Close()
	_, err := client().Scan(context.Background(), device(srv), scan.Settings{}, nil)
	if !errors.Is(err, scan.ErrOffline) || app.ErrorCode(err) != "scanner.offline" {
		t.Fatalf("err %v", err)
	}
}

func TestManualDevicesAreListed(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{MakeAndModel: "Brother MFC-L2710DW"})
	defer srv.Close()
	c := client()
	c.Manual = []string{srv.URL + "/"}
	devs, err := c.Devices(context.Background())
	if err != nil || len(devs) != 1 || devs[0].ID != srv.URL || devs[0].Model != "Brother MFC-L2710DW" {
		t.Fatalf("%+v, %v", devs, err)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// fractionDiffering compares two images pixel by pixel (grey level within
// 48 of 255), tolerating JPEG and resampling noise but not a missing card.
func fractionDiffering(a, b image.Image) float64 {
	ab, bb := a.Bounds(), b.Bounds()
	w, h := min(ab.Dx(), bb.Dx()), min(ab.Dy(), bb.Dy())
	var bad int
	for y := 0; y < h; y += 3 {
		for x := 0; x < w; x += 3 {
			if abs(gray(a, ab.Min.X+x, ab.Min.Y+y)-gray(b, bb.Min.X+x, bb.Min.Y+y)) > 48 {
				bad++
			}
		}
	}
	return float64(bad) / float64((w/3+1)*(h/3+1))
}

func gray(img image.Image, x, y int) int {
	r, g, b, _ := img.At(x, y).RGBA()
	return int((299*r + 587*g + 114*b) / 1000 >> 8)
}

func darkShare(img image.Image) float64 {
	b := img.Bounds()
	var dark, all int
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			all++
			if gray(img, x, y) < 96 {
				dark++
			}
		}
	}
	return float64(dark) / float64(all)
}

func TestScannerInUseByAnotherJobIsBusy(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Sheets: sheets(t, 4), PageDelay: time.Minute})
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go client().Scan(ctx, device(srv), scan.Settings{Source: scan.Feeder, DPI: 75}, nil)
	for len(srv.Jobs()) == 0 {
		time.Sleep(time.Millisecond)
	}
	c := client()
	c.Retries = 2
	_, err := c.Scan(context.Background(), device(srv), scan.Settings{DPI: 75}, nil)
	if !errors.Is(err, scan.ErrBusy) {
		t.Fatalf("err %v", err)
	}
	if n := len(srv.Jobs()); n != 1 {
		t.Errorf("%d jobs created", n)
	}
}

func TestEndOfJob(t *testing.T) {
	for _, end := range []int{http.StatusNotFound, http.StatusGone, http.StatusOK} {
		srv := escltest.NewServer(escltest.Config{Sheets: sheets(t, 4), EndWith: end})
		pages, err := client().Scan(context.Background(), device(srv), scan.Settings{Source: scan.Feeder, DPI: 75}, nil)
		srv.Close()
		if err != nil || len(pages) != 2 {
			t.Errorf("job ended with %d: %d pages, %v", end, len(pages), err)
			continue
		}
		for i, p := range pages {
			if p.Image == nil || len(p.Data) == 0 {
				t.Errorf("job ended with %d: page %d is empty", end, i+1)
			}
		}
	}
}

func TestPlatenIsAskedForOnePage(t *testing.T) {
	// This device would scan the glass three times if asked.
	srv := escltest.NewServer(escltest.Config{PlatenPages: 3})
	defer srv.Close()
	c := client()
	for range 2 {
		pages, err := c.Scan(context.Background(), device(srv), scan.Settings{DPI: 75}, nil)
		if err != nil || len(pages) != 1 {
			t.Fatalf("%d pages, %v", len(pages), err)
		}
	}
	for _, j := range srv.Jobs() {
		if j.Served != 1 {
			t.Errorf("job %s delivered the glass %d times", j.ID, j.Served)
		}
	}
}
