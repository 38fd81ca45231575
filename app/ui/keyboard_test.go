package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The history is worked with the keyboard alone: Ctrl+H focuses its
// table, Tab reaches the column headers, which show their focus and sort
// with Space; Ctrl+comma opens the settings.
func TestHistoryByKeyboard(t *testing.T) {
	e := newEnv(t, nil)
	seedHistory(t, e, threeRequests()...)
	c := e.u.win.Canvas()
	press(t, e.u, fyne.KeyH)
	e.u.Wait()
	h := e.u.history
	if e.u.tabs.SelectedIndex() != 1 || c.Focused() != h.table || len(h.rows) != 3 {
		t.Fatalf("Ctrl+H: tab %d, focused %T, %d rows", e.u.tabs.SelectedIndex(), c.Focused(), len(h.rows))
	}
	var header *sortHeader
	for range 30 {
		test.FocusNext(c)
		if s, ok := c.Focused().(*sortHeader); ok {
			header = s
			break
		}
	}
	if header == nil {
		t.Fatal("Tab never reaches a column header")
	}
	if header.focus.StrokeColor != theme.Color(theme.ColorNameFocus) {
		t.Error("a focused header does not show its focus")
	}
	col, desc := h.sortBy.col, h.sortBy.desc
	header.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if h.sortBy.col == col && h.sortBy.desc == desc {
		t.Error("Space on a focused header did not sort")
	}
	test.FocusNext(c)
	if header.focus.StrokeColor != color.Transparent {
		t.Error("the focus ring stays on a header that lost the focus")
	}

	press(t, e.u, fyne.KeyComma)
	e.u.Wait()
	if top := c.Overlays().Top(); top == nil || len(shownTexts(top)) == 0 {
		t.Fatal("Ctrl+comma did not open the settings")
	}
}
