package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// lookupDelay is how long after the last keystroke the register is asked:
// one lookup per pause in typing, not one per letter.
const lookupDelay = 700 * time.Millisecond

// knownOffer is step 2's offer to fill the form from the Crossroads
// Bank's register when it already knows the worker (signed in only; the
// service audits every lookup and answers no more than the form needs).
type knownOffer struct {
	s      *personStep
	text   *widget.Label
	fill   *widget.Button
	root   *fyne.Container
	timer  *time.Timer
	known  app.Known
	asked  app.Person
	filled []string // fields filled from the register, marked as such
}

func newKnownOffer(s *personStep) *knownOffer {
	u := s.w.u
	k := &knownOffer{s: s, text: widget.NewLabel("")}
	k.text.Wrapping = fyne.TextWrapWord
	k.fill = widget.NewButtonWithIcon(u.T("ui.known.fill"), theme.DocumentCreateIcon(), k.apply)
	k.fill.Importance = widget.HighImportance
	k.root = container.NewVBox(widget.NewCard(u.T("ui.known.title"), "", container.NewVBox(k.text, container.NewHBox(k.fill))))
	k.root.Hide()
	return k
}

// enough tells a form the register can look up: a document number and
// its issuer, or a surname, a birth year and a nationality.
func enough(r *app.Request) bool {
	d, p := r.Document, r.Person
	return (d.Number != "" && d.IssuingState != "") || (p.Surname != "" && p.BirthDate.Year > 0 && p.Nationality != "")
}

// schedule asks the register a moment after the form last changed.
func (k *knownOffer) schedule(r *app.Request) {
	u := k.s.w.u
	if u.Account == nil || !u.Account.SignedIn() || !enough(r) {
		return
	}
	if k.timer != nil && k.timer.Stop() {
		u.end()
	}
	doc, person := r.Document, r.Person
	u.begin()
	k.timer = time.AfterFunc(lookupDelay, func() {
		defer u.end()
		ctx, cancel := context.WithTimeout(u.ctx, 30*time.Second)
		defer cancel()
		known, err := u.Account.Lookup(ctx, doc, person)
		u.Do(func() {
			if err != nil {
				u.Log.Info("register lookup failed", "err", err)
				return
			}
			k.show(known, person)
		})
	})
}

// show offers the fill when the register knows the worker and has
// something to add.
func (k *knownOffer) show(known app.Known, asked app.Person) {
	u := k.s.w.u
	k.known, k.asked = known, asked
	if known.Result != app.KnownFound || known.Person == nil || len(known.Fills) == 0 {
		k.root.Hide()
		return
	}
	k.text.SetText(u.T("ui.known.offer", "fields", u.fieldNames(known.Fills)))
	k.root.Show()
}

// apply fills the empty fields from the register and marks them.
func (k *knownOffer) apply() {
	s, p := k.s, k.known.Person
	if p == nil {
		return
	}
	set := map[string]func(){
		app.FieldSurname:      func() { s.surname.SetText(p.Surname) },
		app.FieldGivenNames:   func() { s.given.SetText(p.GivenNames) },
		app.FieldBirthDate:    func() { s.birthDate.SetText(p.BirthDate.String()) },
		app.FieldBirthPlace:   func() { s.birthPlace.SetText(p.BirthPlace) },
		app.FieldBirthCountry: func() { s.birthCountry.SetText(p.BirthCountry) },
		app.FieldNationality:  func() { s.nationality.SetText(p.Nationality) },
		app.FieldSex: func() {
			for l, sx := range s.sexes {
				if sx == p.Sex {
					s.sex.SetSelected(l)
				}
			}
		},
	}
	for _, f := range k.known.Fills {
		if fn := set[f]; fn != nil {
			fn()
		}
	}
	k.filled = k.known.Fills
	k.root.Hide()
	s.review.SetText(s.w.u.T("ui.known.filled", "fields", s.w.u.fieldNames(k.filled)))
	s.w.changed()
}
