package ui

import (
	"cmp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr"
)

// personStep is step 2: the worker as printed on the document.
type personStep struct {
	w *wizard

	surname, given, birthDate, birthPlace, birthCountry, nationality *widget.Entry
	docNumber, issuer, expiry                                        *widget.Entry
	sex                                                              *widget.Select
	sexes                                                            map[string]app.Sex

	born, nation, issuedBy *countryPicker
	all                    []*field // in their order on screen
	marks                  *mrzMarks

	dateErr error
	review  *widget.Label
	known   *knownOffer
	root    fyne.CanvasObject
}

func newPersonStep(w *wizard) *personStep {
	const step = 1
	u := w.u
	s := &personStep{w: w, sexes: map[string]app.Sex{}}
	// The form holds the fields; the step reads them as entries.
	entry := func(e **widget.Entry, placeholder string) *field {
		f := newField(w, step, placeholder)
		s.all = append(s.all, f)
		*e = f.entry()
		return f
	}
	picker := func(e **widget.Entry) *countryPicker {
		p := newCountryPicker(w, step, w.nations, u.T("ui.person.country_placeholder"))
		s.all = append(s.all, p.f)
		*e = p.f.entry()
		return p
	}
	surname := entry(&s.surname, "")
	given := entry(&s.given, "")
	birthDate := entry(&s.birthDate, u.T("ui.person.date_placeholder"))
	place := entry(&s.birthPlace, "")
	s.born = picker(&s.birthCountry)
	s.nation = picker(&s.nationality)
	number := entry(&s.docNumber, "")
	s.issuedBy = picker(&s.issuer)
	expiry := entry(&s.expiry, u.T("ui.person.date_placeholder"))
	var options []string
	for _, sx := range []app.Sex{app.Female, app.Male, app.Unspecified, app.Unknown} {
		l := u.T("ui.sex." + sexKey(sx))
		s.sexes[l] = sx
		options = append(options, l)
	}
	sex := newChoice(w, options, func(string) { w.changed() })
	s.sex = &sex.Select
	s.review = widget.NewLabel("")
	s.review.Wrapping = fyne.TextWrapWord
	s.review.Importance = widget.MediumImportance

	s.marks = newMRZMarks(s)
	item := s.marks.item
	person := widget.NewForm(
		item(ocr.FieldSurname, u.T("ui.field.surname")+" *", surname, u.T("ui.person.name_hint")),
		item(ocr.FieldGivenNames, u.T("ui.field.given_names"), given, ""),
		item(ocr.FieldSex, u.T("ui.field.sex"), sex, ""),
		item(ocr.FieldBirthDate, u.T("ui.field.birth_date"), birthDate, ""),
		widget.NewFormItem(u.T("ui.field.birth_place"), place),
		widget.NewFormItem(u.T("ui.field.birth_country"), s.born.root),
		item(ocr.FieldNationality, u.T("ui.field.nationality"), s.nation.root, ""),
	)
	doc := widget.NewForm(
		item(ocr.FieldDocumentNumber, u.T("ui.field.document_number"), number, ""),
		item(ocr.FieldIssuingState, u.T("ui.field.issuing_state"), s.issuedBy.root, ""),
		item(ocr.FieldExpiryDate, u.T("ui.field.expiry_date"), expiry, ""),
	)
	s.marks.forms = []*widget.Form{person, doc}
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
func (s *personStep) fields() []*field           { return s.all }

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
	s.born.set(p.BirthCountry)
	s.nation.set(p.Nationality)
	set(s.docNumber, d.Number)
	s.issuedBy.set(d.IssuingState)
	set(s.expiry, d.ExpiryDate.String())
	f := s.sex.OnChanged
	s.sex.OnChanged = nil
	for l, sx := range s.sexes {
		if sx == p.Sex {
			s.sex.SetSelected(l)
		}
	}
	s.sex.OnChanged = f
	s.review.SetText("")
	if len(d.MRZ) > 0 {
		s.review.SetText(s.w.u.T("ui.person.from_mrz"))
	}
	s.marks.read(r, s.w.docs.views)
	s.marks.show(r)
}

func (s *personStep) save(r *app.Request) {
	p := &r.Person
	p.Surname = strings.TrimSpace(s.surname.Text)
	p.GivenNames = strings.TrimSpace(s.given.Text)
	p.Sex = s.sexes[s.sex.Selected]
	p.BirthPlace = strings.TrimSpace(s.birthPlace.Text)
	p.BirthCountry = s.born.code()
	p.Nationality = s.nation.code()
	s.dateErr = nil
	if d, err := app.ParseDate(s.birthDate.Text); err != nil {
		s.dateErr = err
	} else {
		p.BirthDate = d
	}
	doc := &r.Document
	doc.Number = strings.ToUpper(strings.TrimSpace(s.docNumber.Text))
	doc.IssuingState = s.issuedBy.code()
	if d, err := app.ParseDate(s.expiry.Text); err != nil {
		s.dateErr = err
	} else {
		doc.ExpiryDate = d
	}
	s.marks.show(r)
}

func (s *personStep) validate(r *app.Request) error {
	s.known.schedule(r)
	if s.dateErr != nil {
		return s.dateErr
	}
	if err := r.ValidatePerson(s.w.u.Now()); err != nil {
		return err
	}
	return cmp.Or(s.born.problem(), s.nation.problem(), s.issuedBy.problem())
}
