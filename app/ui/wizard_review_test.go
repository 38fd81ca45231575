package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Step 4 sums the request up with the countries named, links back to
// each step, says what is sent to whom and kept how long.
func TestReviewLinksBackToEachStep(t *testing.T) {
	e := newEnv(t, nil)
	toPersonStep(t, e)
	p, w := e.person(), e.u.wizard
	typeInto(p.surname, "Kowalska")
	typeInto(p.nationality, "pol")
	typeInto(p.issuer, "D")
	e.next(t)
	typeInto(e.address().residence.country, "pl")
	typeInto(e.address().residence.street, "Długa")
	typeInto(e.address().residence.number, "5")
	typeInto(e.address().residence.postal, "00-238")
	e.address().residence.municipality.SetText("Warszawa")
	e.next(t)

	s := e.send()
	for _, want := range []string{"Kowalska", "Nationality: Poland (POL)", ", Germany (D)", "Długa 5, 00-238 Warszawa, Poland (PL)"} {
		if !strings.Contains(s.summary.Text, want) {
			t.Errorf("summary lacks %q:\n%s", want, s.summary.Text)
		}
	}
	if !strings.Contains(s.privacy.Text, "Crossroads Bank") || !strings.Contains(s.privacy.Text, "deleted 30 days after") {
		t.Errorf("privacy notice: %q", s.privacy.Text)
	}
	if s.requester.Text != demoBram {
		t.Errorf("status mail to %q", s.requester.Text)
	}
	for i, b := range s.changes {
		if !strings.Contains(b.Text, w.steps[i].title()) {
			t.Errorf("link %d says %q", i, b.Text)
		}
		test.Tap(b)
		if w.at != i {
			t.Fatalf("%q went to step %d", b.Text, w.at+1)
		}
		for w.at < 3 {
			e.next(t)
		}
	}
}

// Escape goes back a step from any field or list; Enter moves to the
// next field, and on the step's last field acts as Next; Tab goes through
// the fields top to bottom.
func TestWizardKeyboard(t *testing.T) {
	e := newEnv(t, nil)
	toPersonStep(t, e)
	w, p, c := e.u.wizard, e.person(), e.u.win.Canvas()
	typeIn(e, p.all[0], "Nowak")

	var order []*field
	for range len(p.all) + 1 { // the sex list is in between
		if f, ok := c.Focused().(*field); ok {
			order = append(order, f)
		}
		c.FocusNext()
	}
	if len(order) != len(p.all) {
		t.Fatalf("Tab reached %d fields of %d", len(order), len(p.all))
	}
	for i := range order {
		if order[i] != p.all[i] {
			t.Fatalf("Tab: field %d out of order", i+1)
		}
	}

	c.Focus(p.all[0])
	key(t, e, fyne.KeyReturn)
	if c.Focused() != p.all[1] || w.at != 1 {
		t.Fatalf("Enter in the surname: step %d, focus on the given names %v", w.at+1, c.Focused() == p.all[1])
	}
	c.Focus(p.all[len(p.all)-1])
	key(t, e, fyne.KeyReturn)
	if w.at != 2 {
		t.Fatalf("Enter on the last field: step %d", w.at+1)
	}
	if c.Focused() != e.address().residence.all[0] {
		t.Fatal("step 3 does not start in its first field")
	}
	key(t, e, fyne.KeyEscape)
	if w.at != 1 {
		t.Fatalf("Escape: step %d", w.at+1)
	}
	e.next(t)

	// Escape goes back from the lists too: the municipality, the sex.
	c.Focus(e.address().residence.all[4]) // the postcode, after the country
	c.FocusNext()
	if _, ok := c.Focused().(*suggestEntry); !ok {
		t.Fatalf("after the postcode: %T", c.Focused())
	}
	key(t, e, fyne.KeyEscape)
	if w.at != 1 {
		t.Fatalf("Escape in the municipality: step %d", w.at+1)
	}
	c.Focus(p.all[1]) // the given names
	c.FocusNext()
	if _, ok := c.Focused().(*choice); !ok {
		t.Fatalf("after the given names: %T", c.Focused())
	}
	key(t, e, fyne.KeyEscape)
	if w.at != 0 {
		t.Fatalf("Escape in the sex list: step %d", w.at+1)
	}
}

// Birth dates may be partial, in the forms the app reads.
func TestPartialBirthDates(t *testing.T) {
	e := newEnv(t, nil)
	toPersonStep(t, e)
	p, w := e.person(), e.u.wizard
	typeInto(p.surname, "Nowak")
	for typed, want := range map[string]string{"1990": "1990", "1990-05": "1990-05", "00.05.1990": "1990-05", "14/03/1990": "1990-03-14"} {
		typeInto(p.birthDate, typed)
		if w.next.Disabled() || w.req.Person.BirthDate.String() != want {
			t.Errorf("%s: Next disabled %v (%q), date %s", typed, w.next.Disabled(), w.problem.Text, w.req.Person.BirthDate)
		}
	}
	typeInto(p.birthDate, "1990-13")
	if !w.next.Disabled() || !strings.Contains(w.problem.Text, "not a date") {
		t.Errorf("1990-13: Next disabled %v, %q", w.next.Disabled(), w.problem.Text)
	}
}
