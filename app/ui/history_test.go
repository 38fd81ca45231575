package ui

import (
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// seedHistory stores requests for the history's tests, oldest first.
func seedHistory(t *testing.T, e *env, reqs ...*app.Request) {
	t.Helper()
	for _, r := range reqs {
		if err := e.store.Save(r); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond) // distinct creation times
	}
}

// threeRequests are a draft, a request the service asks about and a
// sent one, with requesters and surnames in three different orders.
func threeRequests() []*app.Request {
	asked := time.Date(2026, 12, 7, 11, 30, 0, 0, time.UTC)
	return []*app.Request{
		{Requester: "zoe@example.be", Status: app.Draft, Person: app.Person{Surname: "Bakker"}},
		{Requester: "adam@example.be", Status: app.InfoRequested, Person: app.Person{Surname: "Ćwik"},
			Question: &app.Question{Fields: []string{app.FieldBirthPlace}},
			Timeline: []app.Event{
				{At: asked.Add(-time.Hour), Status: app.Received},
				{At: asked.Add(-time.Hour), Status: app.Investigating, Code: "notice.incomplete"},
				{At: asked, Status: app.InfoRequested, By: "Clerk Peeters", Note: "Where was the worker born?"},
			}},
		{Requester: "mia@example.be", Status: app.Received, Person: app.Person{Surname: "Andersen"}},
	}
}

// showHistory opens the History tab in a window of the given size and
// waits for its rows.
func showHistory(e *env, w, h float32) *historyView {
	e.u.win.Resize(fyne.NewSize(w, h))
	e.u.tabs.SelectIndex(1)
	e.u.Wait()
	return e.u.history
}

// headers are the table's column headers on screen, by title.
func headers(h *historyView) map[string]*sortHeader {
	out := map[string]*sortHeader{}
	for _, o := range test.LaidOutObjects(h.table) {
		if s, ok := o.(*sortHeader); ok && s.Visible() && s.label.Text != "" {
			out[s.label.Text] = s
		}
	}
	return out
}

func requesters(h *historyView) []string {
	var out []string
	for _, r := range h.rows {
		out = append(out, r.Requester)
	}
	return out
}

// Clicking a header sorts by its column, again reverses, and the arrow
// says which column and which way; the filter still applies.
func TestHistorySortsByClickedHeader(t *testing.T) {
	e := newEnv(t, nil)
	seedHistory(t, e, threeRequests()...)
	h := showHistory(e, 1000, 720)
	if got := requesters(h); !slices.Equal(got, []string{"mia@example.be", "adam@example.be", "zoe@example.be"}) {
		t.Fatalf("first shown %v, want newest first", got)
	}
	hd := headers(h)
	if len(hd) != len(historyColumns) {
		t.Fatalf("headers on screen: %v", slices.Collect(mapKeys(hd)))
	}
	if hd["Created"].arrow.Resource != theme.MenuDropDownIcon() || hd["Requester"].arrow.Visible() {
		t.Error("the arrow should mark Created, newest first, and only it")
	}
	test.Tap(hd["Requester"])
	if got := requesters(h); !slices.Equal(got, []string{"adam@example.be", "mia@example.be", "zoe@example.be"}) {
		t.Errorf("after clicking Requester: %v", got)
	}
	hd = headers(h)
	if hd["Requester"].arrow.Resource != theme.MenuDropUpIcon() || !hd["Requester"].arrow.Visible() || hd["Created"].arrow.Visible() {
		t.Error("the arrow should move to Requester, ascending")
	}
	test.Tap(hd["Requester"])
	if got := requesters(h); !slices.Equal(got, []string{"zoe@example.be", "mia@example.be", "adam@example.be"}) {
		t.Errorf("after clicking Requester again: %v", got)
	}
	if headers(h)["Requester"].arrow.Resource != theme.MenuDropDownIcon() {
		t.Error("the arrow should turn for descending")
	}
	// Names sort as the alphabet has them: Ć between B and D.
	test.Tap(headers(h)["Worker"])
	var names []string
	for _, r := range h.rows {
		names = append(names, r.Person.Surname)
	}
	if !slices.Equal(names, []string{"Andersen", "Bakker", "Ćwik"}) {
		t.Errorf("by worker: %v", names)
	}
	// A focused header sorts with the keyboard too.
	status := headers(h)["Status"]
	e.u.win.Canvas().Focus(status)
	status.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if h.sortBy.col != 3 || h.sortBy.desc {
		t.Errorf("Space on the Status header: sorted by column %d", h.sortBy.col)
	}
	typeInto(h.filter, "zoe")
	if got := requesters(h); !slices.Equal(got, []string{"zoe@example.be"}) {
		t.Errorf("filter: %v", got)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// At the default size and at 1280x800 every column is on screen, the
// last one not cut off by the window's edge.
func TestHistoryColumnsFit(t *testing.T) {
	e := newEnv(t, nil)
	seedHistory(t, e, threeRequests()...)
	d := fyne.CurrentApp().Driver()
	for _, size := range []fyne.Size{{Width: 1000, Height: 720}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		h := showHistory(e, size.Width, size.Height)
		tablePos := d.AbsolutePositionForObject(h.table)
		right := tablePos.X + h.table.Size().Width
		hd := headers(h)
		if len(hd) != len(historyColumns) {
			t.Fatalf("%v: %d headers on screen", size, len(hd))
		}
		for title, o := range hd {
			end := d.AbsolutePositionForObject(o).X + o.Size().Width
			if end > right+0.5 || o.Size().Width < 80 {
				t.Errorf("%v: column %q ends at %.0f (table ends at %.0f), %.0f wide", size, title, end, right, o.Size().Width)
			}
		}
		if got := h.cell(widget.TableCellID{Row: 0, Col: 0}); len(got) != len("2006-01-02") {
			t.Errorf("date shown as %q: want the short date", got)
		}
	}
}

// Enter on the focused table and a double click open a row's details;
// Continue opens a question's answer form and a draft in the wizard.
func TestHistoryRowOpensWithKeyboardAndDoubleClick(t *testing.T) {
	e := newEnv(t, nil)
	seedHistory(t, e, threeRequests()...)
	h := showHistory(e, 1000, 720)
	e.u.focusHistory()
	if e.u.win.Canvas().Focused() != h.table {
		t.Fatal("the history's table is not focused")
	}
	// The focus starts on the first row (the newest, Andersen's).
	e.u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.u.Wait()
	if h.view.req == nil || h.view.req.Person.Surname != "Andersen" || !strings.Contains(markup(e.u.win.Canvas().Overlays().Top()), e.u.T("ui.detail.title")) {
		t.Fatalf("Enter did not open the details of the focused row")
	}
	h.view.dialog.Hide()

	// Down to Ćwik's, whom the service asks a question.
	h.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	test.DoubleTap(h.table)
	e.u.Wait()
	if h.view.req == nil || h.view.req.Person.Surname != "Ćwik" || !h.view.answer.root.Visible() {
		t.Fatalf("double click: details %v", h.view.req)
	}
	h.view.dialog.Hide()
	if h.open.Disabled() {
		t.Fatal("Continue disabled for a request waiting for an answer")
	}
	h.view.req = nil
	test.Tap(h.open)
	e.u.Wait()
	if h.view.req == nil || !h.view.answer.root.Visible() || len(h.view.answer.fields.Items) != 1 {
		t.Fatal("Continue on a question does not open its answer form")
	}
	h.view.dialog.Hide()

	// The draft goes on in the wizard, Enter as well as Continue.
	h.table.Select(widget.TableCellID{Row: 2})
	h.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	e.u.Wait()
	if e.u.tabs.SelectedIndex() != 0 || e.u.wizard.req.Person.Surname != "Bakker" {
		t.Fatalf("Enter on a draft: tab %d, wizard has %q", e.u.tabs.SelectedIndex(), e.u.wizard.req.Person.Surname)
	}
}

// slowHistory is a store whose reads wait for the test to let them go
// (a busy disk), or 10 s.
type slowHistory struct {
	app.History
	gate chan struct{}
	done atomic.Int32 // reads finished
}

func (s *slowHistory) wait() {
	select {
	case <-s.gate:
	case <-time.After(10 * time.Second):
	}
	s.done.Add(1)
}

func (s *slowHistory) Requests() ([]*app.Request, error) {
	s.wait()
	return s.History.Requests()
}

func (s *slowHistory) Request(id string) (*app.Request, error) {
	s.wait()
	return s.History.Request(id)
}

// A slow store does not hold the UI goroutine: the tab opens and Continue
// returns while the store still reads, and what they read is shown when
// it comes.
func TestSlowStoreDoesNotBlockTheHistory(t *testing.T) {
	e := newEnv(t, nil)
	seedHistory(t, e, threeRequests()...)
	slow := &slowHistory{History: e.store, gate: make(chan struct{})}
	e.u.History = slow

	e.u.tabs.SelectIndex(1)
	if slow.done.Load() != 0 {
		t.Fatal("opening the history waited for the store")
	}
	slow.gate <- struct{}{}
	h := e.u.history
	e.u.Wait()
	if len(h.rows) != 3 {
		t.Fatalf("%d rows once the store answered", len(h.rows))
	}
	h.table.Select(widget.TableCellID{Row: 2})
	test.Tap(h.open)
	if slow.done.Load() != 1 || e.u.tabs.SelectedIndex() != 1 {
		t.Fatal("Continue waited for the store")
	}
	slow.gate <- struct{}{}
	e.u.Wait()
	if e.u.tabs.SelectedIndex() != 0 || e.u.wizard.req.Person.Surname != "Bakker" {
		t.Fatal("the draft was not resumed once read")
	}
}
