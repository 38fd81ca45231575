package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// sendStep is step 4: review, the requester's e-mail, and sending.
type sendStep struct {
	w         *wizard
	requester *widget.Entry
	summary   *widget.Label
	lacking   *widget.Label
	send      *widget.Button
	another   *widget.Button
	busy      *widget.ProgressBarInfinite
	result    *widget.Label
	insz      *widget.Entry
	as        *widget.Label // in whose name the request goes
	root      fyne.CanvasObject
}

func newSendStep(w *wizard) *sendStep {
	u := w.u
	s := &sendStep{w: w}
	s.requester = widget.NewEntry()
	s.requester.SetPlaceHolder("hr@company.be")
	s.requester.OnChanged = func(string) { w.changed() }
	s.requester.OnSubmitted = func(string) { s.submit() }
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.lacking = widget.NewLabel("")
	s.lacking.Wrapping = fyne.TextWrapWord
	s.lacking.Importance = widget.WarningImportance
	s.send = widget.NewButtonWithIcon(u.T("ui.send.button"), theme.MailSendIcon(), s.submit)
	s.send.Importance = widget.HighImportance
	s.another = widget.NewButtonWithIcon(u.T("ui.send.another"), theme.ContentAddIcon(), w.reset)
	s.another.Hide()
	s.busy = widget.NewProgressBarInfinite()
	s.busy.Stop()
	s.busy.Hide()
	s.result = widget.NewLabel("")
	s.result.Wrapping = fyne.TextWrapWord
	s.result.TextStyle.Bold = true
	s.insz = widget.NewEntry()
	s.insz.Hide()
	s.as = widget.NewLabel("")
	s.as.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(u.T("ui.send.requester"), s.requester))
	form.Items[0].HintText = u.T("ui.send.requester_hint")
	s.root = container.NewVBox(
		widget.NewCard(u.T("ui.send.review"), "", s.summary),
		s.lacking, s.as, form,
		container.NewHBox(s.send, s.another),
		s.busy, s.result, s.insz,
	)
	return s
}

func (s *sendStep) title() string              { return s.w.u.T("ui.step.send") }
func (s *sendStep) content() fyne.CanvasObject { s.refresh(); return s.root }

func (s *sendStep) load(r *app.Request) {
	f := s.requester.OnChanged
	s.requester.OnChanged = nil
	if r.Requester == "" && r.Status == app.Draft && s.w.u.Account != nil {
		// Status mail goes to the signed-in staff member unless they
		// give another address for this request.
		if id, ok := s.w.u.Account.Identity(); ok {
			r.Requester = id.Email
		}
	}
	s.requester.SetText(r.Requester)
	s.requester.OnChanged = f
	s.result.SetText("")
	s.insz.Hide()
	s.another.Hide()
	s.send.Show()
	s.requester.Enable()
	s.busy.Stop()
	s.busy.Hide()
}

func (s *sendStep) save(r *app.Request) { r.Requester = strings.TrimSpace(s.requester.Text) }

func (s *sendStep) validate(r *app.Request) error {
	err := r.ValidateSend(s.w.u.Now())
	if r.Status.Local() && err == nil && s.w.sending != r {
		s.send.Enable()
	} else {
		s.send.Disable()
	}
	return err
}

// showAccount says in whose name the request goes, or that it will wait
// for a sign-in.
func (s *sendStep) showAccount() {
	u := s.w.u
	if u.Account == nil {
		s.as.Hide()
		return
	}
	s.as.Show()
	id, ok := u.Account.Identity()
	co, _ := u.Account.Company()
	if !ok {
		s.as.Importance = widget.WarningImportance
		s.as.SetText(u.T("ui.send.signed_out"))
		return
	}
	s.as.Importance = widget.MediumImportance
	s.as.SetText(u.T("ui.send.as", "name", id.Name, "company", co.Name))
}

// refresh rewrites the review of everything the user entered.
func (s *sendStep) refresh() {
	s.showAccount()
	u, r := s.w.u, s.w.req
	p := r.Person
	lines := []string{
		fmt.Sprintf("%s: %s", u.T("ui.field.document"), u.T("ui.kind."+string(r.Document.Kind))+" "+r.Document.Number+" ("+r.Document.IssuingState+")"),
		fmt.Sprintf("%s: %d", u.T("ui.field.pages"), len(r.Pages)),
		fmt.Sprintf("%s: %s, %s", u.T("ui.field.name"), p.Surname, p.GivenNames),
		fmt.Sprintf("%s: %s", u.T("ui.field.sex"), u.T("ui.sex."+sexKey(p.Sex))),
		fmt.Sprintf("%s: %s %s", u.T("ui.field.birth"), p.BirthDate, p.BirthPlace),
		fmt.Sprintf("%s: %s", u.T("ui.field.nationality"), p.Nationality),
	}
	if !r.Residence.IsZero() {
		lines = append(lines, fmt.Sprintf("%s: %s", u.T("ui.address.residence"), oneLine(r.Residence)))
	}
	if !r.Contact.IsZero() {
		lines = append(lines, fmt.Sprintf("%s: %s", u.T("ui.address.contact"), oneLine(r.Contact)))
	}
	s.summary.SetText(strings.Join(lines, "\n"))
	var missing []string
	for _, f := range r.Lacking() {
		if f != app.FieldRequester {
			missing = append(missing, u.T("ui.field."+f))
		}
	}
	s.lacking.SetText("")
	if len(missing) > 0 {
		s.lacking.SetText(u.T("ui.send.lacking", "fields", strings.Join(missing, ", ")))
	}
}

func oneLine(a app.Address) string {
	s := a.Street + " " + a.Number
	if a.Box != "" {
		s += " bus " + a.Box
	}
	return s + ", " + a.PostalCode + " " + a.Municipality + " (" + a.Country + ")"
}

// submit sends the request off the UI goroutine. The desk works on a copy
// and the step is locked meanwhile (no edit, no Back, no draft save over
// the queued request); the outcome is copied back when it arrives, and
// shown only if the user is still on this request.
func (s *sendStep) submit() {
	w, u := s.w, s.w.u
	if w.sending == w.req {
		return
	}
	w.saveNow()
	if err := w.validate(); err != nil || !w.req.Status.Local() {
		return
	}
	r := w.req
	sent := *r
	sent.Pages = slices.Clone(r.Pages)
	w.sending = r
	s.send.Disable()
	s.requester.Disable()
	w.back.Disable()
	s.busy.Show()
	s.busy.Start()
	s.result.SetText(u.T("ui.send.sending"))
	u.goBackground(func(ctx context.Context) {
		err := u.Desk.Send(ctx, &sent)
		u.Do(func() {
			if w.sending == r {
				w.sending = nil
			}
			if w.req != r {
				return
			}
			*r = sent
			s.requester.Enable()
			w.back.Enable()
			s.busy.Stop()
			s.busy.Hide()
			s.showOutcome(r, err)
		})
	})
}

func (s *sendStep) showOutcome(r *app.Request, err error) {
	u := s.w.u
	switch {
	case errors.Is(err, app.ErrSignInRequired):
		s.result.SetText(u.T("ui.send.queued_signin"))
	case errors.Is(err, app.ErrUnreachable):
		s.result.SetText(u.T("ui.send.queued"))
	case err != nil:
		s.result.SetText("")
		s.send.Enable()
		u.showError(err)
		return
	case r.Status == app.Allocated:
		text := u.T("ui.send.completed")
		if len(r.Completed) > 0 {
			text = u.T("ui.detail.completed", "fields", u.fieldNames(r.Completed)) + "\n" + text
		}
		s.result.SetText(text)
		s.insz.SetText(r.INSZ.String())
		s.insz.Show()
	case r.Status == app.InfoRequested && r.Question != nil:
		s.result.SetText(u.T("ui.send.asked", "question", u.questionText(r.Question)))
	case r.Status == app.Rejected:
		s.result.SetText(u.T("ui.status.rejected") + ": " + u.message(r.Message, r.MessageData))
	default:
		s.result.SetText(u.T("ui.send.investigating", "fields", u.fieldNames(r.Asked)))
	}
	s.send.Hide()
	s.another.Show()
	s.w.back.Disable()
}
