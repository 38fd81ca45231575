package main

import (
	"slices"
	"testing"
)

func TestFillerRunsCountsRunsOfTwoOrMore(t *testing.T) {
	got := fillerRuns("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<")
	if want := []int{2, 7}; !slices.Equal(got, want) {
		t.Errorf("fillerRuns = %v, want %v", got, want)
	}
}

func TestScoreCountsAMergedFillerRunAsLost(t *testing.T) {
	var s score
	s.add("AB<<<<C", "AB<<<<C")
	s.add("AB<<<<C", "AB<<<C")
	if s.exact != 1 || s.fillerLines != 2 || s.fillerKept != 1 || s.lengthRight != 1 || s.errors != 1 {
		t.Errorf("score = %+v", s)
	}
}

func TestHalvesMatchMrzeval(t *testing.T) {
	// Two source photos of the corpus and the halves cmd/mrzeval puts them in.
	if h := halfOf("image01.jpg"); h != halfOf("image01.jpg") {
		t.Fatal("halfOf is not stable")
	}
	seen := map[string]bool{}
	for _, doc := range []string{"a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg"} {
		seen[halfOf(doc)] = true
	}
	if !seen[tuning] || !seen[heldOut] {
		t.Errorf("six names all in one half: %v", seen)
	}
}
