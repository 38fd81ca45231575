package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
)

// gatedHistory is the store behind a disk that stops while the test holds
// its gate: every Save waits until the gate opens.
type gatedHistory struct {
	app.History
	mu    sync.Mutex
	gate  chan struct{} // nil: open
	saves int           // saves started
}

// hold stops the disk until release, or for three minutes at most: a UI
// goroutine that waits on it then gets going again, and the test says how
// long it waited (minutes: the import alone takes one under -race on a
// busy machine).
func (h *gatedHistory) hold() {
	h.mu.Lock()
	defer h.mu.Unlock()
	gate := make(chan struct{})
	h.gate = gate
	time.AfterFunc(3*time.Minute, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.gate == gate {
			close(gate)
			h.gate = nil
		}
	})
}

func (h *gatedHistory) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.gate != nil {
		close(h.gate)
		h.gate = nil
	}
}

func (h *gatedHistory) started() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.saves
}

func (h *gatedHistory) Save(r *app.Request) error {
	h.mu.Lock()
	gate := h.gate
	h.saves++
	h.mu.Unlock()
	if gate != nil {
		<-gate
	}
	return h.History.Save(r)
}

// slowDisk puts the wizard's saves (and sends) behind a gated store, with
// saves off the UI goroutine as in the app (a draft delay).
func slowDisk(t *testing.T, e *env) *gatedHistory {
	h := &gatedHistory{History: e.store}
	dk := desk.New(h, e.live, nil, nil)
	dk.Pack = scan.PackPDF
	e.u.Desk = dk
	e.u.DraftDelay = 5 * time.Millisecond
	t.Cleanup(h.release)
	return h
}

// quick runs fn on the UI goroutine (the test's) and fails if it took
// long enough to have waited for the disk, which holds for minutes (a
// slow machine may take seconds to rebuild the window).
func quick(t *testing.T, what string, fn func()) {
	t.Helper()
	start := time.Now()
	fn()
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("%s took %v: the UI goroutine waited for the store", what, d)
	}
}

// While the disk stalls the wizard keeps answering: step changes, typing
// and a new request only ask for saves. Once the disk is back, the last
// edit is what the history holds, in one draft, though its first save
// (which gave the draft its id) was still waiting when the edits came.
func TestDraftSavesDoNotBlockTheUI(t *testing.T) {
	e := newEnv(t, nil)
	h := slowDisk(t, e)
	w := e.u.wizard
	h.hold()
	path, _ := passportFile(t, e.dir, 6, specimen.Card)
	e.u.ImportFiles(path)
	e.waitUntil(t, func() bool { return w.docs.pages.Len() == 1 && h.started() > 0 })
	quick(t, "Next while the first save waits", func() { e.next(t) })
	p := e.person()
	quick(t, "typing", func() {
		typeInto(p.surname, "Nowak")
		typeInto(p.given, "Jan")
	})
	quick(t, "Next", func() { e.next(t) })
	quick(t, "Back", func() { w.backward() })
	typeInto(p.surname, "Nowakowska")
	quick(t, "a new request", func() { e.u.newRequest() })
	if w.req.ID != "" || p.surname.Text != "" {
		t.Fatal("the new request is not empty")
	}
	if list, _ := e.store.Requests(); len(list) != 0 {
		t.Fatalf("%d requests saved while the disk stalled", len(list))
	}

	h.release()
	e.u.Wait()
	list, err := e.store.Requests()
	if err != nil || len(list) != 1 {
		t.Fatalf("%d requests (%v): want the one draft", len(list), err)
	}
	if d := list[0]; d.Status != app.Draft || d.Person.Surname != "Nowakowska" || d.Person.GivenNames != "Jan" {
		t.Fatalf("draft %s %q %q: want the last edit", d.Status, d.Person.Surname, d.Person.GivenNames)
	}
}

// A request sent while its first draft save still waits is sent as that
// draft once it lands, not as a second request; a save of an older
// version asked after the send does not turn it back into a draft.
func TestSendWaitsForTheDraftSaves(t *testing.T) {
	e := newEnv(t, nil)
	h := slowDisk(t, e)
	w := e.u.wizard
	h.hold()
	path, _ := passportFile(t, e.dir, 7, specimen.Card)
	e.u.ImportFiles(path)
	e.waitUntil(t, func() bool { return w.docs.pages.Len() == 1 && h.started() > 0 })
	e.next(t)
	typeInto(e.person().surname, "Nowak")
	typeInto(e.person().birthDate, "1980")
	e.next(t)
	e.next(t)
	old, oldSeq := w.snapshot()
	draft := w.draft
	typeInto(e.send().requester, "hr@example.be")
	quick(t, "Send", func() { test.Tap(e.send().send) })
	if w.req.ID != "" {
		t.Fatal("the draft got its id while the disk stalled")
	}
	h.release()
	e.u.Wait()
	list, _ := e.store.Requests()
	if len(list) != 1 || list[0].Status == app.Draft || list[0].Requester != "hr@example.be" {
		t.Fatalf("stored %d requests: want the one sent", len(list))
	}
	w.saves.ask(draft, old, oldSeq+100) // late, as a slow timer's
	e.u.Wait()
	if r, err := e.store.Request(list[0].ID); err != nil || r.Status == app.Draft {
		t.Fatalf("a late draft save overwrote the sent request: %v %v", r.Status, err)
	}
}

// A language change builds the wizard anew while the draft's first save
// still waits: the new wizard's saves go after it, into the same draft,
// and the Dutch names of countries are offered at once.
func TestLanguageChangeKeepsTheDraftBeingSaved(t *testing.T) {
	e := newEnv(t, nil)
	t.Cleanup(func() { followLanguage("en") })
	h := slowDisk(t, e)
	h.hold()
	path, _ := passportFile(t, e.dir, 8, specimen.Card)
	e.u.ImportFiles(path)
	e.waitUntil(t, func() bool { return e.u.wizard.docs.pages.Len() == 1 && h.started() > 0 })
	e.next(t)
	typeInto(e.person().surname, "Janssens")
	quick(t, "the language change", func() {
		if err := e.u.applyLanguage("nl"); err != nil {
			t.Fatal(err)
		}
	})
	p := e.person()
	typeInto(p.surname, "Janssens-Peeters")
	typeInto(p.nationality, "")
	typeIn(e, p.nation.f, "Belgie")
	if len(p.nation.shown) == 0 || p.nation.shown[0].Label() != "België (BEL)" {
		t.Fatalf("in Dutch, Belgie lists %v", p.nation.shown)
	}
	h.release()
	e.u.Wait()
	list, _ := e.store.Requests()
	if len(list) != 1 || list[0].Person.Surname != "Janssens-Peeters" {
		t.Fatalf("%d requests, first %+v: want the one draft with the last edit", len(list), list)
	}
}
