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
