package ui

import (
	"context"
	"image"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/mail/mailtest"
	"github.com/idpro/idpro/app/sandbox/register"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// The whole follow-up as a user meets it: a request sent without the
// place of birth is asked for it; the user answers in the request's
// details with the place and an extra page; the service allocates; the
// sync brings a desktop notification; every change was mailed.
func TestQuestionAnsweredThenAllocated(t *testing.T) {
	smtp, sender := mailtest.Start(t)
	e := newEnvOn(t, nil, nil, sandbox.Options{Mail: sender, Register: register.New(nil)})
	path, _ := passportFile(t, e.dir, 11, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.next(t)
	p := e.person()
	typeInto(p.surname, "Nowak")
	typeInto(p.given, "Piotr")
	p.sex.SetSelected("Male")
	typeInto(p.birthDate, "1984")
	e.next(t)
	e.next(t)
	test.Tap(e.send().send)
	e.u.Wait()
	if !strings.Contains(e.send().result.Text, "Place of birth") {
		t.Fatalf("after sending: %q", e.send().result.Text)
	}

	e.u.tabs.SelectIndex(1)
	h := e.u.history
	h.reload()
	if tab := e.u.tabs.Items[1].Text; !strings.Contains(tab, "1 to answer") {
		t.Errorf("History tab %q: want the count of requests to answer", tab)
	}
	h.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(h.detail)
	e.u.Wait()
	v := h.view
	if v.req == nil || !v.question.Visible() || !strings.Contains(v.question.Text, "Place of birth") {
		t.Fatalf("details: question %q", v.question.Text)
	}
	typeInto(v.answer.values[app.FieldBirthPlace], "Poznań")
	typeInto(v.answer.values[app.FieldBirthDate], "02/05/1984")
	extra, _ := passportFile(t, t.TempDir(), 12, specimen.Card)
	f, err := os.Open(extra)
	if err != nil {
		t.Fatal(err)
	}
	page, err := answerPage(context.Background(), "permit.png", f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	v.answer.addPage(page)
	test.Tap(v.answer.send)
	e.u.Wait()
	if v.req.Status != app.Answered || len(v.req.Pages) != 2 || v.question.Visible() {
		t.Fatalf("after answering: %s, %d pages", v.req.Status, len(v.req.Pages))
	}

	// The service's clerk allocates; the next sync notifies.
	e.srv.Sandbox.ClerkTick(0)
	test.AssertNotificationSent(t, &fyne.Notification{
		Title:   "Request " + v.req.RemoteID + ": INSZ given",
		Content: "The request for P. N. is now: INSZ given.",
	}, func() {
		h.sync()
		e.u.Wait()
	})
	done, _ := e.store.Request(v.req.ID)
	if done.Status != app.Allocated || done.INSZ == "" || done.Person.BirthPlace != "Poznań" {
		t.Fatalf("after the sync: %s %q %+v", done.Status, done.INSZ, done.Person)
	}
	h.view.update(done)
	if !v.insz.Visible() || v.insz.Text != done.INSZ.String() || !strings.Contains(v.timeline.Text, "Information requested") {
		t.Errorf("details after allocation: INSZ %q, timeline %q", v.insz.Text, v.timeline.Text)
	}
	if tab := e.u.tabs.Items[1].Text; tab != "History" {
		t.Errorf("History tab %q with nothing to answer", tab)
	}
	mails := smtp.Wait(3, 10*time.Second)
	if len(mails) != 3 {
		t.Fatalf("%d e-mails for info requested, answered, allocated", len(mails))
	}
	for _, m := range mails {
		if m.To[0] != demoBram || strings.Contains(string(m.Raw), "Nowak") {
			t.Errorf("mail to %v holding the name: %v", m.To, strings.Contains(string(m.Raw), "Nowak"))
		}
	}
}

// While the user types step 2, the register is asked; a known worker's
// missing fields are offered, filled on request and marked as such.
func TestKnownPersonIsOffered(t *testing.T) {
	known := register.Person{INSZ: "90021400172", Surname: "Wróbel", GivenNames: "Łukasz", Sex: app.Male,
		BirthDate: app.Date{Year: 1990, Month: 2, Day: 14}, BirthPlace: "Wrocław", Nationality: "POL",
		Documents: []register.Document{{Kind: app.Passport, Number: "EK1234567", IssuingState: "POL"}}}
	e := newEnvOn(t, nil, nil, sandbox.Options{Register: register.New([]register.Person{known})})
	path, _ := passportFile(t, e.dir, 13, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.next(t)
	p := e.person()
	typeInto(p.surname, "Wróbel")
	typeInto(p.docNumber, "EK1234567")
	typeInto(p.issuer, "POL")
	e.u.Wait()
	if !p.known.root.Visible() || !strings.Contains(p.known.text.Text, "Place of birth") || strings.Contains(p.known.text.Text, "Surname") {
		t.Fatalf("offer: visible %v, %q", p.known.root.Visible(), p.known.text.Text)
	}
	test.Tap(p.known.fill)
	if p.birthPlace.Text != "Wrocław" || p.birthDate.Text != "1990-02-14" || p.surname.Text != "Wróbel" || p.sexes[p.sex.Selected] != app.Male {
		t.Errorf("filled: %q %q %q %q", p.birthPlace.Text, p.birthDate.Text, p.surname.Text, p.sex.Selected)
	}
	if !strings.Contains(p.review.Text, "Crossroads Bank") || p.known.root.Visible() {
		t.Errorf("filled fields not marked: %q", p.review.Text)
	}
	if n := e.srv.Sandbox.Lookups("0403170701"); n == 0 {
		t.Error("the lookup was not audited")
	}
}

// An answer's page can be scanned too, with the same Scan dialog and
// checks; the scanned page joins the answer.
func TestAnswerPageIsScanned(t *testing.T) {
	srv := escltest.NewServer(escltest.Config{MakeAndModel: "Front Desk MFP", Platen: cards(t, 51)[0], PlatenAt: image.Pt(500, 700)})
	defer srv.Close()
	e := newEnvOn(t, nil, scan.Backends{scan.ESCL: escl.New(srv.URL)}, sandbox.Options{Register: register.New(nil)})
	path, _ := passportFile(t, e.dir, 14, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.next(t)
	typeInto(e.person().surname, "Nowak")
	typeInto(e.person().birthDate, "1984")
	e.next(t)
	e.next(t)
	test.Tap(e.send().send)
	e.u.Wait()
	h := e.u.history
	e.u.tabs.SelectIndex(1)
	h.reload()
	h.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(h.detail)
	e.u.Wait()
	a := h.view.answer
	if !a.scanPg.Visible() || a.scanPg.Disabled() {
		t.Fatal("no Scan button in the answer")
	}
	test.Tap(a.scanPg)
	e.u.Wait()
	s := e.u.wizard.docs.scanning
	if s == nil || s.start.Disabled() {
		t.Fatal("the Scan dialog did not open ready")
	}
	test.Tap(s.start)
	e.u.Wait()
	if len(a.pages) != 1 || a.pages[0].ContentType == "" {
		t.Fatalf("answer pages after scanning: %d", len(a.pages))
	}
	if e.u.wizard.docs.pages.Len() != 1 {
		t.Errorf("the scanned answer page went into the wizard's request too: %d pages", e.u.wizard.docs.pages.Len())
	}
}
