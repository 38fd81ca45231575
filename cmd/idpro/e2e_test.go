package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/ocr/specimen"
)

// browserEnv, in the app's environment, makes the test binary the
// system browser (xdg-open runs $BROWSER): it fills the sandbox's sign-in
// page for the demo person it names, by security code, over HTTP.
const browserEnv = "IDPRO_E2E_BROWSER"

func TestMain(m *testing.M) {
	if who := os.Getenv(browserEnv); who != "" {
		os.Exit(actAsBrowser(who, os.Args[len(os.Args)-1]))
	}
	os.Exit(m.Run())
}

func actAsBrowser(who, link string) int {
	hc := &http.Client{Timeout: 30 * time.Second}
	if err := sandboxtest.FillForm(hc, link, "code", who, sandbox.DemoCode); err != nil {
		fmt.Fprintln(os.Stderr, "browser:", err)
		return 1
	}
	return 0
}

// desktop is a private X display with a screen to read and drive, the
// idpro binary, and a home whose browser is this test binary.
func desktop(t *testing.T) (display string, scr *screen, bin, home string) {
	t.Helper()
	display = startXvfb(t)
	scr = newScreen(t, display)
	bin = buildBinary(t)
	home = t.TempDir()
	me, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	setBrowser(t, home, me)
	return display, scr, bin, home
}

// setBrowser makes exe the browser of the desktop in home, the
// freedesktop way (a .desktop file and mimeapps.list), as xdg-open,
// which Fyne's OpenURL runs, asks for it.
func setBrowser(t *testing.T, home, exe string) {
	t.Helper()
	apps := filepath.Join(home, ".local", "share", "applications")
	conf := filepath.Join(home, ".config")
	for _, dir := range []string{apps, conf} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	desktop := "[Desktop Entry]\nType=Application\nName=e2e browser\nExec=" + exe + " %u\n" +
		"MimeType=x-scheme-handler/http;x-scheme-handler/https;\n"
	list := "[Default Applications]\nx-scheme-handler/http=idpro-e2e-browser.desktop\n" +
		"x-scheme-handler/https=idpro-e2e-browser.desktop\n"
	if err := os.WriteFile(filepath.Join(apps, "idpro-e2e-browser.desktop"), []byte(desktop), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(conf, "mimeapps.list"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
}

// inszShape is an INSZ as the app prints it: 91.43.14-002.44.
var inszShape = regexp.MustCompile(`\d\d\.\d\d\.\d\d-\d\d\d\.\d\d`)

// sofie is a demo staff member of one company, with access.
const sofie = "sofie.wouters@transports-lambert.be"

// The real binary, in a real window under Xvfb, as a receptionist uses
// it: a scanned passport page opened with idpro, sign in, the four steps,
// send, and the worker's INSZ in the history.
func TestFourStepsUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the real app under Xvfb")
	}
	display, scr, bin, home := desktop(t)
	d := specimen.Document{Kind: specimen.Passport, DocumentCode: "P", IssuingState: "POL",
		Surname: "KOWALSKA", GivenNames: "ANNA MARIA", DocumentNumber: "EA7723150", Nationality: "POL",
		BirthDate: time.Date(1991, 3, 14, 0, 0, 0, 0, time.UTC), Sex: "F",
		ExpiryDate: time.Date(2032, 9, 30, 0, 0, 0, 0, time.UTC)}
	page := writeMRZPage(t, d, specimen.RenderOptions{DPI: 300, Page: specimen.A4Flatbed, Seed: 7})
	app, errs := startAppWith(t, bin, display, home, []string{
		"FYNE_THEME=light", browserEnv + "=" + sofie, "IDPRO_AUTO_CLERK=0",
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
	}, page)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the app's stderr:\n%s", errs.String())
		}
	})
	waitFor(t, "the idpro window", 60*time.Second, func() bool { return len(windows(display, "^idpro$")) > 0 })

	scr.clickText("Sign in", 30*time.Second)
	scr.waitText("Sofie Wouters", 30*time.Second)
	scr.waitText("Machine-readable zone read", 60*time.Second)
	scr.clickText("Next", 10*time.Second)
	scr.typeInto("Place of birth", 200, "Krakow")
	scr.clickText("Next", 10*time.Second)
	scr.typeInto("Street", 200, "Veldstraat")
	scr.typeInto("Number", 200, "12")
	scr.typeInto("Country", 200, "Belgi")
	scr.key("Down", "Return")
	scr.typeInto("Postcode", 200, "9000")
	scr.key("Tab")
	scr.clickText("Next", 10*time.Second)
	// The e-mail is the signed-in person's: Send is blue only when it is.
	scr.clickButton("Send request", 10*time.Second)
	scr.waitText("INSZ number is", 60*time.Second)
	insz := scr.waitMatch(inszShape, 10*time.Second)
	scr.clickText("History", 10*time.Second)
	scr.waitText("KOWALSKA, ANNA MARIA", 30*time.Second)
	if got := scr.waitMatch(inszShape, 10*time.Second); got != insz {
		t.Errorf("the history shows INSZ %s; the send step said %s", got, insz)
	}
	if app.exited() {
		t.Fatalf("app exited: %s", errs.String())
	}
}
