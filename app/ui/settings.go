package ui

import (
	"context"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/scan"
)

// settingsView is the Settings dialog: general (language, service,
// default e-mail, retention, status mail), scanning (default scanner,
// resolution, colour), the account, and about.
type settingsView struct {
	u     *UI
	st    app.Settings
	prefs scanPrefs

	language  *widget.Select
	langs     map[string]string // option -> language code
	service   *widget.Entry
	requester *widget.Entry
	retention *widget.Entry
	scanner   *widget.Label
	forget    *widget.Button
	dpi       *widget.Select
	mode      *widget.Select
	tabs      *container.AppTabs
	dlg       *dialog.ConfirmDialog
}

// scanResolutions are the resolutions offered; the first, 0, lets the
// document's profile choose (300 dpi, what MRZ reading needs).
var scanResolutions = []int{0, 400, 600}

// scanModes are the colours offered; "" lets the profile choose (colour).
var scanModes = []scan.Mode{"", scan.Gray}

// showSettings opens the settings, read off the UI goroutine.
func (u *UI) showSettings() {
	soon(u, u.Settings.Settings, func(st app.Settings, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		v := newSettingsView(u, st)
		v.dlg.Show()
	})
}

func newSettingsView(u *UI, st app.Settings) *settingsView {
	v := &settingsView{u: u, st: st, prefs: decodeScanPrefs(st.Scanner), langs: map[string]string{}}
	v.tabs = container.NewAppTabs(
		container.NewTabItem(u.T("ui.settings.tab.general"), v.general()),
		container.NewTabItem(u.T("ui.settings.tab.scanning"), v.scanning()),
	)
	if u.Account != nil {
		v.tabs.Append(container.NewTabItem(u.T("ui.settings.tab.account"), v.account()))
	}
	v.tabs.Append(container.NewTabItem(u.T("ui.settings.tab.about"), v.about()))
	v.dlg = dialog.NewCustomConfirm(u.T("ui.settings.title"), u.T("ui.save"), u.T("ui.cancel"), v.tabs, func(ok bool) {
		if ok {
			v.save()
		}
	}, u.win)
	v.dlg.Resize(fyne.NewSize(880, 520))
	return v
}

func (v *settingsView) general() fyne.CanvasObject {
	u, st := v.u, v.st
	options := []string{u.T("ui.settings.lang.system")}
	v.langs[options[0]] = ""
	for _, l := range locale.Supported {
		name := u.T("ui.settings.lang." + l)
		v.langs[name] = l
		options = append(options, name)
	}
	v.language = widget.NewSelect(options, nil)
	v.language.PlaceHolder = u.T("ui.select")
	v.language.SetSelectedIndex(0)
	for name, l := range v.langs {
		if l == st.Language && l != "" {
			v.language.SetSelected(name)
		}
	}
	v.service = widget.NewEntry()
	v.service.SetText(st.ServiceURL)
	v.service.SetPlaceHolder(u.T("ui.settings.sandbox", "url", u.SandboxURL))
	v.requester = widget.NewEntry()
	v.requester.SetText(st.Requester)
	v.requester.SetPlaceHolder(u.T("ui.settings.requester_placeholder"))
	v.retention = u.retentionEntry(st)
	form := widget.NewForm(
		widget.NewFormItem(u.T("ui.settings.language"), v.language),
		widget.NewFormItem(u.T("ui.settings.service"), v.service),
		widget.NewFormItem(u.T("ui.settings.requester"), v.requester),
		widget.NewFormItem(u.T("ui.settings.retention"), v.retention),
	)
	form.Items[0].HintText = u.T("ui.settings.language_hint")
	form.Items[1].HintText = u.T("ui.settings.service_hint")
	form.Items[3].HintText = u.T("ui.settings.retention_hint")
	if u.MailDir != "" {
		open := widget.NewButtonWithIcon(u.T("ui.settings.open_mail"), theme.MailComposeIcon(), func() {
			if err := u.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(u.MailDir)}); err != nil {
				u.showError(app.Errorf("ui.open_failed", err))
			}
		})
		form.Append(u.T("ui.settings.mail"), open)
		form.Items[len(form.Items)-1].HintText = u.T("ui.settings.mail_hint")
	}
	return container.NewVScroll(form)
}

func (v *settingsView) scanning() fyne.CanvasObject {
	u := v.u
	v.scanner = widget.NewLabel("")
	v.scanner.Wrapping = fyne.TextWrapWord
	v.forget = widget.NewButtonWithIcon(u.T("ui.settings.scanner_forget"), theme.DeleteIcon(), func() {
		v.prefs.Choice = scan.Choice{}
		v.showScanner()
	})
	v.showScanner()
	var dpis []string
	for _, d := range scanResolutions {
		if d == 0 {
			dpis = append(dpis, u.T("ui.settings.resolution_auto"))
			continue
		}
		dpis = append(dpis, u.T("ui.settings.dpi", "dpi", d))
	}
	v.dpi = widget.NewSelect(dpis, nil)
	v.dpi.PlaceHolder = u.T("ui.select")
	v.dpi.SetSelectedIndex(max(0, indexOf(scanResolutions, v.prefs.DPI)))
	v.mode = widget.NewSelect([]string{u.T("ui.settings.mode_color"), u.T("ui.settings.mode_gray")}, nil)
	v.mode.PlaceHolder = u.T("ui.select")
	v.mode.SetSelectedIndex(max(0, indexOf(scanModes, v.prefs.Mode)))
	form := widget.NewForm(
		widget.NewFormItem(u.T("ui.settings.scanner"), container.NewBorder(nil, nil, nil, v.forget, v.scanner)),
		widget.NewFormItem(u.T("ui.settings.resolution"), v.dpi),
		widget.NewFormItem(u.T("ui.settings.mode"), v.mode),
	)
	form.Items[0].HintText = u.T("ui.settings.scanner_hint")
	form.Items[1].HintText = u.T("ui.settings.resolution_hint")
	return container.NewVScroll(form)
}

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

// showScanner names the remembered scanner, if any.
func (v *settingsView) showScanner() {
	if v.prefs.Device == (scan.Device{}) {
		v.scanner.SetText(v.u.T("ui.settings.scanner_none"))
		v.forget.Disable()
		return
	}
	v.scanner.SetText(v.prefs.Device.Name())
	v.forget.Enable()
}

// account says who is signed in for which company, and signs out (or in).
func (v *settingsView) account() fyne.CanvasObject {
	u := v.u
	who := widget.NewLabel(u.T("ui.account.signed_out"))
	who.Wrapping = fyne.TextWrapWord
	company := widget.NewLabel("")
	company.Wrapping = fyne.TextWrapWord
	action := widget.NewButtonWithIcon(u.T("ui.account.sign_in"), theme.LoginIcon(), func() { v.dlg.Hide(); u.signIn() })
	if id, ok := u.Account.Identity(); ok {
		who.SetText(u.T("ui.settings.signed_in_as", "name", id.Name, "email", id.Email))
		if co, ok := u.Account.Company(); ok {
			company.SetText(u.T("ui.settings.company", "company", co.Name, "number", app.FormatEnterprise(co.Number)))
		}
		action = widget.NewButtonWithIcon(u.T("ui.account.sign_out"), theme.LogoutIcon(), func() { v.dlg.Hide(); u.signOut() })
	}
	return container.NewVBox(who, company, container.NewHBox(action))
}

// components are the open-source parts idpro is built with and their
// licences (names and SPDX identifiers, not translated).
var components = [][2]string{
	{"Fyne", "BSD-3-Clause"},
	{"Go, golang.org/x", "BSD-3-Clause"},
	{"bbolt", "MIT"},
	{"pdfcpu", "Apache-2.0"},
	{"Tesseract OCR, gosseract", "Apache-2.0, MIT"},
	{"go-keyring", "MIT"},
	{"go-i18n", "MIT"},
	{"imaging", "MIT"},
}

// about says which idpro this is, where it keeps its data, and what it is
// built with.
func (v *settingsView) about() fyne.CanvasObject {
	u := v.u
	version := u.Version
	if version == "" {
		version = "dev"
	}
	title := widget.NewLabel(u.T("ui.settings.about_version", "version", version))
	title.TextStyle.Bold = true
	box := container.NewVBox(title)
	if u.DataDir != "" {
		where := widget.NewLabel(u.T("ui.settings.about_data", "dir", u.DataDir))
		where.Wrapping = fyne.TextWrapWord
		open := widget.NewButtonWithIcon(u.T("ui.settings.open_data"), theme.FolderOpenIcon(), func() {
			if err := u.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(u.DataDir)}); err != nil {
				u.showError(app.Errorf("ui.open_failed", err))
			}
		})
		box.Add(where)
		box.Add(container.NewHBox(open))
	}
	var lines []string
	for _, c := range components {
		lines = append(lines, c[0]+" — "+c[1])
	}
	box.Add(widget.NewLabel(u.T("ui.settings.about_components")))
	box.Add(widget.NewLabel(strings.Join(lines, "\n")))
	return container.NewVScroll(box)
}

// save keeps the settings off the UI goroutine, then applies them: the
// service, the language at once, a shorter retention.
func (v *settingsView) save() {
	u, st := v.u, v.st
	if err := v.retention.Validate(); err != nil {
		u.showError(err)
		return
	}
	st.ServiceURL = strings.TrimSpace(v.service.Text)
	st.Requester = strings.TrimSpace(v.requester.Text)
	st.Language = v.langs[v.language.Selected]
	days, _ := strconv.Atoi(strings.TrimSpace(v.retention.Text))
	shorter := days < int(st.Retention().Hours()/24)
	st.RetentionDays = days
	prefs := v.prefs
	prefs.DPI = scanResolutions[max(0, v.dpi.SelectedIndex())]
	prefs.Mode = scanModes[max(0, v.mode.SelectedIndex())]
	st.Scanner = ""
	if prefs != (scanPrefs{}) {
		st.Scanner = prefs.encode()
	}
	u.goBackground(func(context.Context) {
		var err error
		if u.UseService != nil {
			err = u.UseService(st.ServiceURL)
		}
		if err == nil {
			err = u.Settings.SaveSettings(st)
		}
		u.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			if err := u.applyLanguage(st.Language); err != nil {
				u.showError(err)
			}
			if shorter {
				u.applyRetention()
			}
			u.updateStatus()
		})
	})
}
