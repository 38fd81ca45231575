package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// historyView lists every request of the company in a table sorted by
// the column whose header was clicked last, with a filter, the details of
// a row, cancel and "continue" (a draft in the wizard, a question in the
// details' answer form).
type historyView struct {
	u        *UI
	all      []*app.Request
	rows     []*app.Request
	selected int

	table  *historyTable
	sortBy *columnSort
	filter *widget.Entry
	cancel *widget.Button
	open   *widget.Button
	detail *widget.Button
	export *widget.Button
	view   *detailView
	info   *widget.Label
	root   fyne.CanvasObject
}

var historyColumns = []string{"created", "worker", "requester", "status", "insz", "asked"}

func newHistoryView(u *UI) *historyView {
	h := &historyView{u: u, selected: -1}
	h.sortBy = &columnSort{h: h, desc: true}
	h.filter = widget.NewEntry()
	h.filter.SetPlaceHolder(u.T("ui.history.filter"))
	h.filter.OnChanged = func(string) { h.apply() }
	h.table = newHistoryTable(h)
	h.table.OnSelected = func(id widget.TableCellID) { h.selected = id.Row; h.buttons() }
	refresh := widget.NewButtonWithIcon(u.T("ui.history.refresh"), theme.ViewRefreshIcon(), h.sync)
	h.cancel = widget.NewButtonWithIcon(u.T("ui.history.cancel"), theme.CancelIcon(), h.confirmCancel)
	h.open = widget.NewButtonWithIcon(u.T("ui.history.open"), theme.DocumentCreateIcon(), h.continueRequest)
	h.detail = widget.NewButtonWithIcon(u.T("ui.history.details"), theme.InfoIcon(), h.showDetail)
	h.view = newDetailView(u)
	h.export = widget.NewButtonWithIcon(u.T("ui.history.export"), theme.DocumentSaveIcon(), h.exportDialog)
	h.info = widget.NewLabel("")
	h.info.Wrapping = fyne.TextWrapWord
	// The filter takes the top's width, the actions on the selected row
	// sit under the table: long German labels leave both room.
	top := container.NewBorder(nil, nil, nil, refresh, h.filter)
	actions := container.NewHBox(layout.NewSpacer(), h.detail, h.open, h.export, h.cancel)
	h.root = container.NewBorder(top, container.NewVBox(h.info, actions), nil, nil, container.New(&fitColumns{table: h.table}, h.table))
	h.buttons()
	return h
}

func (h *historyView) content() fyne.CanvasObject { return h.root }

func (h *historyView) cell(id widget.TableCellID) string { return h.text(h.rows[id.Row], id.Col) }

// text is request r's value in column col, as the table shows it.
func (h *historyView) text(r *app.Request, col int) string {
	u := h.u
	switch historyColumns[col] {
	case "created":
		// The date alone keeps the column narrow; the details say the time.
		return r.Created.Local().Format("2006-01-02")
	case "worker":
		return personName(r.Person)
	case "requester":
		return requesterOf(r)
	case "status":
		return u.T("ui.status." + string(r.Status))
	case "insz":
		if r.INSZ == "" {
			return ""
		}
		return r.INSZ.String()
	case "asked":
		var asked []string
		for _, f := range r.Asked {
			asked = append(asked, u.T("ui.field."+f))
		}
		return strings.Join(asked, ", ")
	}
	return ""
}

// personName is "Surname, Given names", or either alone.
func personName(p app.Person) string {
	return strings.Join(slices.DeleteFunc([]string{strings.TrimSpace(p.Surname), strings.TrimSpace(p.GivenNames)},
		func(s string) bool { return s == "" }), ", ")
}

// requesterOf names who sent a request: the staff member the service
// recorded, or (before sending) the e-mail for status mail.
func requesterOf(r *app.Request) string {
	if r.RequestedBy.Name != "" {
		return r.RequestedBy.Name
	}
	return r.Requester
}

// reload reads the history from the store, off the UI goroutine: the
// current company's requests, from every workstation, and this
// computer's drafts.
func (h *historyView) reload() {
	company := ""
	if h.u.Account != nil {
		co, _ := h.u.Account.Company()
		company = co.Number
	}
	soon(h.u, func() ([]*app.Request, error) { return h.u.History.Requests() }, func(list []*app.Request, err error) {
		if err != nil {
			h.info.SetText(h.u.Catalog.Error(err))
			return
		}
		h.all = h.all[:0]
		for _, r := range list {
			if r.Company == "" || company == "" || r.Company == company {
				h.all = append(h.all, r)
			}
		}
		h.apply()
		if h.u.tabs != nil {
			h.countActions()
		}
	})
}

// apply filters by requester or worker and sorts.
func (h *historyView) apply() {
	q := strings.ToLower(strings.TrimSpace(h.filter.Text))
	h.rows = h.rows[:0]
	for _, r := range h.all {
		if q == "" || strings.Contains(strings.ToLower(requesterOf(r)+" "+r.Requester+" "+r.Person.Surname+" "+r.Person.GivenNames), q) {
			h.rows = append(h.rows, r)
		}
	}
	h.sortBy.sort(h.rows)
	h.selected = -1
	h.table.UnselectAll()
	h.table.Refresh()
	h.info.SetText(h.u.T("ui.history.count", "n", len(h.rows), "total", len(h.all)))
	h.buttons()
}

func (h *historyView) current() *app.Request {
	if h.selected < 0 || h.selected >= len(h.rows) {
		return nil
	}
	return h.rows[h.selected]
}

func (h *historyView) buttons() {
	r := h.current()
	h.cancel.Disable()
	h.open.Disable()
	h.export.Disable()
	h.detail.Disable()
	if r == nil {
		return
	}
	h.export.Enable()
	h.detail.Enable()
	if r.Status.Local() || r.Status.Open() {
		h.cancel.Enable()
	}
	if r.Status == app.Draft || r.Status.NeedsAction() {
		h.open.Enable()
	}
}

func (h *historyView) confirmCancel() {
	if r := h.current(); r != nil {
		h.confirmCancelOf(r)
	}
}

func (h *historyView) confirmCancelOf(r *app.Request) {
	msg := widget.NewLabel(h.u.T("ui.history.cancel_confirm", "name", r.Person.Surname))
	msg.Wrapping = fyne.TextWrapWord
	dialog.ShowCustomConfirm(h.u.T("ui.history.cancel_title"), h.u.T("ui.history.cancel"), h.u.T("ui.history.keep"), msg,
		func(ok bool) {
			if ok {
				h.cancelRequest(r.ID)
			}
		}, h.u.win)
}

func (h *historyView) cancelRequest(id string) {
	h.u.goBackground(func(ctx context.Context) {
		err := h.u.Desk.Cancel(ctx, id)
		fresh, _ := h.u.History.Request(id)
		h.u.Do(func() {
			if err != nil {
				h.u.showError(err)
			}
			h.reload()
			if fresh != nil && h.view.req != nil && h.view.req.ID == id {
				h.view.update(fresh)
			}
		})
	})
}

// showDetail opens the selected request's details, read off the UI
// goroutine (it holds the pages).
func (h *historyView) showDetail() {
	if r := h.current(); r != nil {
		h.readFull(r.ID, h.view.show)
	}
}

// openSelected is Enter or a double click on a row: a draft goes on in
// the wizard, any other request shows its details.
func (h *historyView) openSelected() {
	if r := h.current(); r != nil && r.Status == app.Draft {
		h.continueRequest()
		return
	}
	h.showDetail()
}

// readFull reads one whole request off the UI goroutine and shows it.
func (h *historyView) readFull(id string, show func(*app.Request)) {
	soon(h.u, func() (*app.Request, error) { return h.u.History.Request(id) }, func(full *app.Request, err error) {
		if err != nil {
			h.u.showError(err)
			return
		}
		show(full)
	})
}

// countActions shows on the History tab how many requests wait for an
// answer.
func (h *historyView) countActions() {
	n := 0
	for _, r := range h.all {
		if r.Status.NeedsAction() {
			n++
		}
	}
	title := h.u.T("ui.tab.history")
	if n > 0 {
		title = h.u.T("ui.tab.history_count", "n", n)
	}
	for _, t := range h.u.tabs.Items {
		if t.Content == h.root && t.Text != title {
			t.Text = title
			h.u.tabs.Refresh()
		}
	}
}

// sync sends queued requests and asks for news of open ones.
func (h *historyView) sync() {
	h.info.SetText(h.u.T("ui.history.syncing"))
	h.u.goBackground(func(ctx context.Context) {
		_, err := h.u.Desk.SendQueued(ctx)
		if err == nil {
			_, err = h.u.Desk.Sync(ctx)
		}
		h.u.Do(func() {
			h.reload()
			switch {
			case errors.Is(err, app.ErrSignInRequired):
				h.info.SetText(h.u.T("ui.history.signed_out"))
			case errors.Is(err, app.ErrUnreachable):
				h.info.SetText(h.u.T("ui.history.offline"))
			case err != nil:
				h.u.showError(err)
			}
		})
	})
}

// continueRequest goes on with the selected request where it waits for
// the user: a draft in the wizard, a question in the details' answer form.
func (h *historyView) continueRequest() {
	r := h.current()
	switch {
	case r == nil:
	case r.Status.NeedsAction():
		h.readFull(r.ID, h.view.show)
	case r.Status == app.Draft:
		h.readFull(r.ID, func(full *app.Request) {
			h.u.wizard.edit(full)
			h.u.tabs.SelectIndex(0)
		})
	}
}
