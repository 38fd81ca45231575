// Command gentext writes the training text for idpro's MRZ recognition data:
// lines shaped like real machine-readable zones (TD1, TD2, TD3) with long
// filler runs, so that the classifier sees '<' in the company it keeps on
// documents and every character of A-Z0-9< many times in many neighbours.
// The output depends only on -seed and -n, which keeps builds reproducible.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

const (
	letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits  = "0123456789"
	alnum   = letters + digits
)

func main() {
	seed := flag.Uint64("seed", 1, "random seed")
	n := flag.Int("n", 300, "number of documents")
	flag.Parse()
	g := gen{rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))}
	w := bufio.NewWriter(os.Stdout)
	for i := 0; i < *n; i++ {
		for _, l := range g.document(i) {
			fmt.Fprintln(w, l)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gentext:", err)
		os.Exit(1)
	}
}

type gen struct{ r *rand.Rand }

func (g gen) pick(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.IntN(len(set))]
	}
	return string(b)
}

// fill pads s with '<' to width, or cuts it.
func fill(s string, width int) string {
	if len(s) >= width {
		return s[:width]
	}
	return s + strings.Repeat("<", width-len(s))
}

// name is SURNAME<<GIVEN<NAMES, with the odd compound part.
func (g gen) name() string {
	part := func() string { return g.pick(letters, 2+g.r.IntN(9)) }
	s := part()
	if g.r.IntN(4) == 0 {
		s += "<" + part()
	}
	s += "<<" + part()
	for g.r.IntN(3) == 0 {
		s += "<" + part()
	}
	return s
}

func (g gen) date() string {
	return fmt.Sprintf("%02d%02d%02d", g.r.IntN(100), 1+g.r.IntN(12), 1+g.r.IntN(31))
}

func (g gen) docNumber() string {
	n := g.pick(alnum, 6+g.r.IntN(4))
	return fill(n, 9)
}

func (g gen) sex() string { return string("MF<"[g.r.IntN(3)]) }

func (g gen) optional(width int) string {
	if g.r.IntN(2) == 0 {
		return strings.Repeat("<", width)
	}
	return fill(g.pick(alnum, 1+g.r.IntN(width)), width)
}

func (g gen) code() string {
	codes := []string{"P<", "PM", "I<", "ID", "IR", "AC", "V<", "C<", "A<"}
	return codes[g.r.IntN(len(codes))]
}

func (g gen) digit() string { return g.pick(digits, 1) }

func (g gen) document(i int) []string {
	state, nat := g.pick(letters, 3), g.pick(letters, 3)
	switch i % 4 {
	case 0, 1: // TD3 passport
		return []string{
			fill(g.code()+state+g.name(), 44),
			g.docNumber() + g.digit() + nat + g.date() + g.digit() + g.sex() + g.date() + g.digit() + g.optional(14) + g.digit() + g.digit(),
		}
	case 2: // TD1 identity card
		return []string{
			fill(g.code()+state+g.docNumber()+g.digit()+g.optional(15), 30),
			g.date() + g.digit() + g.sex() + g.date() + g.digit() + nat + g.optional(11) + g.digit(),
			fill(g.name(), 30),
		}
	default: // TD2, and random text like the synthetic corpus lines
		return []string{
			fill(g.code()+state+g.name(), 36),
			g.docNumber() + g.digit() + nat + g.date() + g.digit() + g.sex() + g.date() + g.digit() + g.optional(7) + g.digit(),
			fill(g.pick(letters+digits+"<<<<<<<<", 20+g.r.IntN(20)), 44),
		}
	}
}
