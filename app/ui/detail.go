package ui

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

// detailView shows one request of the history: where it stands, the
// INSZ with a copy button, what the service asks and the form to answer
// it, the timeline, and cancel where allowed. update redraws it from the
// request, synchronously.
type detailView struct {
	u   *UI
	req *app.Request

	title    *widget.Label
	status   *widget.Label
	insz     *widget.Entry
	inszRow  fyne.CanvasObject // hidden until the service gave an INSZ
	copyINSZ *widget.Button
	message  *widget.Label
	timeline *widget.Label
	// timelineCard is hidden while the request has no timeline (a draft).
	timelineCard *widget.Card
	question     *widget.Label
	answer       *answerForm
	cancel       *widget.Button
	root         fyne.CanvasObject
	dialog       dialog.Dialog
}

func newDetailView(u *UI) *detailView {
	v := &detailView{u: u, title: widget.NewLabel(""), status: widget.NewLabel(""), insz: widget.NewEntry(),
		message: widget.NewLabel(""), timeline: widget.NewLabel(""), question: widget.NewLabel("")}
	v.title.TextStyle.Bold = true
	v.status.Importance = widget.HighImportance
	for _, l := range []*widget.Label{v.message, v.timeline, v.question} {
		l.Wrapping = fyne.TextWrapWord
	}
	v.question.Importance = widget.WarningImportance
	v.copyINSZ = widget.NewButtonWithIcon(u.T("ui.signin.copy"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(v.insz.Text)
	})
	v.cancel = widget.NewButtonWithIcon(u.T("ui.history.cancel"), theme.CancelIcon(), func() {
		if v.req != nil {
			u.history.confirmCancelOf(v.req)
		}
	})
	v.answer = newAnswerForm(v)
	v.inszRow = container.NewBorder(nil, nil, widget.NewLabel(u.T("ui.history.col.insz")), v.copyINSZ, v.insz)
	v.timelineCard = widget.NewCard(u.T("ui.detail.timeline"), "", v.timeline)
	v.root = container.NewVBox(v.title, v.status, v.inszRow, v.message,
		v.question, v.answer.root,
		v.timelineCard,
		container.NewHBox(v.cancel))
	return v
}

// show opens the request's details in a dialog.
func (v *detailView) show(r *app.Request) {
	v.update(r)
	scroll := container.NewVScroll(container.NewPadded(v.root))
	v.dialog = dialog.NewCustom(v.u.T("ui.detail.title"), v.u.T("ui.detail.close"), scroll, v.u.win)
	v.dialog.SetOnClosed(func() { v.req = nil })
	v.dialog.Resize(fyne.NewSize(720, 620))
	v.dialog.Show()
}

// update redraws the view for r (the same request after a change, or
// another).
func (v *detailView) update(r *app.Request) {
	u := v.u
	if v.req == nil || v.req.ID != r.ID {
		v.answer.reset()
	}
	v.req = r
	v.title.SetText(strings.Join(slices.DeleteFunc([]string{personName(r.Person), r.RemoteID},
		func(s string) bool { return s == "" }), "  ·  "))
	v.status.SetText(u.T("ui.status." + string(r.Status)))
	v.insz.SetText("")
	v.inszRow.Hide()
	if r.INSZ != "" {
		v.insz.SetText(r.INSZ.String())
		v.inszRow.Show()
	}
	v.message.SetText(v.u.message(r.Message, r.MessageData))
	if len(r.Completed) > 0 {
		v.message.SetText(strings.TrimSpace(v.message.Text + "\n" + u.T("ui.detail.completed", "fields", u.fieldNames(r.Completed))))
	}
	// An empty label would still take a line's height.
	showIf(v.message, v.message.Text != "")
	v.question.Hide()
	v.answer.root.Hide()
	if r.Status == app.InfoRequested && r.Question != nil {
		v.question.SetText(u.questionText(r.Question))
		v.question.Show()
		v.answer.load(r)
		v.answer.root.Show()
	}
	v.timeline.SetText(u.timelineText(r.Timeline))
	// A request the service has not seen yet has no history to show.
	showIf(v.timelineCard, len(r.Timeline) > 0)
	showIf(v.cancel, r.Status.Local() || r.Status.Open())
}

// message says a service message key in the user's language.
func (u *UI) message(key string, data map[string]string) string {
	if key == "" || !u.Catalog.Has(key) {
		return ""
	}
	kv := make([]any, 0, 2*len(data))
	for k, val := range data {
		kv = append(kv, k, val)
	}
	return u.T(key, kv...)
}

func (u *UI) fieldNames(fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = u.T("ui.field." + f)
	}
	return strings.Join(names, ", ")
}

// questionText is the service's question in the user's language: the
// rule's own message with the fields asked, and a clerk's words as written.
func (u *UI) questionText(q *app.Question) string {
	var parts []string
	if q.Code != "" && u.Catalog.Has(q.Code) {
		parts = append(parts, u.T(q.Code, "fields", u.fieldNames(q.Fields)))
	} else if len(q.Fields) > 0 {
		parts = append(parts, u.T("question.fields", "fields", u.fieldNames(q.Fields)))
	}
	if q.Text != "" {
		parts = append(parts, u.T("ui.detail.clerk_asks", "text", q.Text))
	}
	return strings.Join(parts, "\n")
}

// timelineText lists the request's changes, oldest first.
func (u *UI) timelineText(events []app.Event) string {
	var lines []string
	for _, e := range events {
		line := fmt.Sprintf("%s  %s", e.At.Local().Format("2006-01-02 15:04"), u.T("ui.status."+string(e.Status)))
		if e.By != "" {
			line += " · " + e.By
		}
		if m := u.message(e.Code, nil); m != "" && !strings.Contains(m, "{{") {
			line += " — " + m
		}
		if e.Note != "" {
			line += " — “" + e.Note + "”"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// answerForm is the reply to the service's question: an entry per field
// asked, pages (imported through the same quality checks), and words.
type answerForm struct {
	v      *detailView
	fields *widget.Form
	values map[string]*widget.Entry
	sex    *widget.Select
	sexes  map[string]app.Sex
	text   *widget.Entry
	pages  []app.Page
	listed *widget.Label
	addPg  *widget.Button
	scanPg *widget.Button
	send   *widget.Button
	busy   *widget.ProgressBarInfinite
	root   *fyne.Container
}

func newAnswerForm(v *detailView) *answerForm {
	u := v.u
	a := &answerForm{v: v, fields: widget.NewForm(), values: map[string]*widget.Entry{}, sexes: map[string]app.Sex{},
		text: widget.NewMultiLineEntry(), listed: widget.NewLabel(""), busy: widget.NewProgressBarInfinite()}
	var options []string
	for _, sx := range []app.Sex{app.Female, app.Male, app.Unspecified} {
		l := u.T("ui.sex." + sexKey(sx))
		a.sexes[l] = sx
		options = append(options, l)
	}
	a.sex = widget.NewSelect(options, nil)
	a.sex.PlaceHolder = u.T("ui.select")
	a.text.SetPlaceHolder(u.T("ui.detail.answer_text"))
	a.text.SetMinRowsVisible(2)
	a.addPg = widget.NewButtonWithIcon(u.T("ui.detail.add_page"), theme.ContentAddIcon(), a.pickPage)
	a.scanPg = widget.NewButtonWithIcon(u.T("ui.docs.scan"), theme.DocumentPrintIcon(), a.scanPage)
	if u.Scanners == nil {
		a.scanPg.Hide()
	}
	a.send = widget.NewButtonWithIcon(u.T("ui.detail.send_answer"), theme.MailSendIcon(), a.submit)
	a.send.Importance = widget.HighImportance
	a.busy.Stop()
	a.busy.Hide()
	a.root = container.NewVBox(widget.NewCard(u.T("ui.detail.answer"), "",
		container.NewVBox(a.fields, container.NewBorder(nil, nil, nil, container.NewHBox(a.scanPg, a.addPg), a.listed), a.text, a.send, a.busy)))
	return a
}

func (a *answerForm) reset() {
	a.pages = nil
	a.text.SetText("")
	a.listed.SetText("")
	a.values = map[string]*widget.Entry{}
}

// load builds one entry per field the question asks.
func (a *answerForm) load(r *app.Request) {
	u := a.v.u
	a.fields.Items = nil
	for _, f := range r.Question.Fields {
		if f == app.FieldSex {
			a.fields.Append(u.T("ui.field.sex"), a.sex)
			continue
		}
		e := a.values[f]
		if e == nil {
			e = widget.NewEntry()
			if f == app.FieldBirthDate {
				e.SetPlaceHolder(u.T("ui.person.date_placeholder"))
			}
			a.values[f] = e
		}
		a.fields.Append(u.T("ui.field."+f), e)
	}
	a.fields.Refresh()
	a.addPg.Enable()
	a.scanPg.Enable()
	if len(r.Pages)+len(a.pages) >= app.MaxPages {
		a.addPg.Disable()
		a.scanPg.Disable()
	}
	a.listed.SetText(u.T("ui.detail.pages_added", "n", len(a.pages)))
}

// collect reads the form into an answer.
func (a *answerForm) collect() (app.Answer, error) {
	ans := app.Answer{Pages: a.pages, Text: strings.TrimSpace(a.text.Text)}
	p := &ans.Person
	for f, e := range a.values {
		val := strings.TrimSpace(e.Text)
		switch f {
		case app.FieldSurname:
			p.Surname = val
		case app.FieldGivenNames:
			p.GivenNames = val
		case app.FieldBirthPlace:
			p.BirthPlace = val
		case app.FieldBirthCountry:
			p.BirthCountry = strings.ToUpper(val)
		case app.FieldNationality:
			p.Nationality = strings.ToUpper(val)
		case app.FieldBirthDate:
			d, err := app.ParseDate(val)
			if err != nil {
				return ans, err
			}
			p.BirthDate = d
		}
	}
	p.Sex = a.sexes[a.sex.Selected]
	return ans, nil
}

// pickPage imports a page for the answer, off the UI goroutine, through
// the same quality checks as the documents step; a page that blocks is
// refused with its reason.
func (a *answerForm) pickPage() {
	u := a.v.u
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(app.Errorf("ui.open_failed", err))
			return
		}
		if rc == nil {
			return
		}
		name := rc.URI().Name()
		u.goBackground(func(ctx context.Context) {
			defer rc.Close()
			page, err := answerPage(ctx, name, rc)
			u.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				a.addPage(page)
			})
		})
	}, u.win)
	fd.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	fd.Show()
}

// scanPage scans pages for the answer with the same Scan dialog and
// quality checks as the documents step; a page whose check blocks is
// refused with its reason.
func (a *answerForm) scanPage() {
	u := a.v.u
	if a.v.req == nil {
		return
	}
	u.wizard.docs.openScannerTo(a.v.req.Document.Kind, func(pages []scan.Page, _ []pageView) {
		u.goBackground(func(ctx context.Context) {
			for _, p := range pages {
				page, err := answerCheck(ctx, p)
				u.Do(func() {
					if err != nil {
						u.showError(err)
						return
					}
					a.addPage(page)
				})
			}
		})
	})
}

func (a *answerForm) addPage(p app.Page) {
	if a.v.req == nil || len(a.v.req.Pages)+len(a.pages) >= app.MaxPages {
		a.v.u.showError(app.Errorf("request.too_many_pages", nil, "max", app.MaxPages))
		return
	}
	a.pages = append(a.pages, p)
	a.load(a.v.req)
}

// answerPage reads one page from a file and checks it can be read.
func answerPage(ctx context.Context, name string, rd io.Reader) (app.Page, error) {
	pages, err := scan.Import(name, rd, -1)
	if err != nil {
		return app.Page{}, err
	}
	return answerCheck(ctx, pages[0])
}

// answerCheck cuts a page to the document and checks it can be read: an
// answer's page (a residence permit, another document's page) needs no
// MRZ, only to be readable.
func answerCheck(ctx context.Context, p scan.Page) (app.Page, error) {
	if clean, _, err := scan.Clean(p); err == nil {
		p = clean
	}
	report := scan.Checker{}.Check(ctx, p)
	if report.Level() == scan.Block {
		for _, c := range report.Checks {
			if c.Level == scan.Block {
				return app.Page{}, app.Errorf("ui.detail.page_unreadable", nil, "check", c.Name)
			}
		}
	}
	return app.Page{Label: "page", ContentType: p.ContentType, Data: p.Data, DPI: p.DPI}, nil
}

// submit sends the answer off the UI goroutine.
func (a *answerForm) submit() {
	u, r := a.v.u, a.v.req
	if r == nil {
		return
	}
	ans, err := a.collect()
	if err == nil && ans.Empty() {
		err = app.Errorf("service.empty_answer", nil)
	}
	if err != nil {
		u.showError(err)
		return
	}
	a.send.Disable()
	a.busy.Show()
	a.busy.Start()
	id := r.ID
	u.goBackground(func(ctx context.Context) {
		err := u.Desk.Answer(ctx, id, ans)
		var fresh *app.Request
		if err == nil {
			fresh, err = u.History.Request(id)
		}
		u.Do(func() {
			a.send.Enable()
			a.busy.Stop()
			a.busy.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			a.reset()
			if a.v.req != nil && a.v.req.ID == id {
				a.v.update(fresh)
			}
			u.history.reload()
		})
	})
}
