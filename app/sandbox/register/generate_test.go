package register

import (
	"reflect"
	"testing"
	"time"
	"unicode"

	"github.com/idpro/idpro/app"
)

const registerSize = 400

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(7, registerSize), Generate(7, registerSize)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave two registers")
	}
	if reflect.DeepEqual(a, Generate(8, registerSize)) {
		t.Fatal("two seeds gave the same register")
	}
	if got := len(a); got != registerSize {
		t.Fatalf("Generate gave %d people, want %d", got, registerSize)
	}
}

func TestGenerateNumbers(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	seen := map[app.INSZ]bool{}
	var bis, national int
	for _, p := range Generate(1, registerSize) {
		n, err := app.ParseINSZ(string(p.INSZ))
		if err != nil || n != p.INSZ {
			t.Fatalf("%s %s: INSZ %q invalid: %v", p.GivenNames, p.Surname, p.INSZ, err)
		}
		if seen[n] {
			t.Fatalf("INSZ %s given twice", n)
		}
		seen[n] = true
		if got := n.BirthDate(now); got != p.BirthDate && !p.BirthDate.IsZero() {
			t.Errorf("%s encodes %v, the person was born %v", n, got, p.BirthDate)
		}
		if n.IsBIS() {
			bis++
			continue
		}
		national++
		if odd := (n[8]-'0')%2 == 1; odd != (p.Sex == app.Male) {
			t.Errorf("national number %s: counter parity does not fit sex %q", n, p.Sex)
		}
	}
	if bis == 0 || national == 0 {
		t.Errorf("%d BIS and %d national register numbers, want both", bis, national)
	}
}

func TestGenerateDocumentsUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Generate(1, registerSize) {
		if len(p.Documents) == 0 {
			t.Errorf("%s %s has no document", p.GivenNames, p.Surname)
		}
		for _, d := range p.Documents {
			k := docKey(d.Number, d.IssuingState)
			if seen[k] {
				t.Fatalf("document %s of %s given twice", d.Number, d.IssuingState)
			}
			seen[k] = true
		}
	}
}

// TestGenerateVariety checks that a register of a few hundred has every
// case the matching rules and the demo need.
func TestGenerateVariety(t *testing.T) {
	nationalities := map[string]bool{}
	var accented, noDay, noMonth, sexUnknown, residence, twoGiven int
	for _, p := range Generate(1, registerSize) {
		nationalities[p.Nationality] = true
		for _, r := range p.Surname + p.GivenNames {
			if r > unicode.MaxASCII {
				accented++
				break
			}
		}
		switch d := p.BirthDate; {
		case d.Year != 0 && d.Month == 0:
			noMonth++
		case d.Month != 0 && d.Day == 0:
			noDay++
		}
		if p.Sex == app.Unknown {
			sexUnknown++
		}
		if !p.Residence.IsZero() {
			residence++
		}
		if containsSeparator(p.GivenNames) {
			twoGiven++
		}
	}
	for what, n := range map[string]int{
		"nationalities": len(nationalities), "accented names": accented, "dates without day": noDay,
		"dates without month": noMonth, "unknown sex": sexUnknown, "residences": residence, "several given names": twoGiven,
	} {
		if n < 5 {
			t.Errorf("only %d %s in %d people", n, what, registerSize)
		}
	}
}

func containsSeparator(s string) bool {
	for _, r := range s {
		if isSeparator(r) {
			return true
		}
	}
	return false
}

// TestGeneratedFindThemselves: every generated person is found by each of
// its documents, and by its own name, birth date and nationality.
func TestGeneratedFindThemselves(t *testing.T) {
	people := Generate(3, registerSize)
	reg := New(people)
	for _, p := range people {
		for _, d := range p.Documents {
			got, ok := reg.Match(Query{DocumentNumber: d.Number, IssuingState: d.IssuingState}).Person()
			if !ok || got.INSZ != p.INSZ {
				t.Errorf("document %s %s does not find %s", d.Number, d.IssuingState, p.INSZ)
			}
		}
		if p.BirthDate.Year == 0 {
			continue
		}
		out := reg.Match(Query{Surname: p.Surname, GivenNames: p.GivenNames, BirthDate: p.BirthDate, Nationality: p.Nationality})
		if !containsINSZ(out.People, p.INSZ) {
			t.Errorf("%s %s %v %s does not find itself: %v", p.GivenNames, p.Surname, p.BirthDate, p.Nationality, out.Result)
		}
	}
}

func containsINSZ(people []Person, n app.INSZ) bool {
	for _, p := range people {
		if p.INSZ == n {
			return true
		}
	}
	return false
}
