package ui

import (
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
)

func (u *UI) menu() *fyne.MainMenu {
	return fyne.NewMainMenu(
		fyne.NewMenu(u.T("ui.menu.file"),
			fyne.NewMenuItem(u.T("ui.menu.new"), u.newRequest),
			fyne.NewMenuItem(u.T("ui.menu.import"), u.wizard.docs.openDialog),
			fyne.NewMenuItem(u.T("ui.menu.backup"), u.backup),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(u.T("ui.menu.settings"), u.showSettings),
		),
		fyne.NewMenu(u.T("ui.menu.view"),
			fyne.NewMenuItem(u.T("ui.tab.new"), func() { u.tabs.SelectIndex(0) }),
			fyne.NewMenuItem(u.T("ui.tab.history"), func() { u.tabs.SelectIndex(1) }),
		),
	)
}

// shortcuts: Ctrl/Cmd+N new request, +O import a page, +H history,
// +comma settings.
func (u *UI) shortcuts() {
	add := func(k fyne.KeyName, fn func()) {
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyN, u.newRequest)
	add(fyne.KeyO, func() { u.tabs.SelectIndex(0); u.wizard.show(0); u.wizard.docs.openDialog() })
	add(fyne.KeyH, u.focusHistory)
	add(fyne.KeyComma, u.showSettings)
}

func (u *UI) newRequest() {
	u.wizard.saveNow()
	u.wizard.reset()
	u.tabs.SelectIndex(0)
}

// showSettings edits the service URL, the default requester and the
// language (which applies at the next start: every label is built once).
func (u *UI) showSettings() {
	st, err := u.Settings.Settings()
	if err != nil {
		u.showError(err)
		return
	}
	service := widget.NewEntry()
	service.SetText(st.ServiceURL)
	service.SetPlaceHolder(u.T("ui.settings.sandbox", "url", u.SandboxURL))
	requester := widget.NewEntry()
	requester.SetText(st.Requester)
	langs := map[string]string{u.T("ui.settings.lang.system"): ""}
	options := []string{u.T("ui.settings.lang.system")}
	for _, l := range locale.Supported {
		name := u.T("ui.settings.lang." + l)
		langs[name] = l
		options = append(options, name)
	}
	language := widget.NewSelect(options, nil)
	language.SetSelectedIndex(0)
	for name, l := range langs {
		if l == st.Language && l != "" {
			language.SetSelected(name)
		}
	}
	retention := u.retentionEntry(st)
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("ui.settings.service"), service),
		widget.NewFormItem(u.T("ui.settings.requester"), requester),
		widget.NewFormItem(u.T("ui.settings.language"), language),
		widget.NewFormItem(u.T("ui.settings.retention"), retention),
	}
	items[3].HintText = u.T("ui.settings.retention_hint")
	if u.MailDir != "" {
		open := widget.NewButtonWithIcon(u.T("ui.settings.open_mail"), theme.MailComposeIcon(), func() {
			if err := u.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(u.MailDir)}); err != nil {
				u.showError(app.Errorf("ui.open_failed", err))
			}
		})
		items = append(items, widget.NewFormItem(u.T("ui.settings.mail"), open))
		items[len(items)-1].HintText = u.T("ui.settings.mail_hint")
	}
	items[0].HintText = u.T("ui.settings.service_hint")
	items[2].HintText = u.T("ui.settings.language_hint")
	d := dialog.NewForm(u.T("ui.settings.title"), u.T("ui.save"), u.T("ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		st.ServiceURL = service.Text
		st.Requester = requester.Text
		st.Language = langs[language.Selected]
		days, _ := strconv.Atoi(strings.TrimSpace(retention.Text))
		shorter := days > 0 && days < int(st.Retention().Hours()/24)
		st.RetentionDays = days
		if u.UseService != nil {
			if err := u.UseService(st.ServiceURL); err != nil {
				u.showError(err)
				return
			}
		}
		if err := u.Settings.SaveSettings(st); err != nil {
			u.showError(err)
		}
		if shorter {
			u.applyRetention()
		}
		u.updateStatus()
	}, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// focusHistory shows the history with its table focused, so the arrow
// keys and Enter work at once.
func (u *UI) focusHistory() {
	u.tabs.SelectIndex(1)
	u.win.Canvas().Focus(u.history.table)
}
