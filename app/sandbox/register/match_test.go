package register

import (
	"slices"
	"testing"

	"github.com/idpro/idpro/app"
)

// knownPeople builds the hand-made register of the matching table: each person
// is there for one rule.
func knownPeople(t testing.TB) []Person {
	t.Helper()
	type row struct {
		surname, given, nat string
		sex                 app.Sex
		birth               app.Date
		doc, state          string
	}
	rows := []row{
		{"Müller-Lüdenscheidt", "Jürgen Klaus", "DEU", app.Male, app.Date{Year: 1980, Month: 3, Day: 14}, "C01X00T47", "DEU"},
		{"Øvergård", "Åse", "NOR", app.Female, app.Date{Year: 1992, Month: 7}, "12345678", "NOR"},
		{"Groß", "Hans", "DEU", app.Male, app.Date{Year: 1975, Month: 5, Day: 5}, "L01234567", "DEU"},
		{"Wróbel", "Łukasz", "POL", app.Male, app.Date{Year: 1988, Month: 11, Day: 2}, "EA1234567", "POL"},
		{"Gonçalves", "João", "PRT", app.Male, app.Date{Year: 1990, Month: 1, Day: 1}, "C123456", "PRT"},
		{"Gonçalves", "João Pedro", "PRT", app.Male, app.Date{Year: 1990, Month: 1, Day: 1}, "C654321", "PRT"},
		{"Bălănescu", "Ștefan", "ROU", app.Male, app.Date{Year: 1985, Month: 6, Day: 15}, "05123456", "ROU"},
		{"Ñúñez", "Íñigo", "ESP", app.Male, app.Date{Year: 1979}, "PAA123456", "ESP"},
		{"Sigurðardóttir", "Þórunn", "ISL", app.Female, app.Date{Year: 1995, Month: 2, Day: 3}, "A1234567", "ISL"},
		{"Schäfer", "Bärbel", "DEU", app.Female, app.Date{Year: 1970, Month: 10, Day: 10}, "C22222222", "DEU"},
		{"van der Ĳssel", "Ĳsbrand", "NLD", app.Male, app.Date{Year: 1983, Month: 4, Day: 4}, "NX1234567", "NLD"},
		{"Lœuillet", "Hélène", "FRA", app.Female, app.Date{Year: 1991, Month: 9, Day: 9}, "12AB34567", "FRA"},
		{"Yılmaz", "İpek", "TUR", app.Female, app.Date{Year: 1993, Month: 12, Day: 1}, "U12345678", "TUR"},
		{"Åkesson", "Märta", "SWE", app.Female, app.Date{Year: 1987, Month: 5, Day: 20}, "12345678", "SWE"},
		{"Sousa", "", "PRT", app.Male, app.Date{Year: 1960, Month: 2, Day: 2}, "C777777", "PRT"},
	}
	people := make([]Person, len(rows))
	for i, r := range rows {
		n, err := app.NewBIS(r.birth, r.sex, i+1)
		if err != nil {
			t.Fatal(err)
		}
		people[i] = Person{
			INSZ: n, Surname: r.surname, GivenNames: r.given, Sex: r.sex, BirthDate: r.birth,
			Nationality: r.nat, BirthCountry: r.nat,
			Documents: []Document{{Kind: app.Passport, Number: r.doc, IssuingState: r.state}},
		}
	}
	return people
}

func TestMatch(t *testing.T) {
	people := knownPeople(t)
	reg := New(people)
	byName := func(surname, given string, birth app.Date, nat string) Query {
		return Query{Surname: surname, GivenNames: given, BirthDate: birth, Nationality: nat}
	}
	d := func(y, m, day int) app.Date { return app.Date{Year: y, Month: m, Day: day} }
	const (
		mueller, oevergaard, gross, wrobel, joao, joaoPedro, stefan, nunez, thorunn, schaefer, ijssel, loeuillet, yilmaz, akesson, sousa = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
	)
	for _, tc := range []struct {
		name string
		q    Query
		want []int // indexes into people
	}{
		{"document exact", Query{DocumentNumber: "C01X00T47", IssuingState: "DEU"}, []int{mueller}},
		{"document lower case, spaces, fillers, D for DEU", Query{DocumentNumber: " c01x 00t47<<", IssuingState: "D<<"}, []int{mueller}},
		{"document right, state wrong", Query{DocumentNumber: "C01X00T47", IssuingState: "AUT"}, nil},
		{"document without state", Query{DocumentNumber: "C01X00T47"}, nil},
		{"same number in two states: the state decides", Query{DocumentNumber: "12345678", IssuingState: "SWE"}, []int{akesson}},
		{"document of one, name of another", Query{DocumentNumber: "C01X00T47", IssuingState: "DEU",
			Surname: "Bălănescu", GivenNames: "Ștefan", BirthDate: d(1985, 6, 15), Nationality: "ROU"}, []int{mueller, stefan}},
		{"document and name of the same", Query{DocumentNumber: "C01X00T47", IssuingState: "DEU",
			Surname: "Müller-Lüdenscheidt", GivenNames: "Jürgen", BirthDate: d(1980, 3, 14), Nationality: "DEU"}, []int{mueller}},

		{"name as printed", byName("Schäfer", "Bärbel", d(1970, 10, 10), "DEU"), []int{schaefer}},
		{"Ä as AE", byName("SCHAEFER", "BAERBEL", d(1970, 10, 10), "DEU"), []int{schaefer}},
		{"Ä as A", byName("schafer", "barbel", d(1970, 10, 10), "deu"), []int{schaefer}},
		{"Ä as E: no", byName("Schefer", "Bärbel", d(1970, 10, 10), "DEU"), nil},
		{"Ü as UE, MRZ fillers", byName("MUELLER<LUEDENSCHEIDT", "JUERGEN<KLAUS", d(1980, 3, 14), "D"), []int{mueller}},
		{"Ü as U, space for hyphen", byName("Muller Ludenscheidt", "Jurgen", d(1980, 3, 14), "DEU"), []int{mueller}},
		{"Ø as OE, Å as AA", byName("OEVERGAARD", "AASE", d(1992, 7, 0), "NOR"), []int{oevergaard}},
		{"Ø as O, Å as A", byName("Overgard", "Ase", d(1992, 7, 0), "NOR"), []int{oevergaard}},
		{"ß as SS", byName("GROSS", "HANS", d(1975, 5, 5), "DEU"), []int{gross}},
		{"ß as S: no", byName("Gros", "Hans", d(1975, 5, 5), "DEU"), nil},
		{"Ł and ó lose their marks", byName("Wrobel", "Lukasz", d(1988, 11, 2), "POL"), []int{wrobel}},
		{"Ș and ă lose their marks", byName("Balanescu", "Stefan", d(1985, 6, 15), "ROU"), []int{stefan}},
		{"Ñ, ú, Í lose their marks", byName("NUNEZ", "INIGO", d(1979, 0, 0), "ESP"), []int{nunez}},
		{"Þ as TH, ð as D", byName("SIGURDARDOTTIR", "THORUNN", d(1995, 2, 3), "ISL"), []int{thorunn}},
		{"Ĳ as IJ", byName("VAN DER IJSSEL", "IJSBRAND", d(1983, 4, 4), "NLD"), []int{ijssel}},
		{"Œ as OE", byName("LOEUILLET", "HELENE", d(1991, 9, 9), "FRA"), []int{loeuillet}},
		{"Turkish dotless and dotted I", byName("YILMAZ", "IPEK", d(1993, 12, 1), "TUR"), []int{yilmaz}},

		{"query year only", byName("Müller-Lüdenscheidt", "Jürgen", d(1980, 0, 0), "DEU"), []int{mueller}},
		{"query year and month", byName("Müller-Lüdenscheidt", "Jürgen", d(1980, 3, 0), "DEU"), []int{mueller}},
		{"query month disagrees", byName("Müller-Lüdenscheidt", "Jürgen", d(1980, 4, 0), "DEU"), nil},
		{"query day disagrees", byName("Müller-Lüdenscheidt", "Jürgen", d(1980, 3, 15), "DEU"), nil},
		{"register year only, query full", byName("Ñúñez", "Íñigo", d(1979, 6, 12), "ESP"), []int{nunez}},
		{"register year only, query other year", byName("Ñúñez", "Íñigo", d(1978, 6, 12), "ESP"), nil},
		{"register without day, query full", byName("Øvergård", "Åse", d(1992, 7, 20), "NOR"), []int{oevergaard}},
		{"register without day, query other month", byName("Øvergård", "Åse", d(1992, 8, 20), "NOR"), nil},
		{"no birth year: name route not tried", byName("Müller-Lüdenscheidt", "Jürgen", app.Date{}, "DEU"), nil},

		{"first given name only", byName("Müller-Lüdenscheidt", "Jürgen", d(1980, 3, 14), "DEU"), []int{mueller}},
		{"second given name only: no", byName("Müller-Lüdenscheidt", "Klaus", d(1980, 3, 14), "DEU"), nil},
		{"part of a given name: no", byName("Müller-Lüdenscheidt", "Jürg", d(1980, 3, 14), "DEU"), nil},
		{"more given names than registered: no", byName("Øvergård", "Åse Marit", d(1992, 7, 0), "NOR"), nil},
		{"no given names: only who has none", byName("Sousa", "", d(1960, 2, 2), "PRT"), []int{sousa}},
		{"no given names, registered with some: no", byName("Schäfer", "", d(1970, 10, 10), "DEU"), nil},
		{"part of a double surname: no", byName("Müller", "Jürgen", d(1980, 3, 14), "DEU"), nil},

		{"namesakes: ambiguous", byName("Goncalves", "Joao", d(1990, 1, 1), "PRT"), []int{joao, joaoPedro}},
		{"namesakes told apart by the second given name", byName("Gonçalves", "João Pedro", d(1990, 1, 1), "PRT"), []int{joaoPedro}},
		{"different nationality", byName("Müller-Lüdenscheidt", "Jürgen", d(1980, 3, 14), "AUT"), nil},
		{"no nationality", byName("Müller-Lüdenscheidt", "Jürgen", d(1980, 3, 14), ""), nil},
		{"empty query", Query{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := reg.Match(tc.q)
			wantResult := [...]Result{None, Found, Ambiguous, Ambiguous}[len(tc.want)]
			if got.Result != wantResult || len(got.People) != len(tc.want) {
				t.Fatalf("Match = %v with %d people, want %v with %d", got.Result, len(got.People), wantResult, len(tc.want))
			}
			for i, w := range tc.want {
				if got.People[i].INSZ != people[w].INSZ {
					t.Errorf("person %d = %s %s, want %s %s", i, got.People[i].GivenNames, got.People[i].Surname, people[w].GivenNames, people[w].Surname)
				}
			}
			if p, ok := got.Person(); ok != (wantResult == Found) || (ok && p.INSZ != people[tc.want[0]].INSZ) {
				t.Errorf("Person() = %v, %v", p.INSZ, ok)
			}
		})
	}
}

func TestMatchReturnsCopies(t *testing.T) {
	reg := New(knownPeople(t))
	q := Query{DocumentNumber: "C01X00T47", IssuingState: "DEU"}
	p, _ := reg.Match(q).Person()
	p.Documents[0].Number = "CHANGED"
	if again, _ := reg.Match(q).Person(); again.Documents[0].Number != "C01X00T47" {
		t.Fatalf("a match's documents changed the register: %q", again.Documents[0].Number)
	}
}

func TestSpellings(t *testing.T) {
	for name, want := range map[string][]string{
		"Müller-Lüdenscheidt": {"MUELLER<LUDENSCHEIDT", "MUELLER<LUEDENSCHEIDT", "MULLER<LUDENSCHEIDT", "MULLER<LUEDENSCHEIDT"},
		"  O'Brien  ":         {"OBRIEN"},
		"Åse":                 {"AASE", "ASE"},
		"Þórður":              {"THORDUR"},
		"Nguyễn Văn  Hùng":    {"NGUYEN<VAN<HUNG"},
		"<<-- ":               nil,
		"Æbelø":               {"AEBELO", "AEBELOE"},
	} {
		if got := spellings(name); !slices.Equal(got, want) {
			t.Errorf("spellings(%q) = %q, want %q", name, got, want)
		}
	}
	if n := len(spellings("Ääääääääää")); n > maxSpellings {
		t.Errorf("ten umlauts give %d spellings, more than %d", n, maxSpellings)
	}
}
