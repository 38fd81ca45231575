package ui

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/ocr/specimen"
)

// fillRequest takes a new request through steps 1 to 3 and types the
// requester on step 4.
func fillRequest(t *testing.T, e *env) {
	t.Helper()
	path, _ := passportFile(t, e.dir, 1, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.next(t)
	p := e.person()
	typeInto(p.surname, "Kowalska")
	typeInto(p.given, "Zofia")
	p.sex.SetSelected("Female")
	typeInto(p.birthDate, "14/03/1990")
	typeInto(p.birthPlace, "Kraków")
	e.next(t)
	a := e.address()
	typeInto(a.residence.country, "be")
	typeInto(a.residence.street, "Rue Haute")
	typeInto(a.residence.number, "32")
	typeInto(a.residence.postal, "4000")
	a.residence.municipality.SetText("Liège")
	e.next(t)
	typeInto(e.send().requester, "hr@example.be")
}

// While the service answers slowly, the request belongs to the desk: the
// step is locked, and starting a new request meanwhile neither saves the
// old draft over it nor shows its outcome on the new one.
func TestSlowSendKeepsTheRequest(t *testing.T) {
	e := newEnv(t, nil)
	target, _ := url.Parse(e.service)
	proxy := httputil.NewSingleHostReverseProxy(target)
	release := make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		<-release
		proxy.ServeHTTP(rw, r)
	}))
	defer slow.Close()
	svc, err := api.New(slow.URL, e.srv.Session(demoBram).Client())
	if err != nil {
		t.Fatal(err)
	}
	e.u.Desk.SetService(svc.ForCompany("0403170701"))

	fillRequest(t, e)
	s, w := e.send(), e.u.wizard
	sent := w.req
	test.Tap(s.send)
	if !s.requester.Disabled() || !w.back.Disabled() || !s.send.Disabled() {
		close(release)
		t.Fatal("the request can still be edited, resent or left while it is being sent")
	}
	e.u.newRequest()
	close(release)
	e.u.Wait()

	stored, err := e.store.Request(sent.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Status != app.Allocated || stored.INSZ == "" {
		t.Fatalf("stored request %s, INSZ %q: want completed with an INSZ", stored.Status, stored.INSZ)
	}
	if w.req == sent || s.result.Text != "" || s.insz.Visible() || s.requester.Disabled() {
		t.Fatalf("the outcome of the old request shows on the new one: %q", s.result.Text)
	}
}
