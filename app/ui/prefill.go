package ui

import (
	"strings"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr"
)

// prefill copies what the MRZ says into the request. MRZ names carry no
// accents, so the user is told to check them against the printed name.
func prefill(r *app.Request, res ocr.Result) {
	f := res.Fields
	p := &r.Person
	p.Surname = f.Surname
	p.GivenNames = f.GivenNames
	switch f.Sex {
	case "M":
		p.Sex = app.Male
	case "F":
		p.Sex = app.Female
	case "X":
		p.Sex = app.Unspecified
	}
	if d, err := app.ParseDate(f.BirthDate); err == nil {
		p.BirthDate = d
	}
	if f.Nationality != "" {
		p.Nationality = f.Nationality
	}
	doc := &r.Document
	doc.Number = f.DocumentNumber
	doc.IssuingState = f.IssuingState
	if d, err := app.ParseDate(f.ExpiryDate); err == nil {
		doc.ExpiryDate = d
	}
	doc.MRZ = res.Lines
	if k := kindOf(res.Format, f.DocumentCode); k != "" {
		doc.Kind = k
	}
}

// kindOf tells the document kind from the MRZ layout and document code.
func kindOf(format ocr.Format, code string) app.DocumentKind {
	switch {
	case format == ocr.DLEU || format == ocr.DLCHE:
		return app.DrivingLicence
	case format == ocr.TD3 || strings.HasPrefix(code, "P"):
		return app.Passport
	case format == ocr.TD1 || format == ocr.TD2 || format == ocr.FRAID:
		return app.IDCard
	}
	return ""
}
