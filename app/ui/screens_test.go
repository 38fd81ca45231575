package ui

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
)

// Every screen, laid out at 1280x800, matches its golden markup in
// testdata/screens (IDPRO_UPDATE_GOLDEN=1 rewrites them after a change
// meant to be seen). With IDPRO_SCREENSHOTS=DIR (make screenshots) each
// screen is painted instead, in the four languages, light and dark, into
// DIR.
func TestScreens(t *testing.T) {
	shots := os.Getenv("IDPRO_SCREENSHOTS")
	langs := []string{"en"}
	if shots != "" {
		langs = []string{"en", "nl", "fr", "de"}
	}
	t.Cleanup(func() { followLanguage("en") })
	doc := specimen.Random(3, specimen.Passport)
	read := ocr.ParseAt(doc.MRZ(), time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
	read.Review = []ocr.Field{ocr.FieldGivenNames}
	for _, lang := range langs {
		e := newEnvWith(t, fixedReader{read}, fakeScanners{
			{Backend: scan.SANE, ID: "pnm:0", Vendor: "Canon", Model: "LiDE 300"},
			{Backend: scan.ESCL, ID: "http://192.168.1.20/eSCL", Vendor: "HP", Model: "OfficeJet Pro 9010"},
		})
		if err := e.u.applyLanguage(lang); err != nil {
			t.Fatal(err)
		}
		e.u.DataDir = "/home/user/.config/idpro"
		e.u.win.Resize(fyne.NewSize(1280, 800))
		screen := func(name string) {
			t.Helper()
			e.u.Wait()
			// Painting in another theme changes the layout's sizes, so
			// a run either paints or compares.
			if shots != "" {
				paint(t, e.u, filepath.Join(shots, lang+"-"+name))
			} else {
				golden(t, name, test.RenderToMarkup(e.u.win.Canvas()))
			}
		}

		screen("1-documents-empty")
		path, _ := passportFile(t, e.dir, 3, specimen.A4Flatbed)
		e.u.ImportFiles(path)
		screen("1-documents")
		e.next(t)
		screen("2-person")
		e.next(t)
		screen("3-address")
		e.next(t)
		screen("4-send")

		reqs := threeRequests()
		seedHistory(t, e, reqs...)
		h := showHistory(e, 1280, 800)
		screen("5-history")
		asked, err := e.store.Request(reqs[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		h.view.show(asked)
		screen("6-details")
		h.view.dialog.Hide()

		tabs, top := openSettings(t, e)
		for i := range tabs.Items {
			tabs.SelectIndex(i)
			screen("7-settings-" + []string{"general", "scanning", "account", "about"}[min(i, 3)])
		}
		test.Tap(buttonNamed(t, top, e.u.T("ui.cancel")))

		e.u.tabs.SelectIndex(0)
		e.u.wizard.docs.openScanner()
		e.u.Wait()
		e.u.wizard.docs.scanning.pick.SetSelectedIndex(0)
		screen("8-scan")
		e.u.wizard.docs.scanning.close()
	}
}

// volatile is what changes from run to run in a screen's markup: the
// sandbox's port, today's date and time, temporary folders.
var volatile = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`127\.0\.0\.1:\d+`), "127.0.0.1:PORT"},
	{regexp.MustCompile(`\d{4}-\d\d-\d\d( \d\d:\d\d(:\d\d)?)?`), "DATE"},
	{regexp.MustCompile(`\d\d?[./]\d\d?[./]\d{4}( \d\d:\d\d)?`), "DATE"},
	{regexp.MustCompile(`/tmp/[^"<\s]*`), "TMP"},
	{regexp.MustCompile(`Test[A-Za-z]+[0-9]+`), "TMP"},
}

// golden compares markup with testdata/screens/name.xml.
func golden(t *testing.T, name, markup string) {
	t.Helper()
	for _, v := range volatile {
		markup = v.re.ReplaceAllString(markup, v.with)
	}
	file := filepath.Join("testdata", "screens", name+".xml")
	if os.Getenv("IDPRO_UPDATE_GOLDEN") != "" {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(markup), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%s: %v (IDPRO_UPDATE_GOLDEN=1 writes it)", name, err)
	}
	if string(want) != markup {
		failed := filepath.Join("testdata", "failed", name+".xml")
		os.MkdirAll(filepath.Dir(failed), 0o755)
		os.WriteFile(failed, []byte(markup), 0o644)
		t.Errorf("screen %s differs from %s: see %s (diff them; IDPRO_UPDATE_GOLDEN=1 takes the new one)", name, file, failed)
	}
}

// paint writes the window as the user sees it, light and dark.
func paint(t *testing.T, u *UI, base string) {
	t.Helper()
	a, c := fyne.CurrentApp(), u.win.Canvas()
	defer a.Settings().SetTheme(test.Theme())
	for _, v := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		a.Settings().SetTheme(variantTheme{Theme(), v.variant})
		u.Wait() // what follows the theme is painted again
		f, err := os.Create(base + "-" + v.name + ".png")
		if err != nil {
			t.Fatal(err)
		}
		err = png.Encode(f, c.Capture())
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// variantTheme is a theme in one variant, whatever the system says.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (v variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return v.Theme.Color(n, v.variant)
}
