package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/country"
)

// maxSuggestions is how many countries the picker lists under the entry:
// enough for "gu" (Guinea, Guinea-Bissau, Guyana...), few enough to read.
const maxSuggestions = 6

// countryPicker is an entry that finds a country by name or code as the
// user types: the countries it may mean are listed under it, Down and Up
// move through them, Enter or a click takes one, Escape closes the list.
// The entry holds the code a request stores (POL, BE) and the name in
// the user's language is shown beside it.
type countryPicker struct {
	f     *field
	list  *country.List
	name  *widget.Label
	rows  *fyne.Container
	shown []country.Country
	at    int // the highlighted suggestion, -1 before Down or Up
	// pressing is a suggestion under the mouse button: the driver takes
	// the focus from the entry before the click lands, and the list must
	// stay for it.
	pressing bool
	root     fyne.CanvasObject
}

func newCountryPicker(w *wizard, step int, list *country.List, placeholder string) *countryPicker {
	p := &countryPicker{f: newField(w, step, placeholder), list: list, name: widget.NewLabel("")}
	p.name.Truncation = fyne.TextTruncateEllipsis
	p.rows = container.NewVBox()
	p.rows.Hide()
	p.f.OnChanged = func(text string) { p.suggest(text); w.changed() }
	p.f.keys = p.key
	p.f.lost = func() {
		if !p.pressing {
			p.close()
		}
	}
	p.root = container.NewVBox(container.NewGridWithColumns(2, p.f, p.name), p.rows)
	return p
}

// code is the country the entry stands for: the code picked or typed, or
// the one country a typed name names; else what was typed, upper-cased,
// so that the step can say it is not a country.
func (p *countryPicker) code() string {
	if c, ok := p.list.Resolve(p.f.Text); ok {
		return c
	}
	return strings.ToUpper(strings.TrimSpace(p.f.Text))
}

// problem says that the text typed names no one country of the list
// (and so no code to store): while the list is open, that one is still to
// be picked from it; nil for a country or an empty entry.
func (p *countryPicker) problem() error {
	text := strings.TrimSpace(p.f.Text)
	switch _, ok := p.list.Resolve(text); {
	case ok || text == "":
		return nil
	case p.open():
		return app.Errorf("ui.country.choice_missing", nil)
	}
	return app.Errorf("ui.country.unknown", nil, "value", text)
}

// set shows a stored code without telling the wizard of a change.
func (p *countryPicker) set(code string) {
	f := p.f.OnChanged
	p.f.OnChanged = nil
	p.f.SetText(code)
	p.f.OnChanged = f
	p.close()
	p.showName()
}

func (p *countryPicker) showName() {
	p.name.SetText("")
	if c, ok := p.list.Lookup(p.code()); ok {
		p.name.SetText(c.Name)
	}
}

// suggest lists the countries text may mean; none once text is a code
// of the list as stored (picked, or typed so).
func (p *countryPicker) suggest(text string) {
	p.showName()
	found := p.list.Find(text)
	if _, code := p.list.Lookup(strings.TrimSpace(text)); code || len(found) == 0 {
		p.close()
		return
	}
	p.shown = found[:min(len(found), maxSuggestions)]
	p.at = -1
	p.rows.Objects = nil
	for i, c := range p.shown {
		p.rows.Add(newSuggestion(c.Label(), func(down bool) { p.pressing = down }, func() { p.pick(i) }))
	}
	p.highlight()
	p.rows.Show()
	p.rows.Refresh()
}

// pick takes suggestion i: its code goes in the entry, which keeps (or,
// after a click, gets back) the keyboard.
func (p *countryPicker) pick(i int) {
	p.pressing = false
	if i < 0 || i >= len(p.shown) {
		return
	}
	p.f.SetText(p.shown[i].Code)
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.f); c != nil && c.Focused() != p.f {
		c.Focus(p.f)
	}
}

func (p *countryPicker) close() {
	p.shown = nil
	p.rows.Objects = nil
	p.rows.Hide()
}

func (p *countryPicker) open() bool { return len(p.shown) > 0 }

// key moves through the suggestions (Down from the entry to the first)
// and takes one; it leaves every key to the wizard while none is listed.
func (p *countryPicker) key(k *fyne.KeyEvent) bool {
	if !p.open() {
		return false
	}
	n := len(p.shown)
	switch k.Name {
	case fyne.KeyDown:
		p.at = (p.at + 1) % n
	case fyne.KeyUp:
		p.at = (max(p.at, 0) + n - 1) % n
	case fyne.KeyReturn, fyne.KeyEnter:
		p.pick(max(p.at, 0)) // the best match, when none was chosen
		return true
	case fyne.KeyEscape:
		p.close()
		return true
	default:
		return false
	}
	p.highlight()
	return true
}

func (p *countryPicker) highlight() {
	for i, o := range p.rows.Objects {
		o.(*suggestion).setHighlight(i == p.at)
	}
}

// suggestion is one country under the picker's entry. It takes no focus,
// so that typing goes on in the entry.
type suggestion struct {
	widget.BaseWidget
	label   *widget.Label
	bg      *canvas.Rectangle
	pressed func(down bool) // the mouse button went down on it, or up
	tapped  func()
}

func newSuggestion(text string, pressed func(bool), tapped func()) *suggestion {
	s := &suggestion{label: widget.NewLabel(text), bg: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)),
		pressed: pressed, tapped: tapped}
	s.label.Truncation = fyne.TextTruncateEllipsis
	s.ExtendBaseWidget(s)
	return s
}

func (s *suggestion) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(s.bg, s.label))
}

// Tapped takes the country.
func (s *suggestion) Tapped(*fyne.PointEvent) { s.tapped() }

// MouseDown comes before the driver unfocuses the entry.
func (s *suggestion) MouseDown(*desktop.MouseEvent) { s.pressed(true) }

// MouseUp comes after; Tapped follows it.
func (s *suggestion) MouseUp(*desktop.MouseEvent) { s.pressed(false) }

func (s *suggestion) setHighlight(on bool) {
	s.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	s.label.TextStyle.Bold = on
	if on {
		s.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	s.bg.Refresh()
	s.label.Refresh()
}
