package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr"
)

// mrzMarks marks, in step 2, the fields read from the document's MRZ, and
// among them the ones the reading asks the user to compare with the
// document (its review list, as step 1 names them), where they are: a
// hint under the field and a warning sign beside it. A field the user
// changed is no longer the MRZ's, and loses its mark.
type mrzMarks struct {
	s      *personStep
	forms  []*widget.Form
	fields map[ocr.Field]*fieldMark
	mrz    app.Request // what the MRZ says, as prefill puts it in a request
	review []ocr.Field
}

type fieldMark struct {
	item *widget.FormItem
	hint string // the field's own hint
	warn *widget.Icon
}

func newMRZMarks(s *personStep) *mrzMarks {
	return &mrzMarks{s: s, fields: map[ocr.Field]*fieldMark{}}
}

// item is a form item for an MRZ field, with room for its marks.
func (m *mrzMarks) item(f ocr.Field, label string, o fyne.CanvasObject, hint string) *widget.FormItem {
	warn := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	warn.Hide()
	it := widget.NewFormItem(label, container.NewBorder(nil, nil, nil, warn, o))
	it.HintText = hint
	m.fields[f] = &fieldMark{item: it, hint: hint, warn: warn}
	return it
}

// read takes what the MRZ of r says and which fields to compare: the
// review list of the reading that filled r in (views, step 1's pages), or
// for a draft read again from the history, that of the lines parsed anew.
func (m *mrzMarks) read(r *app.Request, views []pageView) {
	m.mrz, m.review = app.Request{}, nil
	lines := r.Document.MRZ
	if len(lines) == 0 {
		return
	}
	res := ocr.ParseAt(lines, m.s.w.u.Now())
	for _, v := range views {
		if v.mrz.Found && slices.Equal(v.mrz.Lines, lines) {
			res = v.mrz
		}
	}
	prefill(&m.mrz, res)
	m.review = res.Review
}

// values are the request's and the MRZ's value of each marked field.
func (m *mrzMarks) values(r *app.Request) map[ocr.Field][2]string {
	p, d, mp, md := r.Person, r.Document, m.mrz.Person, m.mrz.Document
	return map[ocr.Field][2]string{
		ocr.FieldSurname:        {p.Surname, mp.Surname},
		ocr.FieldGivenNames:     {p.GivenNames, mp.GivenNames},
		ocr.FieldSex:            {string(p.Sex), string(mp.Sex)},
		ocr.FieldBirthDate:      {p.BirthDate.String(), mp.BirthDate.String()},
		ocr.FieldNationality:    {p.Nationality, mp.Nationality},
		ocr.FieldDocumentNumber: {d.Number, md.Number},
		ocr.FieldIssuingState:   {d.IssuingState, md.IssuingState},
		ocr.FieldExpiryDate:     {d.ExpiryDate.String(), md.ExpiryDate.String()},
	}
}

// show marks each field by what it holds now.
func (m *mrzMarks) show(r *app.Request) {
	u := m.s.w.u
	changed := false
	for f, v := range m.values(r) {
		fm := m.fields[f]
		fromMRZ := v[1] != "" && v[0] == v[1]
		hint, warn := fm.hint, false
		switch {
		case fromMRZ && slices.Contains(m.review, f):
			hint, warn = joinHint(fm.hint, u.T("ui.person.mark_compare")), true
		case fromMRZ:
			hint = joinHint(fm.hint, u.T("ui.person.mark_mrz"))
		}
		if hint != fm.item.HintText || warn != fm.warn.Visible() {
			fm.item.HintText = hint
			changed = true
		}
		if warn {
			fm.warn.Show()
		} else {
			fm.warn.Hide()
		}
	}
	if changed {
		for _, form := range m.forms {
			form.Refresh()
		}
	}
}

// joinHint puts the mark before the field's own hint: a hint is one
// line, and the mark is what the user looks for.
func joinHint(own, mark string) string {
	if own == "" {
		return mark
	}
	return mark + " " + own
}
