package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app/sandbox"
)

// A step says at once, calmly, what is missing for Next, and a wrong
// value only once the user acted on the step: a field changed or left, or
// Enter asking for Next. Next stays off meanwhile.
func TestProblemsShowAfterTheUserActs(t *testing.T) {
	e := buildEnv(t, nil, nil, sandbox.Options{}, "", nil) // nobody signed in: no e-mail to start from
	w := e.u.wizard
	if w.problem.Text != "Add at least one page of the document." || w.problem.Importance != widget.MediumImportance {
		t.Fatalf("step 1 greets with %q (importance %v)", w.problem.Text, w.problem.Importance)
	}
	toPersonStep(t, e)
	p := e.person()
	if w.problem.Text != "The surname is needed." || w.problem.Importance != widget.MediumImportance || !w.next.Disabled() {
		t.Fatalf("step 2 greets with %q (importance %v), Next disabled %v", w.problem.Text, w.problem.Importance, w.next.Disabled())
	}
	if e.u.win.Canvas().Focused() != p.all[0] {
		t.Fatal("step 2 does not start in its first field")
	}
	e.u.win.Canvas().FocusNext() // the surname left empty
	if w.problem.Text != "The surname is needed." || w.problem.Importance != widget.WarningImportance {
		t.Fatalf("after leaving the empty surname: %q (importance %v)", w.problem.Text, w.problem.Importance)
	}
	typeInto(p.surname, "Nowak")
	typeInto(p.birthDate, "00.05.1990")
	e.next(t)
	if w.problem.Text != "" {
		t.Fatalf("step 3 greets with %q", w.problem.Text)
	}
	typeInto(e.address().residence.street, "Rue Haute")
	if !strings.Contains(w.problem.Text, "The address needs") || w.problem.Importance != widget.WarningImportance {
		t.Fatalf("a street alone: %q", w.problem.Text)
	}
	typeInto(e.address().residence.street, "")
	e.next(t)

	s := e.send()
	if s.requester.Text != "" {
		t.Fatalf("requester %q; want none, nobody is signed in", s.requester.Text)
	}
	if strings.Contains(w.problem.Text, "is not an e-mail address") || w.problem.Importance != widget.MediumImportance || !s.send.Disabled() {
		t.Fatalf("step 4 greets with %q (importance %v), Send disabled %v", w.problem.Text, w.problem.Importance, s.send.Disabled())
	}
	key(t, e, fyne.KeyReturn) // Enter on the last field asks to send
	if w.problem.Importance != widget.WarningImportance || !strings.Contains(w.problem.Text, "e-mail address") {
		t.Fatalf("Enter on an empty e-mail: %q (importance %v)", w.problem.Text, w.problem.Importance)
	}
	typeInto(s.requester, "hr@example")
	if !strings.Contains(w.problem.Text, `"hr@example" is not an e-mail address`) {
		t.Fatalf("a wrong e-mail: %q", w.problem.Text)
	}
	typeInto(s.requester, "hr@example.be")
	if w.problem.Text != "" || s.send.Disabled() {
		t.Fatalf("a good e-mail: %q, Send disabled %v", w.problem.Text, s.send.Disabled())
	}

	// Back on step 2, acted on before: a wrong date speaks at once.
	key(t, e, fyne.KeyEscape)
	w.backward()
	if w.at != 1 || w.problem.Text != "" {
		t.Fatalf("back on step %d: %q", w.at+1, w.problem.Text)
	}
	typeInto(p.birthDate, "1990-13")
	if !strings.Contains(w.problem.Text, "not a date") {
		t.Fatalf("a wrong date: %q", w.problem.Text)
	}
}
