package main

import (
	"slices"
	"testing"
)

func TestRepairedLabel(t *testing.T) {
	cases := []struct {
		name  string
		truth []string
		want  []string // nil: left as labelled
	}{
		{
			name:  "a D in a birth date whose check digit says 0",
			truth: []string{"V<IRLTEST<<NON<BIO<<<<<<<<<<<<<<<<<<", "A123456<<5BFA58D1017F1801019<<<<<<<<"},
			want:  []string{"V<IRLTEST<<NON<BIO<<<<<<<<<<<<<<<<<<", "A123456<<5BFA5801017F1801019<<<<<<<<"},
		},
		{
			name:  "a label that passes its checks",
			truth: []string{"V<IRLTEST<<NON<BIO<<<<<<<<<<<<<<<<<<", "A123456<<5BFA5801017F1801019<<<<<<<<"},
		},
		{
			name:  "the digit fails the check digit too",
			truth: []string{"V<IRLTEST<<NON<BIO<<<<<<<<<<<<<<<<<<", "A123456<<5BFA58D1015F1801019<<<<<<<<"},
		},
		{
			name:  "a digit in a nationality",
			truth: []string{"V<IRLTEST<<NON<BIO<<<<<<<<<<<<<<<<<<", "A123456<<58FA5801017F1801019<<<<<<<<"},
			want:  []string{"V<IRLTEST<<NON<BIO<<<<<<<<<<<<<<<<<<", "A123456<<5BFA5801017F1801019<<<<<<<<"},
		},
		{
			name:  "a letter where letters are allowed: a wrong document number stays",
			truth: []string{"V<IRLTEST<<NON<BIO<<<<<<<<<<<<<<<<<<", "A12345B<<5BFA5801017F1801019<<<<<<<<"},
		},
	}
	for _, c := range cases {
		got, ok := repairedLabel(c.truth)
		want := c.want
		if want == nil {
			want = c.truth
		}
		if ok != (c.want != nil) || !slices.Equal(got, want) {
			t.Errorf("%s: got %q (repaired %v), want %q", c.name, got, ok, want)
		}
	}
}
