package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
)

// personStep is step 2: the worker as printed on the document.
type personStep struct {
	w *wizard

	surname, given, birthDate, birthPlace, birthCountry, nationality *widget.Entry
	docNumber, issuer, expiry                                        *widget.Entry
	sex                                                              *widget.Select
	sexes                                                            map[string]app.Sex

	dateErr error
	review  *widget.Label
	known   *knownOffer
	root    fyne.CanvasObject
}

func newPersonStep(w *wizard) *personStep {
	u := w.u
	s := &personStep{w: w, sexes: map[string]app.Sex{}}
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { w.changed() }
		return e
	}
	s.surname = entry("")
	s.given = entry("")
	s.birthDate = entry(u.T("ui.person.date_placeholder"))
	s.birthPlace = entry("")
	s.birthCountry = entry(u.T("ui.person.country_placeholder"))
	s.nationality = entry(u.T("ui.person.country_placeholder"))
	s.docNumber = entry("")
	s.issuer = entry(u.T("ui.person.country_placeholder"))
	s.expiry = entry(u.T("ui.person.date_placeholder"))
	var options []string
	for _, sx := range []app.Sex{app.Female, app.Male, app.Unspecified, app.Unknown} {
		l := u.T("ui.sex." + sexKey(sx))
		s.sexes[l] = sx
		options = append(options, l)
	}
	s.sex = widget.NewSelect(options, func(string) { w.changed() })
	s.review = widget.NewLabel("")
	s.review.Wrapping = fyne.TextWrapWord
	s.review.Importance = widget.MediumImportance

	person := widget.NewForm(
		widget.NewFormItem(u.T("ui.field.surname")+" *", s.surname),
		widget.NewFormItem(u.T("ui.field.given_names"), s.given),
		widget.NewFormItem(u.T("ui.field.sex"), s.sex),
		widget.NewFormItem(u.T("ui.field.birth_date"), s.birthDate),
		widget.NewFormItem(u.T("ui.field.birth_place"), s.birthPlace),
		widget.NewFormItem(u.T("ui.field.birth_country"), s.birthCountry),
		widget.NewFormItem(u.T("ui.field.nationality"), s.nationality),
	)
	person.Items[0].HintText = u.T("ui.person.name_hint")
	doc := widget.NewForm(
		widget.NewFormItem(u.T("ui.field.document_number"), s.docNumber),
		widget.NewFormItem(u.T("ui.field.issuing_state"), s.issuer),
		widget.NewFormItem(u.T("ui.field.expiry_date"), s.expiry),
	)
	s.known = newKnownOffer(s)
	s.root = container.NewVBox(
		s.known.root,
		widget.NewCard(u.T("ui.person.title"), "", person),
		widget.NewCard(u.T("ui.person.document"), "", doc),
		s.review,
	)
	return s
}

func sexKey(s app.Sex) string {
	if s == app.Unknown {
		return "unknown"
	}
	return string(s)
}

func (s *personStep) title() string              { return s.w.u.T("ui.step.person") }
func (s *personStep) content() fyne.CanvasObject { return s.root }

// load fills the form. OnChanged handlers are detached meanwhile so that a
// half-filled form is not validated and saved field by field.
func (s *personStep) load(r *app.Request) {
	p, d := r.Person, r.Document
	set := func(e *widget.Entry, v string) {
		f := e.OnChanged
		e.OnChanged = nil
		e.SetText(v)
		e.OnChanged = f
	}
	set(s.surname, p.Surname)
	set(s.given, p.GivenNames)
	set(s.birthDate, p.BirthDate.String())
	set(s.birthPlace, p.BirthPlace)
	set(s.birthCountry, p.BirthCountry)
	set(s.nationality, p.Nationality)
	set(s.docNumber, d.Number)
	set(s.issuer, d.IssuingState)
	set(s.expiry, d.ExpiryDate.String())
	for l, sx := range s.sexes {
		if sx == p.Sex {
			f := s.sex.OnChanged
			s.sex.OnChanged = nil
			s.sex.SetSelected(l)
			s.sex.OnChanged = f
		}
	}
	s.review.SetText("")
	if len(d.MRZ) > 0 {
		s.review.SetText(s.w.u.T("ui.person.from_mrz"))
	}
}

func (s *personStep) save(r *app.Request) {
	p := &r.Person
	p.Surname = strings.TrimSpace(s.surname.Text)
	p.GivenNames = strings.TrimSpace(s.given.Text)
	p.Sex = s.sexes[s.sex.Selected]
	p.BirthPlace = strings.TrimSpace(s.birthPlace.Text)
	p.BirthCountry = strings.ToUpper(strings.TrimSpace(s.birthCountry.Text))
	p.Nationality = strings.ToUpper(strings.TrimSpace(s.nationality.Text))
	s.dateErr = nil
	if d, err := app.ParseDate(s.birthDate.Text); err != nil {
		s.dateErr = err
	} else {
		p.BirthDate = d
	}
	doc := &r.Document
	doc.Number = strings.ToUpper(strings.TrimSpace(s.docNumber.Text))
	doc.IssuingState = strings.ToUpper(strings.TrimSpace(s.issuer.Text))
	if d, err := app.ParseDate(s.expiry.Text); err != nil {
		s.dateErr = err
	} else {
		doc.ExpiryDate = d
	}
}

func (s *personStep) validate(r *app.Request) error {
	s.known.schedule(r)
	if s.dateErr != nil {
		return s.dateErr
	}
	return r.ValidatePerson(s.w.u.Now())
}
