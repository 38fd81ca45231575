package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/idpro/idpro/app/sandbox"
)

// A step says nothing of a field the user has not acted on yet: the
// problem shows once a field changed or was left, or Enter asked for
// Next. Next stays off meanwhile.
func TestProblemsShowAfterTheUserActs(t *testing.T) {
	e := buildEnv(t, nil, nil, sandbox.Options{}, "", nil) // nobody signed in: no e-mail to start from
	toPersonStep(t, e)
	w, p := e.u.wizard, e.person()
	if w.problem.Text != "" || !w.next.Disabled() {
		t.Fatalf("step 2 greets with %q, Next disabled %v", w.problem.Text, w.next.Disabled())
	}
	if e.u.win.Canvas().Focused() != p.all[0] {
		t.Fatal("step 2 does not start in its first field")
	}
	e.u.win.Canvas().FocusNext() // the surname left empty
	if !strings.Contains(w.problem.Text, "surname") {
		t.Fatalf("after leaving the empty surname: %q", w.problem.Text)
	}
	typeInto(p.surname, "Nowak")
	typeInto(p.birthDate, "00.05.1990")
	e.next(t)
	if w.problem.Text != "" {
		t.Fatalf("step 3 greets with %q", w.problem.Text)
	}
	e.next(t)

	s := e.send()
	if s.requester.Text != "" {
		t.Fatalf("requester %q; want none, nobody is signed in", s.requester.Text)
	}
	if w.problem.Text != "" || !s.send.Disabled() {
		t.Fatalf("step 4 greets with %q, Send disabled %v", w.problem.Text, s.send.Disabled())
	}
	key(t, e, fyne.KeyReturn) // Enter on the last field asks to send
	if !strings.Contains(w.problem.Text, "is not an e-mail address") {
		t.Fatalf("Enter on an empty e-mail: %q", w.problem.Text)
	}
	typeInto(s.requester, "hr@example.be")
	if w.problem.Text != "" || s.send.Disabled() {
		t.Fatalf("a good e-mail: %q, Send disabled %v", w.problem.Text, s.send.Disabled())
	}

	// Back on step 2, acted on before: emptying the surname speaks at once.
	key(t, e, fyne.KeyEscape)
	w.backward()
	if w.at != 1 || w.problem.Text != "" {
		t.Fatalf("back on step %d: %q", w.at+1, w.problem.Text)
	}
	typeInto(p.surname, "")
	if !strings.Contains(w.problem.Text, "surname") {
		t.Fatalf("surname emptied: %q", w.problem.Text)
	}
}
