package ui

import (
	"encoding/json"
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// cards renders identity cards as a scanner sees them, one per seed.
func cards(t *testing.T, seeds ...uint64) []image.Image {
	t.Helper()
	var out []image.Image
	for _, seed := range seeds {
		img, err := specimen.Render(specimen.Random(seed, specimen.IDCard), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, img)
	}
	return out
}

// scanCard opens the Scan dialog for an identity card, with srv as the
// only scanner, once the dialog has found it.
func scanCard(t *testing.T, srv *escltest.Server) (*env, *scanner) {
	t.Helper()
	e := newEnvWith(t, nil, scan.Backends{scan.ESCL: escl.New(srv.URL)})
	w := e.u.wizard
	w.docs.kind.SetSelected("Identity card")
	w.docs.openScanner()
	e.u.Wait()
	return e, w.docs.scanning
}

// On a scanner with a flatbed and a duplex feeder, the user can send the
// card through the feeder (both sides in one pass, no turning), with the
// back turned; the next Scan dialog offers the same again.
func TestScanningAnIDCardThroughTheDuplexFeeder(t *testing.T) {
	sides := cards(t, 41, 42)
	srv := escltest.NewServer(escltest.Config{MakeAndModel: "Front Desk MFP", Platen: sides[0], PlatenAt: image.Pt(500, 700),
		Sheets: sides})
	defer srv.Close()
	e, s := scanCard(t, srv)
	w := e.u.wizard
	if s.source.Disabled() || s.source.Selected != "Flatbed" || strings.Join(s.source.Options, "|") != "Flatbed|Document feeder, both sides|Document feeder" {
		t.Fatalf("sources %q, selected %q", s.source.Options, s.source.Selected)
	}
	if s.rotateBack.Visible() {
		t.Error("turning the back offered for the flatbed")
	}
	s.source.SetSelected("Document feeder, both sides")
	if !s.rotateBack.Visible() {
		t.Fatal("turning the back not offered for the duplex feeder")
	}
	s.rotateBack.SetChecked(true)
	test.Tap(s.start)
	e.u.Wait()
	if w.docs.pages.Len() != 2 || w.docs.scanning != nil {
		t.Fatalf("%d pages after the duplex scan; status %q", w.docs.pages.Len(), s.status.Text)
	}
	if jobs := srv.Jobs(); len(jobs) != 1 || jobs[0].Input != "Feeder" || !jobs[0].Duplex {
		t.Fatalf("jobs %+v, want one duplex feeder job", jobs)
	}
	st, _ := e.store.Settings()
	var c scan.Choice
	if err := json.Unmarshal([]byte(st.Scanner), &c); err != nil || c.Source != scan.Duplex || !c.RotateBack {
		t.Fatalf("remembered %q (%v)", st.Scanner, err)
	}

	w.docs.openScanner()
	e.u.Wait()
	s = w.docs.scanning
	if s.source.Selected != "Document feeder, both sides" || !s.rotateBack.Checked || !s.rotateBack.Visible() {
		t.Fatalf("reopened: source %q, turn back %v", s.source.Selected, s.rotateBack.Checked)
	}
	s.close()
}

// A typed address is read as users write it; a malformed one says why
// and cannot be used.
func TestTypedScannerAddress(t *testing.T) {
	e := newEnvWith(t, nil, scan.Backends{})
	e.u.wizard.docs.openScanner()
	e.u.Wait()
	s := e.u.wizard.docs.scanning
	typeInto(s.address, "192.168.1.20")
	if dev, ok := s.device(); !ok || dev.Backend != scan.ESCL || dev.ID != "http://192.168.1.20/eSCL" || s.start.Disabled() {
		t.Fatalf("a bare IP address: %+v %v", dev, ok)
	}
	typeInto(s.address, "http://")
	if _, ok := s.device(); ok || !s.start.Disabled() || !strings.Contains(s.status.Text, "http://") {
		t.Fatalf("a malformed address accepted, status %q", s.status.Text)
	}
	s.close()
}

// A card in a one-sided feeder is fed twice, and the user is told to put
// it back in the feeder, not to turn it on the glass.
func TestOneSidedFeederAsksToFeedTheCardAgain(t *testing.T) {
	sides := cards(t, 43, 44)
	srv := escltest.NewServer(escltest.Config{MakeAndModel: "Sheet Feeder", NoPlaten: true, Sheets: sides[:1]})
	defer srv.Close()
	e, s := scanCard(t, srv)
	w := e.u.wizard
	s.source.SetSelected("Document feeder")
	if s.rotateBack.Visible() {
		t.Error("turning the back offered for a one-sided feeder")
	}
	test.Tap(s.start)
	e.waitUntil(t, func() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.turn != nil })
	if top := e.u.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(markup(top), "back in the feeder") {
		t.Fatal("the user is not told to feed the card again")
	}
	srv.Feed(sides[1])
	s.answerTurn(true)
	e.u.Wait()
	if w.docs.pages.Len() != 2 {
		t.Fatalf("%d pages from the one-sided feeder; status %q", w.docs.pages.Len(), s.status.Text)
	}
}
