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
	"github.com/idpro/idpro/app/country"
)

// sendStep is step 4: review, the requester's e-mail, and sending.
type sendStep struct {
	w         *wizard
	requester *widget.Entry
	email     *field // the requester's entry, in the window
	summary   *widget.Label
	lacking   *widget.Label
	send      *widget.Button
	another   *widget.Button
	busy      *widget.ProgressBarInfinite
	result    *widget.Label
	insz      *widget.Entry
	as        *widget.Label // in whose name the request goes
	privacy   *widget.Label // what is sent to whom, and kept how long
	changes   []*widget.Button
	root      fyne.CanvasObject
}

func newSendStep(w *wizard) *sendStep {
	u := w.u
	s := &sendStep{w: w}
	s.email = newField(w, 3, "hr@company.be")
	s.requester = s.email.entry()
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
	s.privacy = widget.NewLabel("")
	s.privacy.Wrapping = fyne.TextWrapWord
	s.privacy.SizeName = theme.SizeNameCaptionText
	form := widget.NewForm(widget.NewFormItem(u.T("ui.send.requester"), s.email))
	form.Items[0].HintText = u.T("ui.send.requester_hint")
	// Change goes back to a step, as Back does (not while sending or
	// once sent); the wizard comes back here by Next.
	changes := container.NewHBox()
	for i, st := range w.steps {
		b := widget.NewButtonWithIcon(u.T("ui.send.change", "step", st.title()), theme.DocumentCreateIcon(), func() {
			if !w.back.Disabled() {
				w.show(i)
			}
		})
		b.Importance = widget.LowImportance
		s.changes = append(s.changes, b)
		changes.Add(b)
	}
	s.root = container.NewVBox(
		widget.NewCard(u.T("ui.send.review"), "", container.NewVBox(s.summary, changes)),
		s.lacking, s.as, form,
		container.NewHBox(s.send, s.another),
		s.busy, s.result, s.insz,
		widget.NewSeparator(), s.privacy,
	)
	return s
}

func (s *sendStep) title() string              { return s.w.u.T("ui.step.send") }
func (s *sendStep) content() fyne.CanvasObject { s.refresh(); return s.root }
func (s *sendStep) fields() []*field           { return []*field{s.email} }

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

// refresh rewrites the review of everything the user entered, step by
// step, with the countries named.
func (s *sendStep) refresh() {
	s.showAccount()
	u, r := s.w.u, s.w.req
	if r.Requester == "" && strings.TrimSpace(s.requester.Text) == "" && r.Status == app.Draft && u.Account != nil {
		// Signed in after the draft began: status mail goes to the
		// signed-in staff member unless they give another address.
		if id, ok := u.Account.Identity(); ok {
			f := s.requester.OnChanged
			s.requester.OnChanged = nil
			s.requester.SetText(id.Email)
			s.requester.OnChanged = f
			r.Requester = id.Email
		}
	}
	p, d := r.Person, r.Document
	nation := func(code string) string { return countryLabel(s.w.nations, code) }
	doc := []string{
		fmt.Sprintf("%s: %s %s, %s", u.T("ui.field.document"), u.T("ui.kind."+string(d.Kind)), d.Number, nation(d.IssuingState)),
		fmt.Sprintf("%s: %d", u.T("ui.field.pages"), len(r.Pages)),
	}
	person := []string{
		fmt.Sprintf("%s: %s, %s", u.T("ui.field.name"), p.Surname, p.GivenNames),
		fmt.Sprintf("%s: %s", u.T("ui.field.sex"), u.T("ui.sex."+sexKey(p.Sex))),
		strings.TrimSpace(fmt.Sprintf("%s: %s %s %s", u.T("ui.field.birth"), p.BirthDate, p.BirthPlace, nation(p.BirthCountry))),
		fmt.Sprintf("%s: %s", u.T("ui.field.nationality"), nation(p.Nationality)),
	}
	var address []string
	if !r.Residence.IsZero() {
		address = append(address, fmt.Sprintf("%s: %s", u.T("ui.address.residence"), s.oneLine(r.Residence)))
	}
	if !r.Contact.IsZero() {
		address = append(address, fmt.Sprintf("%s: %s", u.T("ui.address.contact"), s.oneLine(r.Contact)))
	}
	if len(address) == 0 {
		address = append(address, u.T("ui.send.no_address"))
	}
	s.summary.SetText(strings.Join(slices.Concat(doc, []string{""}, person, []string{""}, address), "\n"))
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
	st, _ := u.Settings.Settings()
	s.privacy.SetText(u.T("ui.send.privacy", "days", int(st.Retention().Hours()/24)))
}

// countryLabel names a stored code, "Polen (POL)"; a code the list does
// not know stays as it is.
func countryLabel(l *country.List, code string) string {
	if c, ok := l.Lookup(code); ok {
		return c.Label()
	}
	return code
}

func (s *sendStep) oneLine(a app.Address) string {
	line := a.Street + " " + a.Number
	if a.Box != "" {
		line += " bus " + a.Box
	}
	return line + ", " + a.PostalCode + " " + a.Municipality + ", " + countryLabel(s.w.countries, a.Country)
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
	d := w.draft
	u.goBackground(func(ctx context.Context) {
		// The draft saves asked before land first; the request is sent
		// as the draft they kept, not as a second request.
		if saved := w.saves.settle(d); sent.ID == "" {
			sent.ID, sent.Key, sent.Created = saved.ID, saved.Key, saved.Created
		}
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
