package main

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/store"
)

// passphraseAsk says the store wants a passphrase from the user: a new
// one to choose (first) or the one chosen before.
type passphraseAsk struct{ first bool }

// errAskUser stops the store's first unlocking try so the window can ask.
var errAskUser = errors.New("ask the user for the passphrase")

// unlockWindow asks the passphrase that protects idpro's data on a
// computer without a keychain, once per start, then hands the open store
// to start (which opens the main window). Opening runs off the UI
// goroutine: Argon2id takes a moment. It returns what stops the app.
func unlockWindow(a fyne.App, cat *locale.Catalog, dir string, first bool, start func(*store.Store) (func(), error)) func() {
	var stop func()
	w := a.NewWindow("idpro")
	intro := widget.NewLabel(cat.T("ui.unlock.enter"))
	if first {
		intro.SetText(cat.T("ui.unlock.choose", "min", secret.MinPassphraseLen))
	}
	intro.Wrapping = fyne.TextWrapWord
	pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	again.SetPlaceHolder(cat.T("ui.unlock.again"))
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	busy := widget.NewProgressBarInfinite()
	busy.Stop()
	busy.Hide()
	var open *widget.Button
	submit := func() {
		if first && pass.Text != again.Text {
			problem.SetText(cat.T("ui.unlock.mismatch"))
			return
		}
		typed := pass.Text
		open.Disable()
		busy.Show()
		busy.Start()
		problem.SetText("")
		go func() {
			st, err := openStore(dir, func(bool) (string, error) { return typed, nil })
			fyne.Do(func() {
				busy.Stop()
				busy.Hide()
				open.Enable()
				if err == nil {
					stop, err = start(st)
					if err == nil {
						w.Close()
						return
					}
					st.Close()
				}
				problem.SetText(cat.Error(err))
				if app.ErrorCode(err) != "secret.wrong_passphrase" && app.ErrorCode(err) != "secret.passphrase_short" {
					w.SetMaster() // a fatal error: closing the window quits
				}
			})
		}()
	}
	open = widget.NewButton(cat.T("ui.unlock.open"), submit)
	open.Importance = widget.HighImportance
	pass.OnSubmitted = func(string) { submit() }
	again.OnSubmitted = func(string) { submit() }
	fields := container.NewVBox(pass)
	if first {
		fields.Add(again)
	}
	w.SetContent(container.NewPadded(container.NewVBox(intro, fields, problem, busy, container.NewHBox(open))))
	w.Resize(fyne.NewSize(520, 260))
	w.Canvas().Focus(pass)
	w.Show()
	return func() {
		if stop != nil {
			stop()
		}
	}
}
