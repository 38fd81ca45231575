package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// accessView is the main access manager's screen: the company's staff and
// who may use belgianIDpro. Only the manager sees the tab.
type accessView struct {
	u       *UI
	members []app.Member
	intro   *widget.Label
	list    *widget.List
	info    *widget.Label
	root    fyne.CanvasObject
}

func newAccessView(u *UI) *accessView {
	v := &accessView{u: u, intro: widget.NewLabel(""), info: widget.NewLabel("")}
	v.intro.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(
		func() int { return len(v.members) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.TextStyle.Bold = true
			return container.NewBorder(nil, nil, nil, widget.NewCheck(u.T("ui.access.granted"), nil),
				container.NewGridWithColumns(3, name, widget.NewLabel(""), widget.NewLabel("")))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { v.row(i, o.(*fyne.Container)) },
	)
	refresh := widget.NewButtonWithIcon(u.T("ui.history.refresh"), theme.ViewRefreshIcon(), v.reload)
	v.root = container.NewBorder(container.NewBorder(nil, nil, nil, refresh, v.intro), v.info, nil, nil, v.list)
	return v
}

func (v *accessView) row(i int, c *fyne.Container) {
	m := v.members[i]
	cols := c.Objects[0].(*fyne.Container).Objects
	cols[0].(*widget.Label).SetText(m.Name)
	cols[1].(*widget.Label).SetText(m.Email)
	cols[2].(*widget.Label).SetText(v.u.T("ui.access.role." + string(m.Role)))
	check := c.Objects[1].(*widget.Check)
	check.OnChanged = nil
	check.SetChecked(m.Access)
	if m.Role == app.Manager {
		check.Disable()
		return
	}
	check.Enable()
	id := m.ID
	check.OnChanged = func(on bool) { v.set(id, on) }
}

// reload asks the service for the staff list, off the UI goroutine.
func (v *accessView) reload() {
	co, _ := v.u.Account.Company()
	v.intro.SetText(v.u.T("ui.access.intro", "company", co.Name))
	v.info.SetText(v.u.T("ui.history.syncing"))
	v.u.goBackground(func(ctx context.Context) {
		list, err := v.u.Account.Staff(ctx)
		v.u.Do(func() {
			v.info.SetText("")
			if err != nil {
				v.info.SetText(v.u.Catalog.Error(err))
				return
			}
			v.members = list
			v.list.Refresh()
		})
	})
}

// set grants or revokes; the list shows what the service answered.
func (v *accessView) set(id string, on bool) {
	v.u.goBackground(func(ctx context.Context) {
		m, err := v.u.Account.SetAccess(ctx, id, on)
		v.u.Do(func() {
			if err != nil {
				v.u.showError(err)
			}
			for i := range v.members {
				if v.members[i].ID == id {
					if err == nil {
						v.members[i] = m
					}
					v.list.RefreshItem(i)
				}
			}
		})
	})
}

// showAccessTab shows the Access tab to the main access manager only.
func (u *UI) showAccessTab() {
	if u.access == nil {
		return
	}
	co, ok := u.Account.Company()
	manager := ok && co.Role == app.Manager
	present := false
	for _, t := range u.tabs.Items {
		if t == u.accessTab {
			present = true
		}
	}
	switch {
	case manager && !present:
		u.tabs.Append(u.accessTab)
	case !manager && present:
		u.tabs.Remove(u.accessTab)
	}
	if manager {
		u.access.reload()
	}
}
