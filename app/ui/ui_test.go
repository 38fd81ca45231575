package ui

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	pdfapi "github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/account"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/locale"
	_ "github.com/idpro/idpro/app/locale/sysenv" // quiet Fyne under LANG=C.UTF-8
	"github.com/idpro/idpro/app/postcode"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl/escltest"
	"github.com/idpro/idpro/store"
)

// env is a UI wired to real parts: a bbolt file in a temp dir and the
// sandbox over HTTP on loopback.
type env struct {
	u       *UI
	store   *store.Store
	live    app.Service
	dir     string
	service string
	srv     *sandboxtest.Server
	account *account.Account
	who     string  // the demo person the browser signs in as
	loop    *uiLoop // runs the UI's updates on the test goroutine
}

func newEnv(t *testing.T, reader MRZReader) *env {
	t.Helper()
	return newEnvWith(t, reader, nil)
}

func newEnvWith(t *testing.T, reader MRZReader, scanners scan.Backend) *env {
	t.Helper()
	return newEnvOn(t, reader, scanners, sandbox.Options{})
}

// newEnvOn is newEnvWith on a sandbox with options (a clock, mail).
func newEnvOn(t *testing.T, reader MRZReader, scanners scan.Backend, opt sandbox.Options) *env {
	t.Helper()
	return buildEnv(t, reader, scanners, opt, demoBram, nil)
}

// buildEnv wires the UI to real parts, with who signed in ("" for nobody)
// and open as the system browser (nil: the form filled over HTTP as who).
func buildEnv(t *testing.T, reader MRZReader, scanners scan.Backend, opt sandbox.Options, who string, open func(*url.URL) error) *env {
	t.Helper()
	test.NewTempApp(t)
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "idpro.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := sandboxtest.Start(t, filepath.Join(dir, "sandbox.db"), opt)
	cat, err := locale.New(assets.Translations, "translations", "en")
	if err != nil {
		t.Fatal(err)
	}
	codes, err := postcode.Parse(assets.Postcodes)
	if err != nil {
		t.Fatal(err)
	}
	dk := desk.New(st, nil, nil, nil)
	dk.Pack = scan.PackPDF
	keeper := signin.Memory()
	acc, err := account.New(srv.URL, func(string) signin.Keeper { return keeper }, dk, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{store: st, dir: dir, service: srv.URL, srv: srv, account: acc, loop: newLoop()}
	if who != "" {
		e.signIn(t, who)
	}
	if open == nil {
		open = e.browser(t)
	}
	u := New(fyne.CurrentApp(), Deps{Desk: dk, History: st, Settings: st, Reader: reader, Scanners: scanners, Catalog: cat,
		Postcodes: codes, SandboxURL: srv.URL, Account: acc, OpenURL: open, Do: e.loop.do})
	e.u = u
	e.loop.serve(t, u)
	e.live = acc.Service()
	t.Cleanup(func() { u.Close(); st.Close() })
	return e
}

// demoBram works for the bakery and the transport firm (sandbox demo data).
const demoBram = "bram.claes@sociaal-secretariaat.be"

// browser is the system browser in tests: it fills the sandbox's sign-in
// form as e.who, over HTTP.
func (e *env) browser(t *testing.T) func(*url.URL) error {
	return func(u *url.URL) error {
		go func() {
			if err := sandboxtest.FillForm(sandboxtest.HTTP(t), u.String(), "code", e.who, sandbox.DemoCode); err != nil {
				t.Error(err)
			}
		}()
		return nil
	}
}

// signIn signs a demo person in directly (not through the window).
func (e *env) signIn(t *testing.T, who string) {
	t.Helper()
	e.who = who
	err := e.account.SignIn(context.Background(), "en", func(link string) {
		u, _ := url.Parse(link)
		e.browser(t)(u)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// passportFile renders a specimen passport data page as a PNG file.
// turned gives the page's counter-clockwise rotation on the glass.
func passportFile(t *testing.T, dir string, seed uint64, page specimen.Page, turned ...int) (string, specimen.Document) {
	t.Helper()
	doc := specimen.Random(seed, specimen.Passport)
	opt := specimen.RenderOptions{DPI: 300, Page: page}
	if len(turned) > 0 {
		opt.Rotate = turned[0]
	}
	img, err := specimen.Render(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "passport.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path, doc
}

func (e *env) person() *personStep   { return e.u.wizard.steps[1].(*personStep) }
func (e *env) address() *addressStep { return e.u.wizard.steps[2].(*addressStep) }
func (e *env) send() *sendStep       { return e.u.wizard.steps[3].(*sendStep) }

func (e *env) next(t *testing.T) {
	t.Helper()
	w := e.u.wizard
	if w.next.Disabled() {
		t.Fatalf("step %d: Next disabled: %s", w.at+1, w.problem.Text)
	}
	at := w.at
	test.Tap(w.next)
	if w.at != at+1 {
		t.Fatalf("Next did not move on from step %d", at+1)
	}
}

func typeInto(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

func TestTypedRequestReachesHistory(t *testing.T) {
	e := newEnv(t, nil)
	w := e.u.wizard
	if !w.next.Disabled() {
		t.Fatal("Next enabled on an empty step 1")
	}
	path, _ := passportFile(t, e.dir, 1, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	if w.docs.pages.Len() != 1 || len(w.docs.gallery.Objects) != 1 {
		t.Fatalf("pages after import: %d", w.docs.pages.Len())
	}
	if !strings.Contains(w.docs.mrz.Text, "not available") {
		t.Errorf("without an OCR engine the user should be told to type: %q", w.docs.mrz.Text)
	}
	e.next(t)

	p := e.person()
	if !w.next.Disabled() {
		t.Fatal("Next enabled without a surname")
	}
	typeInto(p.surname, "Kowalska")
	typeInto(p.given, "Zofia")
	p.sex.SetSelected("Female")
	typeInto(p.birthDate, "31/02/1990")
	if !w.next.Disabled() || !strings.Contains(w.problem.Text, "not a date") {
		t.Fatalf("impossible date accepted, problem %q", w.problem.Text)
	}
	typeInto(p.birthDate, "14/03/1990")
	typeInto(p.birthPlace, "Kraków")
	e.next(t)

	a := e.address()
	typeInto(a.residence.country, "be")
	typeInto(a.residence.street, "Rue Haute")
	typeInto(a.residence.number, "32/20")
	typeInto(a.residence.postal, "4000")
	if a.residence.municipality.Text != "" {
		t.Errorf("4000 covers several places; none should be picked: %q", a.residence.municipality.Text)
	}
	a.residence.municipality.SetText("Liège")
	if !w.next.Disabled() || !strings.Contains(w.problem.Text, "box apart") {
		t.Fatalf("box in number accepted, problem %q", w.problem.Text)
	}
	typeInto(a.residence.number, "32")
	typeInto(a.residence.box, "20")
	if a.contactCard.Visible() {
		t.Error("contact address offered for a Belgian residence")
	}
	e.next(t)

	s := e.send()
	if s.requester.Text != demoBram || !strings.Contains(s.as.Text, "Bram Claes") {
		t.Errorf("status mail to %q, sent as %q: want the signed-in Bram's", s.requester.Text, s.as.Text)
	}
	typeInto(s.requester, "")
	if !s.send.Disabled() {
		t.Fatal("Send enabled without an e-mail")
	}
	typeInto(s.requester, "hr@example.be")
	if s.send.Disabled() {
		t.Fatalf("Send disabled: %s", w.problem.Text)
	}
	if !strings.Contains(s.summary.Text, "Kowalska") || !strings.Contains(s.summary.Text, "bus 20") {
		t.Errorf("summary: %q", s.summary.Text)
	}
	test.Tap(s.send)
	e.u.Wait()
	if !s.insz.Visible() || !strings.Contains(s.result.Text, "INSZ") {
		t.Fatalf("after send: result %q", s.result.Text)
	}
	n, err := app.ParseINSZ(s.insz.Text)
	if err != nil || !n.IsBIS() || n[2:4] != "43" {
		t.Fatalf("INSZ shown %q (%v): want a BIS number with month 03+40", s.insz.Text, err)
	}

	e.u.tabs.SelectIndex(1)
	h := e.u.history
	if len(h.rows) != 1 || h.cell(widget.TableCellID{Row: 0, Col: 4}) != s.insz.Text ||
		h.cell(widget.TableCellID{Row: 0, Col: 3}) != "INSZ given" {
		t.Fatalf("history rows %d, insz %q", len(h.rows), h.cell(widget.TableCellID{Row: 0, Col: 4}))
	}
	stored, err := e.store.Request(h.rows[0].ID)
	if err != nil || len(stored.Pages) != 1 || stored.Residence.Box != "20" || stored.Person.BirthPlace != "Kraków" {
		t.Fatalf("stored request %+v, %v", stored, err)
	}
	// What was submitted is archived: the pages as one PDF.
	if stored.Scan == nil || stored.Scan.ContentType != "application/pdf" || !bytes.HasPrefix(stored.Scan.Data, []byte("%PDF")) {
		t.Fatalf("no archived PDF: %+v", stored.Scan)
	}
	var pdf bytes.Buffer
	if err := e.u.exportPDF(stored.ID, &pdf); err != nil {
		t.Fatal(err)
	}
	pdfapi.DisableConfigDir()
	if n, err := pdfapi.PageCount(bytes.NewReader(pdf.Bytes()), nil); err != nil || n != 1 {
		t.Errorf("exported PDF: %d pages, %v", n, err)
	}
}

func TestOfflineRequestIsQueuedAndSentLater(t *testing.T) {
	e := newEnv(t, nil)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead, _ := api.New("http://"+l.Addr().String(), nil)
	l.Close()
	e.u.Desk.SetService(dead.ForCompany("0403170701"))

	path, _ := passportFile(t, e.dir, 2, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.next(t)
	typeInto(e.person().surname, "Nowak")
	typeInto(e.person().birthDate, "1980")
	e.next(t)
	e.next(t)
	typeInto(e.send().requester, "hr@example.be")
	test.Tap(e.send().send)
	e.u.Wait()
	if !strings.Contains(e.send().result.Text, "No connection") {
		t.Fatalf("offline result %q", e.send().result.Text)
	}
	list, _ := e.store.Requests()
	if len(list) != 1 || list[0].Status != app.Queued {
		t.Fatalf("stored %+v", list)
	}

	e.u.Desk.SetService(e.live)
	e.u.tabs.SelectIndex(1)
	e.u.history.sync()
	e.u.Wait()
	h := e.u.history
	if h.cell(widget.TableCellID{Row: 0, Col: 3}) != "Information requested" ||
		!strings.Contains(h.cell(widget.TableCellID{Row: 0, Col: 5}), "Place of birth") {
		t.Fatalf("after reconnecting: status %q asked %q", h.cell(widget.TableCellID{Row: 0, Col: 3}),
			h.cell(widget.TableCellID{Row: 0, Col: 5}))
	}
	h.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if h.cancel.Disabled() {
		t.Fatal("cancel disabled for a request under investigation")
	}
	h.cancelRequest(h.current().ID)
	e.u.Wait()
	if h.cell(widget.TableCellID{Row: 0, Col: 3}) != "Cancelled" {
		t.Fatalf("after cancel: %q", h.cell(widget.TableCellID{Row: 0, Col: 3}))
	}
}

func TestFifthPageIsRefusedAndDraftsResume(t *testing.T) {
	e := newEnv(t, nil)
	path, _ := passportFile(t, e.dir, 3, specimen.Card)
	e.u.ImportFiles(path, path, path, path)
	e.u.Wait()
	e.u.ImportFiles(path)
	e.u.Wait()
	w := e.u.wizard
	if w.docs.pages.Len() != app.MaxPages {
		t.Fatalf("pages %d, want %d", w.docs.pages.Len(), app.MaxPages)
	}
	top := e.u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(markup(top), "at most 4 pages") {
		t.Fatal("no translated error shown for a fifth page")
	}
	w.docs.remove(3)
	w.docs.move(2, 1)
	e.next(t)
	typeInto(e.person().surname, "Draft")
	w.saveNow()

	e.u.newRequest()
	e.u.Wait()
	if w.docs.pages.Len() != 0 || e.person().surname.Text != "" {
		t.Fatal("new request not empty")
	}
	list, _ := e.store.Requests()
	if len(list) != 1 || list[0].Status != app.Draft || list[0].Person.Surname != "Draft" {
		t.Fatalf("drafts %+v", list)
	}
	e.u.tabs.SelectIndex(1)
	e.u.history.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(e.u.history.open)
	e.u.Wait()
	if e.u.tabs.SelectedIndex() != 0 || w.docs.pages.Len() != 3 || e.person().surname.Text != "Draft" {
		t.Fatalf("draft not resumed: %d pages, surname %q", w.docs.pages.Len(), e.person().surname.Text)
	}
}

func TestHistorySortsPerRequester(t *testing.T) {
	e := newEnv(t, nil)
	for i, who := range []string{"zoe@example.be", "adam@example.be", "mia@example.be"} {
		r := &app.Request{Requester: who, Status: app.Draft, Person: app.Person{Surname: string(rune('C' - i))}}
		if err := e.store.Save(r); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond)
	}
	h := e.u.history
	h.reload()
	h.sortBy.SetSelected("Requester")
	got := []string{h.rows[0].Requester, h.rows[1].Requester, h.rows[2].Requester}
	if got[0] != "adam@example.be" || got[2] != "zoe@example.be" {
		t.Errorf("sorted by requester: %v", got)
	}
	typeInto(h.filter, "mia")
	if len(h.rows) != 1 || h.rows[0].Requester != "mia@example.be" {
		t.Errorf("filter: %d rows", len(h.rows))
	}
}

func markup(o fyne.CanvasObject) string { return test.RenderObjectToMarkup(o) }

func TestScanningAnIDCardFrontAndBack(t *testing.T) {
	sides := cards(t, 31, 32)
	front, back := sides[0], sides[1]
	srv := escltest.NewServer(escltest.Config{MakeAndModel: "Front Desk MFP", Platen: front, PlatenAt: image.Pt(500, 700)})
	defer srv.Close()
	e, s := scanCard(t, srv)
	w := e.u.wizard
	if s == nil || s.pick.Selected != "Front Desk MFP" || s.start.Disabled() {
		t.Fatalf("the only scanner should be picked and ready")
	}
	test.Tap(s.start)
	e.waitUntil(t, func() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.turn != nil })
	srv.Place(back, image.Pt(40, 60))
	s.answerTurn(true)
	e.u.Wait()
	if w.docs.pages.Len() != 2 || w.docs.scanning != nil {
		t.Fatalf("pages %d after scanning both sides; status %q", w.docs.pages.Len(), s.status.Text)
	}
	if s.preview.Image == nil || !s.preview.Visible() {
		t.Error("the preview of the glass was not shown")
	}
	if l := w.docs.pages.All(); l[0].Label != "front" || l[1].Label != "back" || l[0].DPI != 300 {
		t.Errorf("labels %s/%s at %v dpi", l[0].Label, l[1].Label, l[0].DPI)
	}
	st, _ := e.store.Settings()
	if !strings.Contains(st.Scanner, srv.URL) {
		t.Errorf("scanner not remembered: %q", st.Scanner)
	}

	// Cancelling at the turn keeps nothing of the second card.
	w.docs.remove(1)
	w.docs.remove(0)
	srv.Place(front, image.Pt(10, 10))
	w.docs.openScanner()
	e.u.Wait()
	s = w.docs.scanning
	test.Tap(s.start)
	e.waitUntil(t, func() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.turn != nil })
	s.close()
	e.u.Wait()
	if w.docs.pages.Len() != 1 {
		t.Errorf("after cancelling at the turn: %d pages, want the front only", w.docs.pages.Len())
	}
}

func TestUnreadableScanBlocksNext(t *testing.T) {
	e := newEnv(t, nil)
	dark := image.NewGray(image.Rect(0, 0, 1011, 638))
	for i := range dark.Pix {
		dark.Pix[i] = 12
	}
	path := filepath.Join(e.dir, "dark.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	png.Encode(f, dark)
	f.Close()
	e.u.ImportFiles(path)
	e.u.Wait()
	w := e.u.wizard
	if w.docs.pages.Len() != 1 || !w.next.Disabled() || !strings.Contains(w.problem.Text, "Page 1 cannot be sent") {
		t.Fatalf("a black page: %d pages, next disabled %v, problem %q", w.docs.pages.Len(), w.next.Disabled(), w.problem.Text)
	}
	w.docs.remove(0)
	good, _ := passportFile(t, e.dir, 4, specimen.A4Flatbed)
	e.u.ImportFiles(good)
	e.u.Wait()
	if w.next.Disabled() {
		t.Fatalf("a clean flatbed scan is refused: %q", w.problem.Text)
	}
	if b := w.docs.pages.All()[0].Image.Bounds(); b.Dx() > 2000 {
		t.Errorf("the A4 page was not cut down to the passport: %v", b)
	}
}
