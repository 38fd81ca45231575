package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/idpro/idpro/ocr/specimen"
)

func press(t *testing.T, u *UI, k fyne.KeyName) {
	t.Helper()
	h, ok := u.win.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	h.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
}

// A page dropped on the window lands on step 1 from wherever the user is;
// the step marks follow Next and Back; Ctrl+H and Ctrl+N work from the
// keyboard.
func TestDropStepsAndShortcuts(t *testing.T) {
	e := newEnv(t, nil)
	w := e.u.wizard
	path, _ := passportFile(t, e.dir, 2, specimen.Card)

	e.u.tabs.SelectIndex(1)
	w.importURIs([]fyne.URI{storage.NewFileURI(path)})
	e.u.Wait()
	if e.u.tabs.SelectedIndex() != 0 || w.at != 0 || w.docs.pages.Len() != 1 {
		t.Fatalf("after a drop: tab %d, step %d, %d pages", e.u.tabs.SelectedIndex(), w.at+1, w.docs.pages.Len())
	}
	if !w.marks[0].TextStyle.Bold || w.marks[1].TextStyle.Bold {
		t.Fatal("step 1 is not the marked step")
	}
	e.next(t)
	if w.marks[0].TextStyle.Bold || !w.marks[1].TextStyle.Bold || w.back.Disabled() {
		t.Fatal("step 2 is not the marked step, or Back is off")
	}
	test.Tap(w.back)
	if w.at != 0 || !w.back.Disabled() || !w.marks[0].TextStyle.Bold {
		t.Fatalf("Back: step %d", w.at+1)
	}

	press(t, e.u, fyne.KeyH)
	if e.u.tabs.SelectedIndex() != 1 {
		t.Fatal("Ctrl+H did not show the history")
	}
	press(t, e.u, fyne.KeyN)
	if e.u.tabs.SelectedIndex() != 0 || w.docs.pages.Len() != 0 {
		t.Fatalf("Ctrl+N: tab %d, %d pages", e.u.tabs.SelectedIndex(), w.docs.pages.Len())
	}
	list, err := e.store.Requests()
	if err != nil || len(list) != 1 {
		t.Fatalf("%d requests (%v), want the one draft", len(list), err)
	}
	if draft, err := e.store.Request(list[0].ID); err != nil || len(draft.Pages) != 1 {
		t.Fatalf("the dropped page's draft was not kept: %+v (%v)", draft, err)
	}
}
