package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// openSettings opens the Settings dialog and returns what is on it.
func openSettings(t *testing.T, e *env) (*container.AppTabs, fyne.CanvasObject) {
	t.Helper()
	e.u.showSettings()
	e.u.Wait()
	top := e.u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no settings dialog")
	}
	for _, o := range test.LaidOutObjects(top) {
		if tabs, ok := o.(*container.AppTabs); ok {
			return tabs, top
		}
	}
	t.Fatal("the settings dialog has no tabs")
	return nil, nil
}

// selectWith finds the select on screen offering option.
func selectWith(t *testing.T, in fyne.CanvasObject, option string) *widget.Select {
	t.Helper()
	for _, o := range test.LaidOutObjects(in) {
		if s, ok := o.(*widget.Select); ok && s.Visible() && slices.Contains(s.Options, option) {
			return s
		}
	}
	t.Fatalf("no select offers %q", option)
	return nil
}

// buttonNamed finds the visible button with that text.
func buttonNamed(t *testing.T, in fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(in) {
		if b, ok := o.(*widget.Button); ok && b.Visible() && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// The language picked in the settings applies at once, to the window's
// tabs, menu, wizard and Fyne's own words, and the request being typed
// stays on its step.
func TestLanguageAppliesAtOnce(t *testing.T) {
	e := newEnv(t, nil)
	t.Cleanup(func() { followLanguage("en") })
	path, _ := passportFile(t, e.dir, 5, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.next(t)
	typeInto(e.person().surname, "Kowalska")

	tabs, top := openSettings(t, e)
	if tabs.Items[0].Text != "General" {
		t.Fatalf("settings tabs %q", tabs.Items[0].Text)
	}
	selectWith(t, top, "Nederlands").SetSelected("Nederlands")
	test.Tap(buttonNamed(t, top, "Save"))
	e.u.Wait()

	if got := e.u.tabs.Items[0].Text; got != "Nieuwe aanvraag" {
		t.Errorf("tab after switching to Dutch: %q", got)
	}
	if got := e.u.win.MainMenu().Items[0].Label; got != "Bestand" {
		t.Errorf("menu after switching to Dutch: %q", got)
	}
	w := e.u.wizard
	if w.at != 1 || e.person().surname.Text != "Kowalska" || w.docs.pages.Len() != 1 {
		t.Errorf("after the switch: step %d, surname %q, %d pages", w.at+1, e.person().surname.Text, w.docs.pages.Len())
	}
	if w.next.Text != "Volgende" || e.u.tabs.SelectedIndex() != 0 {
		t.Errorf("Next says %q on tab %d", w.next.Text, e.u.tabs.SelectedIndex())
	}
	if got := lang.L("Cancel"); got != "Annuleren" {
		t.Errorf("Fyne's own Cancel in Dutch: %q", got)
	}
	if st, _ := e.store.Settings(); st.Language != "nl" {
		t.Errorf("language kept as %q", st.Language)
	}

	// And back, from a Dutch settings dialog.
	_, top = openSettings(t, e)
	selectWith(t, top, "English").SetSelected("English")
	test.Tap(buttonNamed(t, top, "Opslaan"))
	e.u.Wait()
	if e.u.tabs.Items[0].Text != "New request" || lang.L("Cancel") != "Cancel" || e.person().surname.Text != "Kowalska" {
		t.Errorf("back in English: tab %q, Fyne %q", e.u.tabs.Items[0].Text, lang.L("Cancel"))
	}
}

// The window opens at 1280x800, and at the size it had when closed.
func TestWindowSizeRemembered(t *testing.T) {
	e := newEnv(t, nil)
	if got := e.u.win.Canvas().Size(); got != defaultSize {
		t.Errorf("first start at %v, want %v", got, defaultSize)
	}
	e.u.win.Resize(fyne.NewSize(1111, 777))
	e.u.Close()
	again := New(fyne.CurrentApp(), e.u.Deps)
	t.Cleanup(again.Close)
	if got := again.win.Canvas().Size(); got != fyne.NewSize(1111, 777) {
		t.Errorf("next start at %v, want 1111x777", got)
	}
	// A window shrunk to nothing opens at the default again.
	again.win.Resize(fyne.NewSize(200, 100))
	again.keepPlacement()
	third := New(fyne.CurrentApp(), e.u.Deps)
	t.Cleanup(third.Close)
	if got := third.win.Canvas().Size(); got != fyne.NewSize(1111, 777) {
		t.Errorf("after a tiny window: %v, want the last good size", got)
	}
}

// The resolution and colour set in the settings are the Scan dialog's;
// the remembered scanner is named there and can be forgotten.
func TestScanProfileFromSettings(t *testing.T) {
	sides := cards(t, 51, 52)
	srv := escltest.NewServer(escltest.Config{MakeAndModel: "Front Desk MFP", Sheets: sides, NoPlaten: true})
	defer srv.Close()
	e := newEnvWith(t, nil, scan.Backends{scan.ESCL: escl.New(srv.URL)})
	tabs, top := openSettings(t, e)
	tabs.SelectIndex(1)
	if !strings.Contains(markup(top), "None yet") {
		t.Error("no remembered scanner should be said so")
	}
	selectWith(t, top, "600 dpi").SetSelected("600 dpi")
	selectWith(t, top, "Greyscale").SetSelected("Greyscale")
	test.Tap(buttonNamed(t, top, "Save"))
	e.u.Wait()

	w := e.u.wizard
	w.docs.kind.SetSelected("Identity card")
	w.docs.openScanner()
	e.u.Wait()
	s := w.docs.scanning
	s.source.SetSelected("Document feeder, both sides")
	test.Tap(s.start)
	e.u.Wait()
	jobs := srv.Jobs()
	if len(jobs) == 0 || jobs[0].DPI != 600 || !strings.Contains(strings.ToLower(jobs[0].ColorMode), "gray") {
		t.Fatalf("jobs %+v, want 600 dpi in grey", jobs)
	}

	tabs, top = openSettings(t, e)
	tabs.SelectIndex(1)
	if !strings.Contains(markup(top), "Front Desk MFP") {
		t.Fatal("the remembered scanner is not named")
	}
	test.Tap(buttonNamed(t, top, "Forget"))
	test.Tap(buttonNamed(t, top, "Save"))
	e.u.Wait()
	if p := e.u.scanPrefs(); p.Device != (scan.Device{}) || p.DPI != 600 {
		t.Errorf("after Forget: %+v, want no scanner and the profile kept", p)
	}
}

// The Scan dialog tells two scanners of one model apart, and no
// English is left in it in Dutch.
func TestScannerNamesTellDevicesApart(t *testing.T) {
	e := newEnvWith(t, nil, fakeScanners{
		{Backend: scan.SANE, ID: "pnm:0", Vendor: "Noname", Model: "PNM file reader"},
		{Backend: scan.SANE, ID: "pnm:1", Vendor: "Noname", Model: "PNM file reader"},
	})
	t.Cleanup(func() { followLanguage("en") })
	if err := e.u.applyLanguage("nl"); err != nil {
		t.Fatal(err)
	}
	e.u.wizard.docs.openScanner()
	e.u.Wait()
	s := e.u.wizard.docs.scanning
	if want := []string{"PNM file reader (pnm:0)", "PNM file reader (pnm:1)"}; !slices.Equal(s.pick.Options, want) {
		t.Errorf("scanners listed as %q, want %q", s.pick.Options, want)
	}
	s.pick.SetSelectedIndex(1)
	if dev, _ := s.device(); dev.ID != "pnm:1" {
		t.Errorf("picking the second scanner chose %q", dev.ID)
	}
	if s.source.PlaceHolder != "Kies waarvandaan u scant" || s.pick.PlaceHolder == "(Select one)" {
		t.Errorf("placeholders %q, %q", s.source.PlaceHolder, s.pick.PlaceHolder)
	}
	if s.address.Text != "" || !strings.HasPrefix(s.address.PlaceHolder, "Bijvoorbeeld ") {
		t.Errorf("the address entry holds %q, placeholder %q", s.address.Text, s.address.PlaceHolder)
	}
	s.close()
}

// fakeScanners lists devices and offers a flatbed; it never scans.
type fakeScanners []scan.Device

func (f fakeScanners) Devices(context.Context) ([]scan.Device, error) { return f, nil }

func (f fakeScanners) Capabilities(context.Context, scan.Device) (scan.Capabilities, error) {
	return scan.Capabilities{Sources: []scan.Source{scan.Flatbed}}, nil
}

func (f fakeScanners) Scan(context.Context, scan.Device, scan.Settings, scan.Progress) ([]scan.Page, error) {
	return nil, scan.ErrUnsupported
}

// The settings say who is signed in for which company, and sign out.
func TestSettingsShowTheAccountAndSignOut(t *testing.T) {
	e := newEnv(t, nil)
	tabs, top := openSettings(t, e)
	if len(tabs.Items) != 4 || tabs.Items[2].Text != "Account" || tabs.Items[3].Text != "About" {
		t.Fatalf("settings tabs: %d", len(tabs.Items))
	}
	tabs.SelectIndex(2)
	co, _ := e.u.Account.Company()
	if m := markup(top); !strings.Contains(m, "Bram Claes") || !strings.Contains(m, co.Name) {
		t.Fatalf("the account tab does not say who and for whom")
	}
	test.Tap(buttonNamed(t, top, "Sign out"))
	e.u.Wait()
	if e.u.Account.SignedIn() || e.u.account.who.Text != "Not signed in" {
		t.Errorf("after signing out: %q", e.u.account.who.Text)
	}
}
