package register

import (
	"slices"
	"strings"

	"github.com/idpro/idpro/app"
)

// Query is what the form knows about the worker. Any field may be empty;
// the rules in the package doc say which combinations can match.
type Query struct {
	DocumentNumber string
	IssuingState   string // ICAO code
	Surname        string
	GivenNames     string
	BirthDate      app.Date // possibly partial; the year is needed
	Nationality    string   // ICAO code
}

// QueryOf builds the query for a request's document and person.
func QueryOf(doc app.Document, p app.Person) Query {
	return Query{
		DocumentNumber: doc.Number, IssuingState: doc.IssuingState,
		Surname: p.Surname, GivenNames: p.GivenNames,
		BirthDate: p.BirthDate, Nationality: p.Nationality,
	}
}

// Result is how many people a query found.
type Result int

const (
	None      Result = iota // nobody: the person is new
	Found                   // exactly one: Outcome.People[0]
	Ambiguous               // several: someone must look further
)

func (r Result) String() string {
	switch r {
	case Found:
		return "found"
	case Ambiguous:
		return "ambiguous"
	}
	return "none"
}

// Outcome is the answer to a query: the result and the people matched, in
// register order (copies: changing them does not change the register).
type Outcome struct {
	Result Result
	People []Person
}

// Person returns the one person found.
func (o Outcome) Person() (Person, bool) {
	if o.Result != Found {
		return Person{}, false
	}
	return o.People[0], true
}

// Register is the set of known persons, indexed for Match. It is not
// changed after New, so any number of goroutines may use it.
type Register struct {
	people    []entry
	byDoc     map[string][]int // normalDocument + "/" + normalCountry
	bySurname map[string][]int // each spelling of the surname
}

// entry is a person with the spellings Match compares, computed once.
type entry struct {
	Person
	given       []string
	nationality string
}

// New indexes people; it keeps its own copy.
func New(people []Person) *Register {
	r := &Register{
		people:    make([]entry, len(people)),
		byDoc:     map[string][]int{},
		bySurname: map[string][]int{},
	}
	for i, p := range people {
		r.people[i] = entry{Person: p.clone(), given: spellings(p.GivenNames), nationality: normalCountry(p.Nationality)}
		for _, d := range p.Documents {
			k := docKey(d.Number, d.IssuingState)
			r.byDoc[k] = append(r.byDoc[k], i)
		}
		for _, s := range spellings(p.Surname) {
			r.bySurname[s] = append(r.bySurname[s], i)
		}
	}
	return r
}

func docKey(number, state string) string {
	return normalDocument(number) + "/" + normalCountry(state)
}

// Len is the number of people in the register.
func (r *Register) Len() int { return len(r.people) }

// People lists everyone, in the order given to New.
func (r *Register) People() []Person {
	out := make([]Person, len(r.people))
	for i, e := range r.people {
		out[i] = e.clone()
	}
	return out
}

// Match finds the people the query designates, by document or by name;
// see the package doc for the rules.
func (r *Register) Match(q Query) Outcome {
	var hits []int
	add := func(i int) {
		if !slices.Contains(hits, i) {
			hits = append(hits, i)
		}
	}
	if normalDocument(q.DocumentNumber) != "" && normalCountry(q.IssuingState) != "" {
		for _, i := range r.byDoc[docKey(q.DocumentNumber, q.IssuingState)] {
			add(i)
		}
	}
	nationality := normalCountry(q.Nationality)
	if q.BirthDate.Year != 0 && nationality != "" {
		given := spellings(q.GivenNames)
		for _, s := range spellings(q.Surname) {
			for _, i := range r.bySurname[s] {
				e := &r.people[i]
				if e.nationality == nationality && datesAgree(q.BirthDate, e.BirthDate) && givenAgree(given, e.given) {
					add(i)
				}
			}
		}
	}
	slices.Sort(hits)
	var out Outcome
	switch len(hits) {
	case 0:
		out.Result = None
	case 1:
		out.Result = Found
	default:
		out.Result = Ambiguous
	}
	for _, i := range hits {
		out.People = append(out.People, r.people[i].clone())
	}
	return out
}

// givenAgree tells whether the query's given names are the register's
// first given names, whole words in order, in some common spelling. No
// given names match only a person registered without any.
func givenAgree(query, register []string) bool {
	if len(query) == 0 || len(register) == 0 {
		return len(query) == len(register)
	}
	for _, q := range query {
		for _, g := range register {
			if g == q || strings.HasPrefix(g, q+"<") {
				return true
			}
		}
	}
	return false
}
