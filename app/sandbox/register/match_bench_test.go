package register

import "testing"

// BenchmarkMatch looks up generated people the way the form does while
// the user types: by document, by name as printed, by MRZ-style name, and
// people who are not there.
func BenchmarkMatch(b *testing.B) {
	people := Generate(1, 500)
	reg := New(people)
	queries := make([]Query, 0, 4*len(people))
	for _, p := range people {
		d := p.Documents[0]
		queries = append(queries,
			Query{DocumentNumber: d.Number, IssuingState: d.IssuingState},
			Query{Surname: p.Surname, GivenNames: p.GivenNames, BirthDate: p.BirthDate, Nationality: p.Nationality},
			Query{Surname: p.Surname, GivenNames: p.GivenNames, BirthDate: p.BirthDate, Nationality: "XXX"},
			Query{Surname: p.Surname + "x", GivenNames: p.GivenNames, BirthDate: p.BirthDate, Nationality: p.Nationality},
		)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		reg.Match(queries[i%len(queries)])
	}
}

func BenchmarkNew(b *testing.B) {
	people := Generate(1, 500)
	for b.Loop() {
		New(people)
	}
}
