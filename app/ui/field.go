package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// field is an entry of a wizard step that knows the wizard's keys:
// Escape goes back a step, Enter goes to the step's next field and, on
// its last one, acts as Next. Leaving it counts as acting on the step, so
// the step's problem may show from then on.
type field struct {
	widget.Entry
	w    *wizard
	step int // the wizard step the field is on
	// keys, when set, sees a key before the wizard does (a country
	// picker's arrows); it tells whether it used it.
	keys func(*fyne.KeyEvent) bool
	// lost, when set, is told that the field lost the focus.
	lost func()
}

func newField(w *wizard, step int, placeholder string) *field {
	f := &field{w: w, step: step}
	f.ExtendBaseWidget(f)
	f.SetPlaceHolder(placeholder)
	f.OnChanged = func(string) { w.changed() }
	return f
}

// TypedKey takes the wizard's keys before the entry does.
func (f *field) TypedKey(k *fyne.KeyEvent) {
	if f.keys != nil && f.keys(k) {
		return
	}
	switch k.Name {
	case fyne.KeyEscape:
		f.w.backward()
	case fyne.KeyReturn, fyne.KeyEnter:
		f.w.enter(f)
	default:
		f.Entry.TypedKey(k)
	}
}

// FocusLost marks the step as acted on.
func (f *field) FocusLost() {
	f.Entry.FocusLost()
	if f.lost != nil {
		f.lost()
	}
	f.w.touch(f.step)
}

// entry is the field as the steps read and write it.
func (f *field) entry() *widget.Entry { return &f.Entry }

// choice is a select list of a wizard step that knows Escape (Back).
type choice struct {
	widget.Select
	w *wizard
}

func newChoice(w *wizard, options []string, changed func(string)) *choice {
	c := &choice{w: w}
	c.Options, c.OnChanged, c.PlaceHolder = options, changed, w.u.T("ui.select")
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey goes back a step on Escape.
func (c *choice) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		c.w.backward()
		return
	}
	c.Select.TypedKey(k)
}

// suggestEntry is an entry with a list of suggestions (the municipalities
// of a postcode) that knows Escape (Back).
type suggestEntry struct {
	widget.SelectEntry
	w *wizard
}

func newSuggestEntry(w *wizard) *suggestEntry {
	e := &suggestEntry{w: w}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// TypedKey goes back a step on Escape.
func (e *suggestEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.w.backward()
		return
	}
	e.SelectEntry.TypedKey(k)
}
