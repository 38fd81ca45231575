package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// A country is found by its name in any of the app's languages or by
// either code, with or without accents, and taken with the keyboard; the
// request stores its code, and the picker names it.
func TestCountryPickerFindsByNameOrCode(t *testing.T) {
	e := newEnv(t, nil)
	toPersonStep(t, e)
	p, w := e.person(), e.u.wizard
	typeInto(p.surname, "Kowalska")

	typeIn(e, p.nation.f, "Pologn")
	if !p.nation.rows.Visible() || len(p.nation.shown) == 0 || p.nation.shown[0].Label() != "Poland (POL)" {
		t.Fatalf("typing Pologn lists %v", p.nation.shown)
	}
	if !w.next.Disabled() || !strings.Contains(w.problem.Text, "Pick the country from the list") {
		t.Fatalf("while the list is open: Next disabled %v, %q", w.next.Disabled(), w.problem.Text)
	}
	key(t, e, fyne.KeyReturn)
	if p.nationality.Text != "POL" || p.nation.name.Text != "Poland" || p.nation.rows.Visible() {
		t.Fatalf("after Enter: entry %q, name %q, list shown %v", p.nationality.Text, p.nation.name.Text, p.nation.rows.Visible())
	}
	if w.at != 1 {
		t.Fatal("Enter that takes a country also went on to the next step")
	}

	// A click, as the driver gives it: the button goes down, the entry
	// loses the focus, the button comes up, the tap.
	typeInto(p.birthCountry, "")
	typeIn(e, p.born.f, "Polo")
	row := p.born.rows.Objects[0].(*suggestion)
	row.MouseDown(&desktop.MouseEvent{})
	e.u.win.Canvas().Unfocus()
	row.MouseUp(&desktop.MouseEvent{})
	test.Tap(row)
	if p.birthCountry.Text != "POL" || e.u.win.Canvas().Focused() != p.born.f {
		t.Fatalf("a click on Poland: entry %q, focus back %v", p.birthCountry.Text, e.u.win.Canvas().Focused() == p.born.f)
	}

	typeIn(e, p.issuedBy.f, "gu")
	if len(p.issuedBy.shown) < 3 {
		t.Fatalf("gu lists %v", p.issuedBy.shown)
	}
	second := p.issuedBy.shown[1]
	key(t, e, fyne.KeyDown)
	key(t, e, fyne.KeyDown)
	key(t, e, fyne.KeyDown)
	key(t, e, fyne.KeyUp)
	key(t, e, fyne.KeyReturn)
	if p.issuer.Text != second.Code {
		t.Fatalf("Down, Down, Down, Up, Enter took %q, want the second, %s", p.issuer.Text, second.Code)
	}
	typeInto(p.issuer, "")
	typeIn(e, p.issuedBy.f, "pol")
	key(t, e, fyne.KeyDown)
	key(t, e, fyne.KeyReturn)
	if p.issuer.Text != "POL" {
		t.Fatalf("pol, Down, Enter took %q", p.issuer.Text)
	}
	typeInto(p.issuer, second.Code)

	// The other code, typed and left without picking, still stands for
	// the country; Escape closes the list and stays on the step.
	typeInto(p.birthCountry, "")
	typeIn(e, p.born.f, "pl")
	key(t, e, fyne.KeyEscape)
	if p.born.rows.Visible() || w.at != 1 || p.born.name.Text != "Poland" {
		t.Fatalf("Escape: list shown %v, step %d, name %q", p.born.rows.Visible(), w.at+1, p.born.name.Text)
	}
	typeInto(p.issuer, "")
	typeIn(e, p.issuedBy.f, "Atlantis")
	e.u.win.Canvas().FocusNext()
	if !w.next.Disabled() || !strings.Contains(w.problem.Text, `"Atlantis" is not a country`) {
		t.Fatalf("Atlantis left: Next disabled %v, %q", w.next.Disabled(), w.problem.Text)
	}
	typeInto(p.issuer, second.Code)
	e.next(t)
	r := w.req
	if r.Person.Nationality != "POL" || r.Person.BirthCountry != "POL" || r.Document.IssuingState != second.Code {
		t.Fatalf("stored nationality %q, birth country %q, issuer %q", r.Person.Nationality, r.Person.BirthCountry, r.Document.IssuingState)
	}

	// Addresses: ISO alpha-2, the Dutch name without its accent.
	a := e.address()
	typeIn(e, a.residence.picker.f, "Belgie")
	if len(a.residence.picker.shown) == 0 || a.residence.picker.shown[0].Label() != "Belgium (BE)" {
		t.Fatalf("Belgie lists %v", a.residence.picker.shown)
	}
	key(t, e, fyne.KeyReturn)
	if a.residence.country.Text != "BE" || a.residence.picker.name.Text != "Belgium" {
		t.Fatalf("country %q named %q", a.residence.country.Text, a.residence.picker.name.Text)
	}
	typeInto(a.residence.postal, "9000")
	if a.residence.municipality.Text != "Gent" {
		t.Errorf("a Belgian postcode picked by name suggests %q", a.residence.municipality.Text)
	}
}

// ICAO's codes for the stateless and for Germany are offered, named.
func TestNationalityPickerHasICAOCodes(t *testing.T) {
	e := newEnv(t, nil)
	toPersonStep(t, e)
	p := e.person()
	for text, want := range map[string]string{"stateless": "Stateless person (XXA)", "Deutschland": "Germany (D)"} {
		typeInto(p.nationality, "")
		typeIn(e, p.nation.f, text)
		if len(p.nation.shown) == 0 || p.nation.shown[0].Label() != want {
			t.Errorf("%s lists %v, want %s first", text, p.nation.shown, want)
		}
	}
}
