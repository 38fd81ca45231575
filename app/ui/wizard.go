package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/country"
)

// step is one screen of the wizard. load fills the widgets from the
// request, save writes them back, validate says whether Next may be used.
type step interface {
	title() string
	content() fyne.CanvasObject
	load(r *app.Request)
	save(r *app.Request)
	validate(r *app.Request) error
}

// wizard walks the user through the four steps of one request.
type wizard struct {
	u     *UI
	req   *app.Request
	at    int
	steps []step
	docs  *documentsStep

	marks     []*canvas.Text
	body      *fyne.Container
	back      *widget.Button
	next      *widget.Button
	problem   *widget.Label
	saveTimer *time.Timer
	// sending is the request the desk is sending, if any: it belongs to
	// the desk until the outcome arrives, so no draft save may overwrite it.
	sending *app.Request
	// touched tells, per step, whether the user acted on it (changed or
	// left a field, or asked for Next): its problem shows only then.
	touched []bool

	// nations lists nationalities and issuing states (ICAO codes),
	// countries the countries of addresses (ISO alpha-2), in the UI's
	// language.
	nations, countries *country.List

	saves *drafts
	draft *draft // the request's saving state
}

func newWizard(u *UI) *wizard {
	w := &wizard{u: u, problem: widget.NewLabel(""), saves: newDrafts(u)}
	if u.wizard != nil {
		// Built anew (a language change): the saves go on in the same
		// order, after those the old wizard asked for.
		w.saves = u.wizard.saves
	}
	w.problem.Importance = widget.WarningImportance
	w.problem.Wrapping = fyne.TextWrapWord
	w.nations = country.ICAO(u.Catalog.Lang(), func(code string) string {
		if key := "ui.country." + code; u.Catalog.Has(key) {
			return u.T(key)
		}
		return ""
	})
	w.countries = country.ISO(u.Catalog.Lang())
	w.docs = newDocumentsStep(w)
	w.steps = []step{w.docs, newPersonStep(w), newAddressStep(w)}
	w.steps = append(w.steps, newSendStep(w)) // it links back to the others
	w.back = widget.NewButtonWithIcon(u.T("ui.back"), theme.NavigateBackIcon(), w.backward)
	w.next = widget.NewButtonWithIcon(u.T("ui.next"), theme.NavigateNextIcon(), w.forward)
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.next.Importance = widget.HighImportance
	w.body = container.NewStack()
	w.reset()
	return w
}

func (w *wizard) content() fyne.CanvasObject {
	marks := container.NewHBox()
	for i, s := range w.steps {
		t := canvas.NewText(fmt.Sprintf("%d  %s", i+1, s.title()), theme.Color(theme.ColorNameDisabled))
		t.TextSize = theme.TextSubHeadingSize()
		w.marks = append(w.marks, t)
		if i > 0 {
			marks.Add(widget.NewIcon(theme.NavigateNextIcon()))
		}
		marks.Add(t)
	}
	w.paintMarks()
	nav := container.NewHBox(w.back, layout.NewSpacer(), w.next)
	bottom := container.NewVBox(w.problem, nav)
	return container.NewBorder(container.NewVBox(container.NewCenter(marks), widget.NewSeparator()), bottom, nil, nil,
		container.NewVScroll(container.NewPadded(w.body)))
}

// reset starts a new, empty request.
func (w *wizard) reset() {
	st, _ := w.u.Settings.Settings()
	w.edit(&app.Request{Status: app.Draft, Requester: st.Requester, Document: app.Document{Kind: app.Passport}})
}

// edit puts an existing request (a draft from the history) in the wizard.
// The draft being edited stays as it is here: the history may not hold
// its last changes yet.
func (w *wizard) edit(r *app.Request) {
	if r.ID != "" && w.req != nil && r.ID == w.req.ID && r.Status == app.Draft && w.req.Status == app.Draft {
		r = w.req
	}
	if r != w.req {
		w.req = r
		w.draft = w.saves.draft(r)
	}
	w.touched = make([]bool, len(w.steps))
	for _, s := range w.steps {
		s.load(r)
	}
	clear(w.touched) // loading is no act of the user's
	w.show(0)
}

// show goes to step i, saving the draft at once, and puts the keyboard in
// its first field.
func (w *wizard) show(i int) {
	if i < 0 || i >= len(w.steps) {
		return
	}
	w.steps[w.at].save(w.req)
	w.at = i
	w.body.Objects = []fyne.CanvasObject{w.steps[i].content()}
	w.body.Refresh()
	w.paintMarks()
	w.back.Disable()
	if i > 0 {
		w.back.Enable()
	}
	w.next.Show()
	if i == len(w.steps)-1 {
		w.next.Hide()
	}
	w.refresh()
	w.saveNow()
	if fs := w.fields(); len(fs) > 0 {
		w.u.win.Canvas().Focus(fs[0])
	} else {
		w.u.win.Canvas().Unfocus()
	}
}

// fielded is a step made of fields, in their order on screen.
type fielded interface{ fields() []*field }

// fields are the current step's visible fields, top to bottom.
func (w *wizard) fields() []*field {
	s, ok := w.steps[w.at].(fielded)
	if !ok {
		return nil
	}
	var visible []*field
	for _, f := range s.fields() {
		if f.Visible() && !f.Disabled() {
			visible = append(visible, f)
		}
	}
	return visible
}

func (w *wizard) paintMarks() {
	for i, t := range w.marks {
		switch {
		case i == w.at:
			t.Color = theme.Color(theme.ColorNamePrimary)
			t.TextStyle.Bold = true
		case i < w.at:
			t.Color = theme.Color(theme.ColorNameForeground)
			t.TextStyle.Bold = false
		default:
			t.Color = theme.Color(theme.ColorNameDisabled)
			t.TextStyle.Bold = false
		}
		t.Refresh()
	}
}

func (w *wizard) forward() {
	if w.validate() != nil {
		return
	}
	w.show(w.at + 1)
}

// backward is Back (and Escape in a field); not while the request is
// being sent or once it was.
func (w *wizard) backward() {
	if !w.back.Disabled() {
		w.show(w.at - 1)
	}
}

// enter is Enter in field f: the next field, or Next on the last one
// (Send on the last step); then the step's problem shows, if it has one.
func (w *wizard) enter(f *field) {
	fs := w.fields()
	for i, g := range fs[:max(len(fs)-1, 0)] {
		if g == f {
			w.u.win.Canvas().Focus(fs[i+1])
			return
		}
	}
	w.touch(w.at)
	switch {
	case w.at == len(w.steps)-1:
		w.sendStep().submit()
	case !w.next.Disabled():
		w.forward()
	}
}

// changed is called by every widget of a step: the user acted on it. It
// refreshes Next and the problem line, and schedules a draft save so a
// crash loses little.
func (w *wizard) changed() {
	w.touched[w.at] = true
	w.refresh()
	w.scheduleSave()
}

// touch marks step i as acted on (a field left), so its problem shows,
// as it is now the field is left (a country's list closed).
func (w *wizard) touch(i int) {
	if i == w.at {
		w.touched[i] = true
		w.refresh()
	}
}

// refresh enables Next when the step is valid and says what blocks it.
// Something missing is said at once, calmly: it is why Next is off. A
// wrong value is said once the user acted on the step, not before, so
// that a step does not greet the user with an error about a field they
// have not reached; from then on the line is a warning.
func (w *wizard) refresh() {
	err := w.validate()
	if err == nil {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
	text, missing := w.missing(err)
	if !missing && w.touched[w.at] {
		text = w.u.Catalog.Error(err)
	}
	w.problem.Importance = widget.MediumImportance
	if w.touched[w.at] {
		w.problem.Importance = widget.WarningImportance
	}
	w.problem.SetText(text)
}

// missing words err when it says that something is missing (a surname,
// the pages, an e-mail address not typed yet) rather than wrong.
func (w *wizard) missing(err error) (string, bool) {
	var e *app.Error
	switch {
	case !errors.As(err, &e):
		return "", false
	case strings.HasSuffix(e.Code, "_missing"):
		return w.u.Catalog.Error(err), true
	case e.Code == "request.email_invalid" && e.Data["value"] == "":
		return w.u.T("ui.send.email_missing"), true
	}
	return "", false
}

func (w *wizard) validate() error {
	s := w.steps[w.at]
	s.save(w.req)
	return s.validate(w.req)
}

// scheduleSave keeps the draft a moment after the last change, off the
// UI goroutine, so typing never waits for the disk.
func (w *wizard) scheduleSave() {
	if !w.saving() {
		return
	}
	if w.u.DraftDelay == 0 {
		w.saveNow()
		return
	}
	w.stopTimer()
	snap, seq := w.snapshot()
	d := w.draft
	w.saves.expect(d)
	w.u.begin()
	w.saveTimer = time.AfterFunc(w.u.DraftDelay, func() {
		defer w.u.end()
		w.saves.ask(d, snap, seq)
	})
}

// saveNow asks at once for the draft to be kept in the history (only
// while it is a draft: a request being sent belongs to the desk). The
// save runs off the UI goroutine, after any older one.
func (w *wizard) saveNow() {
	w.stopTimer()
	if !w.saving() {
		return
	}
	w.steps[w.at].save(w.req)
	snap, seq := w.snapshot()
	w.saves.expect(w.draft)
	w.saves.ask(w.draft, snap, seq)
}

// saving tells whether the request is a draft worth keeping: not a new
// one the user has put nothing in yet.
func (w *wizard) saving() bool {
	r := w.req
	return r.Status == app.Draft && r != w.sending && (r.ID != "" || len(r.Pages) > 0 || r.Person.Surname != "")
}

// snapshot is the request as it is now, for a save off the UI goroutine,
// and its version number.
func (w *wizard) snapshot() (*app.Request, uint64) {
	snap := *w.req
	snap.Pages = slices.Clone(w.req.Pages)
	return &snap, w.saves.version()
}

func (w *wizard) stopTimer() {
	if w.saveTimer != nil && w.saveTimer.Stop() {
		w.u.end()
	}
}

func (w *wizard) sendStep() *sendStep { return w.steps[len(w.steps)-1].(*sendStep) }
