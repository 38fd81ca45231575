package register

import (
	"slices"
	"strings"

	"github.com/idpro/idpro/app"
)

// Person is one person the Crossroads Bank already knows, with the number
// it gave and the documents it has seen.
type Person struct {
	INSZ         app.INSZ
	Surname      string // as printed, with diacritics
	GivenNames   string // as printed, all of them
	Sex          app.Sex
	BirthDate    app.Date // possibly partial
	BirthPlace   string
	BirthCountry string // ICAO code
	Nationality  string // ICAO code
	Documents    []Document
	Residence    app.Address // abroad; zero when unknown
}

// Document is an identity document seen for the person.
type Document struct {
	Kind         app.DocumentKind
	Number       string
	IssuingState string // ICAO code
	Expiry       app.Date
}

// Fields filled by Fill that app has no constant for; the others are
// app.FieldSurname, app.FieldGivenNames, app.FieldSex, app.FieldBirthDate
// and app.FieldBirthPlace.
const (
	FieldBirthCountry = "birth_country"
	FieldNationality  = "nationality"
)

// Fill completes a form's person from the register and returns the names
// of the fields it filled, in form order. It gives no more than the form
// asks: a field the user filled in is left alone, even when it differs, and
// the INSZ, documents and residence are not copied. The one refinement is
// the birth date: a partial one is completed when the register knows more
// and agrees with what was typed.
func (p Person) Fill(into *app.Person) []string {
	var filled []string
	text := func(dst *string, src, field string) {
		if strings.TrimSpace(*dst) == "" && src != "" {
			*dst = src
			filled = append(filled, field)
		}
	}
	text(&into.Surname, p.Surname, app.FieldSurname)
	text(&into.GivenNames, p.GivenNames, app.FieldGivenNames)
	if into.Sex == app.Unknown && p.Sex != app.Unknown {
		into.Sex = p.Sex
		filled = append(filled, app.FieldSex)
	}
	if known(p.BirthDate) > known(into.BirthDate) && datesAgree(into.BirthDate, p.BirthDate) {
		into.BirthDate = p.BirthDate
		filled = append(filled, app.FieldBirthDate)
	}
	text(&into.BirthPlace, p.BirthPlace, app.FieldBirthPlace)
	text(&into.BirthCountry, p.BirthCountry, FieldBirthCountry)
	text(&into.Nationality, p.Nationality, FieldNationality)
	return filled
}

// known counts the known parts of a date.
func known(d app.Date) int {
	n := 0
	for _, v := range []int{d.Year, d.Month, d.Day} {
		if v != 0 {
			n++
		}
	}
	return n
}

// datesAgree tells whether two possibly partial dates agree where both are
// known.
func datesAgree(a, b app.Date) bool {
	agree := func(x, y int) bool { return x == 0 || y == 0 || x == y }
	return agree(a.Year, b.Year) && agree(a.Month, b.Month) && agree(a.Day, b.Day)
}

// clone copies the person so that callers cannot change the register's
// documents.
func (p Person) clone() Person {
	p.Documents = slices.Clone(p.Documents)
	return p
}
