package ui

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
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
}

func newWizard(u *UI) *wizard {
	w := &wizard{u: u, problem: widget.NewLabel("")}
	w.problem.Importance = widget.WarningImportance
	w.problem.Wrapping = fyne.TextWrapWord
	w.docs = newDocumentsStep(w)
	w.steps = []step{w.docs, newPersonStep(w), newAddressStep(w), newSendStep(w)}
	w.back = widget.NewButtonWithIcon(u.T("ui.back"), theme.NavigateBackIcon(), func() { w.show(w.at - 1) })
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
func (w *wizard) edit(r *app.Request) {
	w.req = r
	for _, s := range w.steps {
		s.load(r)
	}
	w.show(0)
}

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
	w.changed()
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
	w.saveNow()
	w.show(w.at + 1)
}

// changed is called by every widget of a step: it refreshes Next and the
// problem line, and schedules a draft save so a crash loses little.
func (w *wizard) changed() {
	err := w.validate()
	w.problem.SetText(w.u.Catalog.Error(err))
	if err == nil {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
	w.scheduleSave()
}

func (w *wizard) validate() error {
	s := w.steps[w.at]
	s.save(w.req)
	return s.validate(w.req)
}

// scheduleSave keeps the draft a moment after the last change. The first
// save is immediate so the draft has its id; later ones save a snapshot
// off the UI goroutine, so typing never waits for the disk.
func (w *wizard) scheduleSave() {
	if w.req.Status != app.Draft || w.req == w.sending || w.req.ID == "" && len(w.req.Pages) == 0 && w.req.Person.Surname == "" {
		return
	}
	if w.u.DraftDelay == 0 || w.req.ID == "" {
		w.saveNow()
		return
	}
	if w.saveTimer != nil && w.saveTimer.Stop() {
		w.u.end()
	}
	snap := *w.req
	snap.Pages = slices.Clone(w.req.Pages)
	w.u.begin()
	w.saveTimer = time.AfterFunc(w.u.DraftDelay, func() {
		defer w.u.end()
		// Stale: the request was queued or sent meanwhile, and the
		// store kept the newer version, as it should.
		if err := w.u.Desk.SaveDraft(&snap); err != nil && !errors.Is(err, app.ErrStale) {
			w.u.Do(func() { w.u.showError(err) })
		}
	})
}

// saveNow keeps the draft in the history at once (only while it is a
// draft: a sent request belongs to the desk).
func (w *wizard) saveNow() {
	if w.saveTimer != nil && w.saveTimer.Stop() {
		w.u.end()
	}
	if w.req.Status != app.Draft || w.req == w.sending {
		return
	}
	w.steps[w.at].save(w.req)
	if err := w.u.Desk.SaveDraft(w.req); err != nil {
		w.u.showError(err)
	}
}

func (w *wizard) sendStep() *sendStep { return w.steps[len(w.steps)-1].(*sendStep) }
