package mrz

import (
	"slices"
	"strings"
)

// fitLayout brings each line to its length, choosing among the ways to
// restore fillers the one the check digits like best, then corrects the
// text. It returns nil when no way keeps the document code the layout
// accepts.
func fitLayout(lay *layout, lines [][]byte) *Draft {
	options := make([][]fitting, len(lines))
	choice := make([]fitting, len(lines))
	for i, l := range lines {
		options[i] = fittingsFor(l, lay.lengths[i])
		if i == 0 && lay.codeFiller() {
			options[i] = append(options[i], codeFillerFittings(l, lay.lengths[i])...)
		}
		if i == 0 {
			// A fitting must keep the document code the layout was chosen for.
			options[i] = slices.DeleteFunc(options[i], func(f fitting) bool { return !lay.accepts(string(f.line)) })
			if len(options[i]) == 0 {
				return nil
			}
		}
		choice[i] = options[i][0]
	}
	dev := 0
	for i, l := range lines {
		dev += absInt(len(l) - lay.lengths[i])
	}
	for i := range lines {
		if len(options[i]) < 2 {
			continue
		}
		best, bestScore := choice[i], fitScore{}
		for k, o := range options[i] {
			choice[i] = o
			s := prepare(lay, choice).fitScore()
			if k == 0 || s.better(bestScore) {
				best, bestScore = o, s
			}
		}
		choice[i] = best
	}
	d := correctDraft(lay, choice)
	d.deviation = dev
	return d
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// correctDraft applies the corrections to lines of the right lengths.
func correctDraft(lay *layout, choice []fitting) *Draft {
	d := prepare(lay, choice)
	runText(d, repair)
	return d
}

// prepare applies the corrections that need no search; enough to compare
// ways of fitting the lines.
func prepare(lay *layout, choice []fitting) *Draft {
	lines := make([][]byte, len(choice))
	var fixes []Correction
	for i, c := range choice {
		lines[i] = c.line
		for _, fx := range c.fixes {
			fx.Line = i
			fixes = append(fixes, fx)
		}
	}
	d := newDraft(lay, lines, fixes)
	runText(d, fitText)
	return d
}

// fitScore ranks the readings of a text. Failed checks, unknown country
// codes and unused lines count most; then the fillers the fitting had to
// add (OCR loses many) and, far more, to drop (OCR rarely invents them),
// so that a passport's lines are not cut down to a TD2 whose random
// composite check passes. Ties go to more checks passed, text nearer the
// layout, fewer changes.
type fitScore struct {
	failing, uncovered, inserted, removed, substituted, deviation, passing, fixes int
}

func (d *Draft) fitScore() fitScore {
	s := fitScore{deviation: d.deviation, fixes: len(d.fixes)}
	for _, c := range d.checks() {
		if d.passes(c) {
			s.passing++
		} else {
			s.failing++
		}
	}
	s.failing += d.unknownCountries() + d.foreignCode()
	for _, fx := range d.fixes {
		switch {
		case fx.From == "":
			s.inserted++
		case fx.To == "":
			s.removed++
		default:
			s.substituted++
		}
	}
	return s
}

// unknownCountries counts the country fields that hold no known code.
func (d *Draft) unknownCountries() int {
	n := 0
	for _, fl := range d.lay.fields {
		if isCountry(&fl) && !d.knownCode(&fl) {
			n++
		}
	}
	return n
}

// foreignCode is 1 when the document code opens with a letter ICAO 9303
// does not give the layout: a TD1 read from its name line first, or
// from a lone stray line, would otherwise tie with the true order on a
// specimen whose check digits fail either way.
func (d *Draft) foreignCode() int {
	letters, ok := codeLetters[d.lay.format]
	if !ok || strings.IndexByte(letters, d.lines[0][0]) >= 0 {
		return 0
	}
	return 1
}

func (s fitScore) cost() int {
	return 16*(s.failing+s.uncovered) + 8*s.removed + s.inserted + s.substituted
}

func (s fitScore) better(t fitScore) bool {
	if a, b := s.cost(), t.cost(); a != b {
		return a < b
	}
	if s.passing != t.passing {
		return s.passing > t.passing
	}
	if s.deviation != t.deviation {
		return s.deviation < t.deviation
	}
	return s.fixes < t.fixes
}
