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
