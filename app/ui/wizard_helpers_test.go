package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/idpro/idpro/ocr/specimen"
)

// toPersonStep imports a passport page and goes on to step 2.
func toPersonStep(t *testing.T, e *env) {
	t.Helper()
	path, _ := passportFile(t, e.dir, 5, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.next(t)
}

// key presses k in the window's focused widget, as the driver does.
func key(t *testing.T, e *env, k fyne.KeyName) {
	t.Helper()
	f := e.u.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("%s pressed with nothing focused", k)
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

// typeIn focuses f in the window and types s at its end, as a user does.
func typeIn(e *env, f *field, s string) {
	e.u.win.Canvas().Focus(f)
	test.Type(f, s)
}
