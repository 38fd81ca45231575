package main

import "slices"

// score sums one model's readings of one group of lines.
type score struct {
	lines, exact  int
	chars, errors int
	// fillerLines are the lines whose truth has a run of two or more '<';
	// fillerKept, those read with every such run at its true length, in
	// order. LSTM recognizers tend to merge filler runs.
	fillerLines, fillerKept int
	lengthRight             int
}

func (s *score) add(truth, got string) {
	s.lines++
	if got == truth {
		s.exact++
	}
	if len(got) == len(truth) {
		s.lengthRight++
	}
	s.chars += len(truth)
	s.errors += editDistance(got, truth)
	if runs := fillerRuns(truth); len(runs) > 0 {
		s.fillerLines++
		if slices.Equal(runs, fillerRuns(got)) {
			s.fillerKept++
		}
	}
}

// fillerRuns returns the lengths of the runs of two or more '<' in s.
func fillerRuns(s string) []int {
	var runs []int
	n := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] == '<' {
			n++
			continue
		}
		if n >= 2 {
			runs = append(runs, n)
		}
		n = 0
	}
	return runs
}

// editDistance is the Levenshtein distance between a and b, in bytes (the
// MRZ alphabet is ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
