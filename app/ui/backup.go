package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// Archive is what the File menu's backup and the retention setting need
// of the store (store.Store, through cmd/idpro).
type Archive interface {
	// Backup writes a consistent, still sealed copy of the store to path.
	Backup(path string) error
	// HasRecovery tells whether a recovery passphrase opens the store
	// where this computer's keychain is missing (another computer).
	HasRecovery() (bool, error)
	// SetRecovery sets that passphrase.
	SetRecovery(passphrase string) error
	// Purge applies the retention period now.
	Purge() (int, error)
}

// backup writes a copy of the history. A copy that only this computer's
// keychain opens is worth little, so before the first one the user is
// offered a recovery passphrase.
func (u *UI) backup() {
	if u.Archive == nil {
		return
	}
	u.goBackground(func(context.Context) {
		has, err := u.Archive.HasRecovery()
		u.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			if has {
				u.backupTo()
				return
			}
			u.askRecovery(u.backupTo)
		})
	})
}

// askRecovery asks for a recovery passphrase (twice), sets it off the UI
// goroutine, then goes on; skipping goes on without one.
func (u *UI) askRecovery(next func()) {
	pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("ui.backup.passphrase"), pass),
		widget.NewFormItem(u.T("ui.backup.again"), again),
	}
	items[0].HintText = u.T("ui.backup.passphrase_hint")
	d := dialog.NewForm(u.T("ui.backup.recovery_title"), u.T("ui.save"), u.T("ui.backup.skip"), items, func(ok bool) {
		if !ok {
			next()
			return
		}
		if pass.Text != again.Text {
			u.showError(app.Errorf("ui.backup.mismatch", nil))
			return
		}
		p := pass.Text
		u.goBackground(func(context.Context) {
			err := u.Archive.SetRecovery(p)
			u.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				next()
			})
		})
	}, u.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// backupTo asks where, then writes the copy off the UI goroutine.
func (u *UI) backupTo() {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(app.Errorf("ui.open_failed", err))
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the store writes the file itself, atomically
		u.status.SetText(u.T("ui.backup.writing"))
		u.goBackground(func(context.Context) {
			err := u.Archive.Backup(path)
			u.Do(func() {
				u.updateStatus()
				if err != nil {
					u.showError(err)
					return
				}
				dialog.ShowInformation(u.T("ui.backup.title"), u.T("ui.backup.done", "path", path), u.win)
			})
		})
	}, u.win)
	fd.SetFileName("idpro-backup.db")
	fd.Show()
}

// retentionEntry edits the retention period in days.
func (u *UI) retentionEntry(st app.Settings) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(strconv.Itoa(int(st.Retention().Hours() / 24)))
	e.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 1 || n > 3650 {
			return app.Errorf("ui.settings.retention_invalid", err)
		}
		return nil
	}
	return e
}

// applyRetention purges at once after the period changed.
func (u *UI) applyRetention() {
	if u.Archive == nil {
		return
	}
	u.goBackground(func(context.Context) {
		if _, err := u.Archive.Purge(); err != nil {
			u.Do(func() { u.showError(err) })
		}
	})
}
