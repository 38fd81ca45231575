package register_test

import (
	"fmt"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/sandbox/register"
)

func Example() {
	reg := register.New([]register.Person{{
		INSZ: "98472899765", Surname: "Müller-Lüdenscheidt", GivenNames: "Jürgen Klaus", Sex: app.Male,
		BirthDate: app.Date{Year: 1998, Month: 7, Day: 28}, BirthPlace: "Görlitz",
		BirthCountry: "DEU", Nationality: "DEU",
		Documents: []register.Document{{Kind: app.Passport, Number: "C01X00T47", IssuingState: "DEU"}},
	}})

	// The form as the MRZ filled it: names transliterated, no birth place.
	form := app.Person{Surname: "MUELLER LUEDENSCHEIDT", GivenNames: "JUERGEN", BirthDate: app.Date{Year: 1998, Month: 7, Day: 28}, Nationality: "D"}
	out := reg.Match(register.QueryOf(app.Document{}, form))
	if p, ok := out.Person(); ok {
		fmt.Println(out.Result, p.INSZ.String())
		fmt.Println(p.Fill(&form), form.BirthPlace)
	}
	// Output:
	// found 98.47.28-997.65
	// [sex birth_place birth_country] Görlitz
}
