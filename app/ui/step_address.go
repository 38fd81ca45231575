package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/postcode"
)

// addressForm edits one address; a Belgian postcode offers its
// municipalities.
type addressForm struct {
	street, number, box, postal, country *widget.Entry
	municipality                         *widget.SelectEntry
	postcodes                            postcode.Index
	fixedCountry                         string
	picker                               *countryPicker // nil with a fixed country
	all                                  []*field       // in their order on screen
	form                                 *widget.Form
}

func newAddressForm(w *wizard, fixedCountry string) *addressForm {
	const step = 2
	u := w.u
	a := &addressForm{postcodes: u.Postcodes, fixedCountry: fixedCountry}
	// The form holds the fields; the step reads them as entries.
	entry := func(e **widget.Entry) *field {
		f := newField(w, step, "")
		a.all = append(a.all, f)
		*e = f.entry()
		return f
	}
	street, number, box, postal := entry(&a.street), entry(&a.number), entry(&a.box), entry(&a.postal)
	municipality := newSuggestEntry(w)
	a.municipality = &municipality.SelectEntry
	a.municipality.OnChanged = func(string) { w.changed() }
	a.postal.OnChanged = func(string) { a.offerMunicipalities(); w.changed() }
	a.form = widget.NewForm(
		widget.NewFormItem(u.T("ui.address.street"), street),
		widget.NewFormItem(u.T("ui.address.number"), number),
		widget.NewFormItem(u.T("ui.address.box"), box),
		widget.NewFormItem(u.T("ui.address.postal"), postal),
		widget.NewFormItem(u.T("ui.address.municipality"), municipality),
	)
	a.form.Items[2].HintText = u.T("ui.address.box_hint")
	if fixedCountry == "" {
		a.picker = newCountryPicker(w, step, w.countries, u.T("ui.address.country_placeholder"))
		a.picker.f.OnChanged = func(text string) { a.picker.suggest(text); a.offerMunicipalities(); w.changed() }
		a.country = a.picker.f.entry()
		a.all = append([]*field{a.picker.f}, a.all...)
		// The country first: it decides what a postcode is, and only a
		// Belgian one brings its municipalities.
		a.form.Items = append([]*widget.FormItem{widget.NewFormItem(u.T("ui.address.country"), a.picker.root)}, a.form.Items...)
		a.form.Refresh()
	}
	return a
}

func (a *addressForm) countryCode() string {
	if a.picker == nil {
		return a.fixedCountry
	}
	return a.picker.code()
}

func (a *addressForm) offerMunicipalities() {
	code := strings.TrimSpace(a.postal.Text)
	if a.countryCode() != "BE" || len(code) != 4 {
		a.municipality.SetOptions(nil)
		return
	}
	names := a.postcodes.Names(code)
	a.municipality.SetOptions(names)
	if len(names) == 1 && a.municipality.Text == "" {
		a.municipality.SetText(names[0])
	}
}

func (a *addressForm) load(ad app.Address) {
	for e, v := range map[*widget.Entry]string{a.street: ad.Street, a.number: ad.Number, a.box: ad.Box, a.postal: ad.PostalCode} {
		f := e.OnChanged
		e.OnChanged = nil
		e.SetText(v)
		e.OnChanged = f
	}
	f := a.municipality.OnChanged
	a.municipality.OnChanged = nil
	a.municipality.SetText(ad.Municipality)
	a.municipality.OnChanged = f
	if a.picker != nil {
		a.picker.set(ad.Country)
	}
}

func (a *addressForm) value() app.Address {
	ad := app.Address{
		Street:       strings.TrimSpace(a.street.Text),
		Number:       strings.TrimSpace(a.number.Text),
		Box:          strings.TrimSpace(a.box.Text),
		PostalCode:   strings.TrimSpace(a.postal.Text),
		Municipality: strings.TrimSpace(a.municipality.Text),
	}
	if !ad.IsZero() {
		ad.Country = a.countryCode()
	}
	return ad
}

// addressStep is step 3: the residence (possibly abroad) and, when it is
// abroad, an optional contact address in Belgium.
type addressStep struct {
	w                  *wizard
	residence, contact *addressForm
	contactCard        *widget.Card
	note               *widget.Label
	root               fyne.CanvasObject
}

func newAddressStep(w *wizard) *addressStep {
	u := w.u
	s := &addressStep{w: w}
	s.residence = newAddressForm(w, "")
	s.contact = newAddressForm(w, "BE")
	s.note = widget.NewLabel("")
	s.note.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(u.T("ui.address.intro"))
	intro.Wrapping = fyne.TextWrapWord
	s.contactCard = widget.NewCard(u.T("ui.address.contact"), u.T("ui.address.contact_sub"), s.contact.form)
	s.root = container.NewVBox(intro,
		widget.NewCard(u.T("ui.address.residence"), u.T("ui.address.residence_sub"), s.residence.form),
		s.contactCard, s.note)
	return s
}

func (s *addressStep) title() string              { return s.w.u.T("ui.step.address") }
func (s *addressStep) content() fyne.CanvasObject { return s.root }

// fields are the residence's, then the contact address's when it shows.
func (s *addressStep) fields() []*field {
	if !s.contactCard.Visible() {
		return s.residence.all
	}
	return slices.Concat(s.residence.all, s.contact.all)
}

func (s *addressStep) load(r *app.Request) {
	s.residence.load(r.Residence)
	s.contact.load(r.Contact)
}

func (s *addressStep) save(r *app.Request) {
	r.Residence = s.residence.value()
	r.Contact = s.contact.value()
	// A Belgian residence needs no separate contact address.
	if r.Residence.Belgian() {
		s.contactCard.Hide()
		r.Contact = app.Address{}
	} else {
		s.contactCard.Show()
	}
	s.note.SetText("")
	for _, a := range []app.Address{r.Residence, r.Contact} {
		if a.Belgian() && len(a.PostalCode) == 4 && !s.w.u.Postcodes.Known(a.PostalCode) {
			s.note.SetText(s.w.u.T("ui.address.unknown_postcode", "code", a.PostalCode))
		}
	}
}

func (s *addressStep) validate(r *app.Request) error {
	if err := s.residence.picker.problem(); err != nil {
		return err
	}
	return r.ValidateAddress()
}
