package scan_test

import (
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"testing"

	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
	"github.com/idpro/idpro/scan/escl/escltest"
)

func render(t *testing.T, seed uint64, kind specimen.Kind) image.Image {
	t.Helper()
	img, err := specimen.Render(specimen.Random(seed, kind), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func session(t testing.TB, srv *escltest.Server) scan.Session {
	t.Helper()
	c := escl.New()
	dev := scan.Device{Backend: scan.ESCL, ID: srv.URL}
	caps, err := c.Capabilities(context.Background(), dev)
	if err != nil {
		t.Fatal(err)
	}
	return scan.Session{Backend: c, Device: dev, Caps: caps}
}

func TestIDCardOnFlatbedScansFrontThenBackCroppedAt300DPI(t *testing.T) {
	front, back := render(t, 21, specimen.IDCard), render(t, 22, specimen.DrivingLicence)
	srv := escltest.NewServer(escltest.Config{Platen: front, PlatenAt: image.Pt(600, 900)})
	defer srv.Close()
	s := session(t, srv)
	var steps []scan.Step
	s.OnStep = func(st scan.Step) { steps = append(steps, st) }
	turned := 0
	s.Turn = func(context.Context) error {
		turned++
		srv.Place(back, image.Pt(30, 40))
		return nil
	}
	pages, err := s.Run(context.Background(), scan.IDCard)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || turned != 1 {
		t.Fatalf("%d pages, turned %d times", len(pages), turned)
	}
	for i, want := range []image.Image{front, back} {
		p := pages[i]
		// The rendered card has a thin white margin of its own; the crop
		// is the card plus 2 mm (24 px) each side, give or take.
		w, h := want.Bounds().Dx(), want.Bounds().Dy()
		if got := p.Image.Bounds(); got.Dx() < w-40 || got.Dx() > w+60 || got.Dy() < h-40 || got.Dy() > h+60 {
			t.Errorf("side %d: %v, card %dx%d", i, got, w, h)
		}
		if p.DPI != 300 {
			t.Errorf("side %d at %v dpi", i, p.DPI)
		}
	}
	if want := []scan.Step{scan.StepFront, scan.StepPreview, scan.StepBack, scan.StepPreview}; !equal(steps, want) {
		t.Errorf("steps %v", steps)
	}
	jobs := srv.Jobs()
	if len(jobs) != 4 || jobs[0].DPI != 75 || jobs[1].DPI != 300 || jobs[1].Region.Dx() > 1100 {
		t.Errorf("jobs %+v", jobs)
	}
}

func TestTurnCancelledEndsTheSession(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Platen: render(t, 23, specimen.IDCard)})
	defer srv.Close()
	s := session(t, srv)
	s.Turn = func(context.Context) error { return context.Canceled }
	pages, err := s.Run(context.Background(), scan.IDCard)
	if !errors.Is(err, scan.ErrCancelled) || len(pages) != 1 {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
}

func TestIDCardInDuplexFeederTurnsTheBack(t *testing.T) {
	front, back := render(t, 24, specimen.IDCard), render(t, 25, specimen.IDCard)
	srv := escltest.NewServer(escltest.Config{Sheets: []image.Image{front, back}})
	defer srv.Close()
	s := session(t, srv)
	s.Source, s.RotateBack, s.DPI = scan.Duplex, true, 150
	pages, err := s.Run(context.Background(), scan.IDCard)
	if err != nil || len(pages) != 2 {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
	// The feeder page is A4 with the card at its top-left; turned, the
	// card is at the bottom-right.
	b := pages[1].Image.Bounds()
	if dark(pages[1].Image, image.Rect(0, 0, 300, 200)) > 0 || dark(pages[1].Image, image.Rect(b.Dx()-500, b.Dy()-300, b.Dx(), b.Dy())) == 0 {
		t.Error("the back was not turned")
	}
	if pages[1].ContentType != "image/png" || len(pages[1].Data) == 0 {
		t.Errorf("turned page %s, %d bytes", pages[1].ContentType, len(pages[1].Data))
	}
	if dark(pages[0].Image, image.Rect(0, 0, 300, 200)) == 0 {
		t.Error("the front was turned too")
	}
}

func TestPassportPageIsOnePage(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{Platen: render(t, 26, specimen.Passport), PlatenAt: image.Pt(200, 200)})
	defer srv.Close()
	pages, err := session(t, srv).Run(context.Background(), scan.PassportPage)
	if err != nil || len(pages) != 1 {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
}

func TestDocumentAreaOnSyntheticPreview(t *testing.T) {
	// A4 at 50 dpi, white, with a grey 86x54 mm card at (40 mm, 60 mm).
	img := image.NewRGBA(image.Rect(0, 0, 413, 585))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	px := func(mm float64) int { return int(mm * 50 / 25.4) }
	draw.Draw(img, image.Rect(px(40), px(60), px(126), px(114)), image.NewUniform(color.Gray{200}), image.Point{}, draw.Src)
	img.Set(5, 5, color.Black) // dust
	a, ok := scan.DocumentArea(img, 50, scan.Area{Width: 210, Height: 297})
	if !ok {
		t.Fatal("no document found")
	}
	if a.X < 36 || a.X > 39 || a.Y < 56 || a.Y > 59 || a.Width < 88 || a.Width > 92 || a.Height < 56 || a.Height > 60 {
		t.Errorf("area %+v", a)
	}
	blank := image.NewGray(image.Rect(0, 0, 413, 585))
	draw.Draw(blank, blank.Bounds(), image.White, image.Point{}, draw.Src)
	if _, ok := scan.DocumentArea(blank, 50, scan.Area{}); ok {
		t.Error("a document on an empty glass")
	}
}

func TestPickFindsTheRememberedScanner(t *testing.T) {
	devs := []scan.Device{
		{Backend: scan.SANE, ID: "test:0", Model: "frontend-tester"},
		{Backend: scan.ESCL, ID: "http://10.0.0.9:80/eSCL", Model: "HP LaserJet MFP M28w"},
	}
	moved := scan.Choice{Device: scan.Device{Backend: scan.ESCL, ID: "http://10.0.0.5:80/eSCL", Model: "HP LaserJet MFP M28w"}}
	if d, ok := scan.Pick(devs, moved); !ok || d.ID != devs[1].ID {
		t.Errorf("moved scanner: %+v %v", d, ok)
	}
	devs = append(devs, scan.Device{Backend: scan.ESCL, ID: "http://10.0.0.12:80/eSCL", Model: "HP LaserJet MFP M28w", UUID: "u-2"})
	byUUID := scan.Choice{Device: scan.Device{Backend: scan.ESCL, ID: "http://10.0.0.7:80/eSCL", UUID: "u-2"}}
	if d, ok := scan.Pick(devs, byUUID); !ok || d.ID != "http://10.0.0.12:80/eSCL" {
		t.Errorf("by UUID: %+v %v", d, ok)
	}
	if _, ok := scan.Pick(devs, moved); ok {
		t.Error("two scanners of one model: picked one by guess")
	}
	if _, ok := scan.Pick(devs, scan.Choice{Device: scan.Device{Backend: scan.WIA, ID: "x"}}); ok {
		t.Error("a gone scanner was picked")
	}
	if d, ok := scan.Pick(devs, scan.Choice{Device: devs[0]}); !ok || d != devs[0] {
		t.Errorf("exact: %+v", d)
	}
}

func dark(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			if c := color.GrayModel.Convert(img.At(x, y)).(color.Gray); c.Y < 128 {
				n++
			}
		}
	}
	return n
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSourcesForProfiles(t *testing.T) {
	for _, c := range []struct {
		name     string
		cfg      escltest.Config
		card     []scan.Source
		passport []scan.Source
	}{
		{"flatbed and duplex feeder", escltest.Config{}, []scan.Source{scan.Flatbed, scan.Duplex, scan.Feeder}, []scan.Source{scan.Flatbed}},
		{"feeder only", escltest.Config{NoPlaten: true}, []scan.Source{scan.Duplex, scan.Feeder}, []scan.Source{scan.Feeder, scan.Duplex}},
		{"flatbed only", escltest.Config{NoAdf: true}, []scan.Source{scan.Flatbed}, []scan.Source{scan.Flatbed}},
	} {
		srv := escltest.NewServer(c.cfg)
		caps := session(t, srv).Caps
		srv.Close()
		if got := scan.Sources(scan.IDCard, caps); !equal(got, c.card) {
			t.Errorf("%s: ID card from %v, want %v", c.name, got, c.card)
		}
		if got := scan.Sources(scan.PassportPage, caps); !equal(got, c.passport) {
			t.Errorf("%s: passport from %v, want %v", c.name, got, c.passport)
		}
		if got := scan.DefaultSource(scan.IDCard, caps); got != c.card[0] {
			t.Errorf("%s: default %v", c.name, got)
		}
	}
	if got := scan.Sources(scan.IDCard, scan.Capabilities{}); !equal(got, []scan.Source{scan.Flatbed}) {
		t.Errorf("a device that tells nothing: %v", got)
	}
}

// remembered is a Choice as the app stores and reads it back.
func remembered(t *testing.T, c scan.Choice) scan.Choice {
	t.Helper()
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back scan.Choice
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	return back
}

func TestRememberedDuplexScansTheCardInOnePass(t *testing.T) {
	front, back := render(t, 27, specimen.IDCard), render(t, 28, specimen.IDCard)
	passport := render(t, 29, specimen.Passport)
	srv := escltest.NewServer(escltest.Config{Sheets: []image.Image{front, back}, Platen: passport, PlatenAt: image.Pt(100, 100)})
	defer srv.Close()
	caps := session(t, srv).Caps
	c := remembered(t, scan.Choice{Device: scan.Device{Backend: scan.ESCL, ID: srv.URL}, Source: scan.Duplex, RotateBack: true})
	s := c.Session(escl.New(), caps)
	s.DPI = 150
	s.Turn = func(context.Context) error {
		t.Error("asked to turn a card in a duplex feeder")
		return nil
	}
	if got := s.SourceFor(scan.IDCard); got != scan.Duplex {
		t.Errorf("card from %v", got)
	}
	pages, err := s.Run(context.Background(), scan.IDCard)
	if err != nil || len(pages) != 2 {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
	b := pages[1].Image.Bounds()
	if dark(pages[1].Image, image.Rect(0, 0, 300, 200)) > 0 || dark(pages[1].Image, image.Rect(b.Dx()-500, b.Dy()-300, b.Dx(), b.Dy())) == 0 {
		t.Error("the remembered turn of the back was not done")
	}
	if jobs := srv.Jobs(); len(jobs) != 1 || jobs[0].Input != "Feeder" || !jobs[0].Duplex {
		t.Errorf("jobs %+v", jobs)
	}

	// A passport does not go through a feeder: the same choice scans it on
	// the glass.
	if got := s.SourceFor(scan.PassportPage); got != scan.Flatbed {
		t.Errorf("passport from %v", got)
	}
	if pages, err := s.Run(context.Background(), scan.PassportPage); err != nil || len(pages) != 1 {
		t.Fatalf("passport: %d pages, %v", len(pages), err)
	}
	if jobs := srv.Jobs(); len(jobs) != 3 || jobs[1].Input != "Platen" || jobs[2].Input != "Platen" {
		t.Errorf("passport jobs %+v", jobs[1:])
	}
}

func TestRememberedSourceTheDeviceLacksFallsBack(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{NoAdf: true, Platen: render(t, 30, specimen.IDCard)})
	defer srv.Close()
	caps := session(t, srv).Caps
	s := remembered(t, scan.Choice{Device: scan.Device{Backend: scan.ESCL, ID: srv.URL}, Source: scan.Duplex}).Session(escl.New(), caps)
	turned := 0
	s.Turn = func(context.Context) error { turned++; return nil }
	pages, err := s.Run(context.Background(), scan.IDCard)
	if err != nil || len(pages) != 2 || turned != 1 {
		t.Fatalf("%d pages, turned %d, %v", len(pages), turned, err)
	}
	for _, j := range srv.Jobs() {
		if j.Input != "Platen" {
			t.Errorf("job %+v", j)
		}
	}
}

func TestIDCardInOneSidedFeederIsFedTwice(t *testing.T) {
	front, back := render(t, 31, specimen.IDCard), render(t, 32, specimen.DrivingLicence)
	srv := escltest.NewServer(escltest.Config{NoPlaten: true, Sheets: []image.Image{front}})
	defer srv.Close()
	s := session(t, srv)
	s.Source, s.DPI = scan.Feeder, 75
	s.Turn = func(context.Context) error {
		srv.Feed(back)
		return nil
	}
	pages, err := s.Run(context.Background(), scan.IDCard)
	if err != nil || len(pages) != 2 {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
	jobs := srv.Jobs()
	if len(jobs) != 2 || jobs[0].Duplex || jobs[1].Duplex || jobs[0].Served != 1 || jobs[1].Served != 1 {
		t.Errorf("jobs %+v", jobs)
	}
}
