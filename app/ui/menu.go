package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

func (u *UI) menu() *fyne.MainMenu {
	// Quit reads the window's place while the window is still there;
	// Fyne's own Quit item would leave the place last followed (winpos).
	quit := fyne.NewMenuItem(u.T("ui.menu.quit"), u.Quit)
	quit.IsQuit = true
	return fyne.NewMainMenu(
		fyne.NewMenu(u.T("ui.menu.file"),
			fyne.NewMenuItem(u.T("ui.menu.new"), u.newRequest),
			fyne.NewMenuItem(u.T("ui.menu.import"), u.wizard.docs.openDialog),
			fyne.NewMenuItem(u.T("ui.menu.backup"), u.backup),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(u.T("ui.menu.settings"), u.showSettings),
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu(u.T("ui.menu.view"),
			fyne.NewMenuItem(u.T("ui.tab.new"), func() { u.tabs.SelectIndex(0) }),
			fyne.NewMenuItem(u.T("ui.tab.history"), func() { u.tabs.SelectIndex(1) }),
		),
	)
}

// shortcuts: Ctrl/Cmd+N new request, +O import a page, +H history,
// +comma settings, +Q quit.
func (u *UI) shortcuts() {
	add := func(k fyne.KeyName, fn func()) {
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { fn() })
	}
	add(fyne.KeyN, u.newRequest)
	add(fyne.KeyO, func() { u.tabs.SelectIndex(0); u.wizard.show(0); u.wizard.docs.openDialog() })
	add(fyne.KeyH, u.focusHistory)
	add(fyne.KeyComma, u.showSettings)
	add(fyne.KeyQ, u.Quit)
}

func (u *UI) newRequest() {
	u.wizard.saveNow()
	u.wizard.reset()
	u.tabs.SelectIndex(0)
}

// focusHistory shows the history with its table focused, so the arrow
// keys and Enter work at once.
func (u *UI) focusHistory() {
	u.tabs.SelectIndex(1)
	u.win.Canvas().Focus(u.history.table)
}
