package ui

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// historyView lists every request of the company, sortable per requester,
// with cancel and "continue a draft".
type historyView struct {
	u        *UI
	all      []*app.Request
	rows     []*app.Request
	selected int

	table  *widget.Table
	sortBy *widget.Select
	filter *widget.Entry
	cancel *widget.Button
	open   *widget.Button
	detail *widget.Button
	export *widget.Button
	view   *detailView
	info   *widget.Label
	root   fyne.CanvasObject
	sorts  map[string]func(a, b *app.Request) int
}

var historyColumns = []string{"created", "worker", "requester", "status", "insz", "asked"}

func newHistoryView(u *UI) *historyView {
	h := &historyView{u: u, selected: -1}
	byDate := func(a, b *app.Request) int { return cmp.Compare(b.ID, a.ID) }
	h.sorts = map[string]func(a, b *app.Request) int{
		u.T("ui.history.sort.newest"): byDate,
		u.T("ui.history.sort.requester"): func(a, b *app.Request) int {
			return cmp.Or(cmp.Compare(strings.ToLower(requesterOf(a)), strings.ToLower(requesterOf(b))), byDate(a, b))
		},
		u.T("ui.history.sort.status"): func(a, b *app.Request) int {
			return cmp.Or(cmp.Compare(a.Status, b.Status), byDate(a, b))
		},
		u.T("ui.history.sort.worker"): func(a, b *app.Request) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Person.Surname), strings.ToLower(b.Person.Surname)), byDate(a, b))
		},
	}
	h.sortBy = widget.NewSelect([]string{u.T("ui.history.sort.newest"), u.T("ui.history.sort.requester"),
		u.T("ui.history.sort.status"), u.T("ui.history.sort.worker")}, func(string) { h.apply() })
	h.filter = widget.NewEntry()
	h.filter.SetPlaceHolder(u.T("ui.history.filter"))
	h.filter.OnChanged = func(string) { h.apply() }
	h.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(h.rows), len(historyColumns) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.cell(id)) },
	)
	h.table.ShowHeaderColumn = false
	h.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(u.T("ui.history.col." + historyColumns[id.Col]))
			o.(*widget.Label).TextStyle.Bold = true
		}
	}
	for i, w := range []float32{140, 220, 200, 150, 150, 260} {
		h.table.SetColumnWidth(i, w)
	}
	h.table.OnSelected = func(id widget.TableCellID) { h.selected = id.Row; h.buttons() }
	refresh := widget.NewButtonWithIcon(u.T("ui.history.refresh"), theme.ViewRefreshIcon(), h.sync)
	h.cancel = widget.NewButtonWithIcon(u.T("ui.history.cancel"), theme.CancelIcon(), h.confirmCancel)
	h.open = widget.NewButtonWithIcon(u.T("ui.history.open"), theme.DocumentCreateIcon(), h.continueDraft)
	h.detail = widget.NewButtonWithIcon(u.T("ui.history.details"), theme.InfoIcon(), h.showDetail)
	h.view = newDetailView(u)
	h.export = widget.NewButtonWithIcon(u.T("ui.history.export"), theme.DocumentSaveIcon(), h.exportDialog)
	h.info = widget.NewLabel("")
	h.info.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, nil, widget.NewLabel(u.T("ui.history.sort")), container.NewHBox(refresh, h.detail, h.open, h.export, h.cancel),
		container.NewGridWithColumns(2, h.sortBy, h.filter))
	h.root = container.NewBorder(top, h.info, nil, nil, h.table)
	h.sortBy.SetSelectedIndex(0)
	return h
}

func (h *historyView) content() fyne.CanvasObject { return h.root }

func (h *historyView) cell(id widget.TableCellID) string {
	r := h.rows[id.Row]
	u := h.u
	switch historyColumns[id.Col] {
	case "created":
		return r.Created.Local().Format("2006-01-02 15:04")
	case "worker":
		return strings.TrimSpace(r.Person.Surname + ", " + r.Person.GivenNames)
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

// requesterOf names who sent a request: the staff member the service
// recorded, or (before sending) the e-mail for status mail.
func requesterOf(r *app.Request) string {
	if r.RequestedBy.Name != "" {
		return r.RequestedBy.Name
	}
	return r.Requester
}

// reload reads the history from the store: the current company's
// requests, from every workstation, and this computer's drafts.
func (h *historyView) reload() {
	list, err := h.u.History.Requests()
	if err != nil {
		h.info.SetText(h.u.Catalog.Error(err))
		return
	}
	company := ""
	if h.u.Account != nil {
		co, _ := h.u.Account.Company()
		company = co.Number
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
	if f := h.sorts[h.sortBy.Selected]; f != nil {
		slices.SortStableFunc(h.rows, f)
	}
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
	if r.Status == app.Draft {
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
	r := h.current()
	if r == nil {
		return
	}
	id := r.ID
	h.u.goBackground(func(context.Context) {
		full, err := h.u.History.Request(id)
		h.u.Do(func() {
			if err != nil {
				h.u.showError(err)
				return
			}
			h.view.show(full)
		})
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

func (h *historyView) continueDraft() {
	r := h.current()
	if r == nil {
		return
	}
	full, err := h.u.History.Request(r.ID)
	if err != nil {
		h.u.showError(err)
		return
	}
	h.u.wizard.edit(full)
	h.u.tabs.SelectIndex(0)
}
