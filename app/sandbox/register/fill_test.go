package register

import (
	"slices"
	"testing"

	"github.com/idpro/idpro/app"
)

func TestFill(t *testing.T) {
	known := Person{
		Surname: "Wróbel", GivenNames: "Łukasz Jan", Sex: app.Male,
		BirthDate: app.Date{Year: 1988, Month: 11, Day: 2}, BirthPlace: "Łódź",
		BirthCountry: "POL", Nationality: "POL",
		Documents: []Document{{Kind: app.Passport, Number: "EA1234567", IssuingState: "POL"}},
	}
	for _, tc := range []struct {
		name       string
		form, want app.Person
		filled     []string
	}{
		{"empty form: everything the form has",
			app.Person{},
			app.Person{Surname: "Wróbel", GivenNames: "Łukasz Jan", Sex: app.Male, BirthDate: known.BirthDate,
				BirthPlace: "Łódź", BirthCountry: "POL", Nationality: "POL"},
			[]string{app.FieldSurname, app.FieldGivenNames, app.FieldSex, app.FieldBirthDate, app.FieldBirthPlace, FieldBirthCountry, FieldNationality}},
		{"typed fields kept, even spelled otherwise",
			app.Person{Surname: "WROBEL", GivenNames: "Lukasz", Sex: app.Unspecified, BirthDate: known.BirthDate, Nationality: "POL"},
			app.Person{Surname: "WROBEL", GivenNames: "Lukasz", Sex: app.Unspecified, BirthDate: known.BirthDate,
				BirthPlace: "Łódź", BirthCountry: "POL", Nationality: "POL"},
			[]string{app.FieldBirthPlace, FieldBirthCountry}},
		{"blank text counts as empty",
			app.Person{Surname: "  ", GivenNames: "Łukasz Jan", Sex: app.Male, BirthDate: known.BirthDate, BirthPlace: "Łódź", BirthCountry: "POL", Nationality: "POL"},
			app.Person{Surname: "Wróbel", GivenNames: "Łukasz Jan", Sex: app.Male, BirthDate: known.BirthDate, BirthPlace: "Łódź", BirthCountry: "POL", Nationality: "POL"},
			[]string{app.FieldSurname}},
		{"partial birth date completed when it agrees",
			app.Person{Surname: "Wróbel", BirthDate: app.Date{Year: 1988, Month: 11}},
			app.Person{Surname: "Wróbel", GivenNames: "Łukasz Jan", Sex: app.Male, BirthDate: known.BirthDate,
				BirthPlace: "Łódź", BirthCountry: "POL", Nationality: "POL"},
			[]string{app.FieldGivenNames, app.FieldSex, app.FieldBirthDate, app.FieldBirthPlace, FieldBirthCountry, FieldNationality}},
		{"partial birth date kept when it disagrees",
			app.Person{Surname: "Wróbel", GivenNames: "Łukasz Jan", Sex: app.Male, BirthDate: app.Date{Year: 1987},
				BirthPlace: "Łódź", BirthCountry: "POL", Nationality: "POL"},
			app.Person{Surname: "Wróbel", GivenNames: "Łukasz Jan", Sex: app.Male, BirthDate: app.Date{Year: 1987},
				BirthPlace: "Łódź", BirthCountry: "POL", Nationality: "POL"},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.form
			filled := known.Fill(&got)
			if got != tc.want {
				t.Errorf("Fill made %+v, want %+v", got, tc.want)
			}
			if !slices.Equal(filled, tc.filled) {
				t.Errorf("Fill filled %q, want %q", filled, tc.filled)
			}
		})
	}
}

func TestFillNeverEmpties(t *testing.T) {
	form := app.Person{Surname: "Kowalska", BirthDate: app.Date{Year: 1990, Month: 1, Day: 1}}
	if filled := (Person{BirthDate: app.Date{Year: 1990}}).Fill(&form); filled != nil || form.BirthDate.Day != 1 || form.Surname != "Kowalska" {
		t.Fatalf("a sparser register entry changed the form: %q, %+v", filled, form)
	}
}
