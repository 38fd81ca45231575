package mrz

import (
	"fmt"
	"slices"
	"strings"
)

// A correction pass changes characters of a fitted MRZ that its layout,
// its check digits or its glyphs' shapes show were misread. This list is
// the one place that says which passes there are and in what order they
// run, in four stages:
//   - text passes while Parse fits the lines to a layout, for every
//     fitting tried, so that they weigh in choosing the fitting;
//   - the check digit repair, once, on the chosen fitting;
//   - glyph passes, in the reader (package ocr), which knows each
//     character's box in the line image: this package names them and
//     their order, the reader runs them (GlyphPasses);
//   - last passes, once the reader has done all else (Finish).
//
// Every change is a Correction and puts its field in review. Like the Go
// compiler's ssa passes, each can be switched off by name (SwitchOff) to
// measure what it contributes: `mrzeval -passes-off`.
type pass struct {
	name  string
	stage passStage
	// text runs on the draft alone (stages fitText and repair).
	text func(d *Draft)
	// final runs on the result once the reader has done all else and
	// tells whether it changed any character.
	final func(d *Draft) bool
}

type passStage int

const (
	fitText passStage = iota // in prepare, for every fitting tried
	repair                   // once, on the chosen fitting
	glyphs                   // in the reader, with the line images
	last                     // on the reader's and Parse's result
)

// passes are the corrections in the order they run. Why each exists is
// its function's comment; docs/mrz.md has what each is worth.
var passes = [...]pass{
	// The class of each position (digits, letters, fillers, sex) rules
	// out one side of each look-alike pair: O in a date is 0.
	{name: "classes", stage: fitText, text: (*Draft).fixClasses},
	// D<< for Germany, and O/D/Q, C/G, E/F settled by the list of codes.
	{name: "countries", stage: fitText, text: (*Draft).fixCountries},
	// Fillers read as letters at the end of names.
	{name: "names", stage: fitText, text: (*Draft).fixNames},
	// Fillers read as K, C, S, E in document numbers and optional data.
	{name: "filler-runs", stage: fitText, text: (*Draft).fixFillerRuns},
	// The one look-alike swap (or, confirmed by the composite, pair)
	// that makes a failing check digit pass: after the passes above, so
	// that the checks weigh the characters the classes already fixed,
	// and once, on the chosen fitting.
	{name: "check-digits", stage: repair, text: (*Draft).repairChecks},
	// Parse's swaps that the glyph's shape clearly denies go back
	// (ocr/correct_shape.go): a mod-10 check passes a random swap one
	// time in ten, and specimens fail their own checks. First among the
	// glyph passes, so that the checks the others consult hold what was
	// printed.
	{name: "undo-denied-swaps", stage: glyphs},
	// Marks among fillers under a third of the capitals' height are
	// fillers (ocr/correct_shape.go).
	{name: "specks", stage: glyphs},
	// O/0/D/B/8, bare stems and the name letters the model confuses,
	// settled by the glyph's shape (ocr/shape).
	{name: "shapes", stage: glyphs},
	// Characters their field cannot hold read again among those it can
	// (ocr/correct_class.go): last among the glyph passes, so that only
	// what the shapes left out of class costs a recognizer call.
	{name: "reread", stage: glyphs},
	// Swaps inside fields that still break their class go back, once
	// the glyphs have had their say (correct_broken.go).
	{name: "broken-fields", stage: last, final: (*Draft).undoBrokenSwaps},
}

// off holds the passes switched off by name.
var off = map[string]bool{}

// SwitchOff switches the named passes off, and on again all others; it
// is for measuring what each is worth (`mrzeval -passes-off`), and must
// be called before any Parse or Read.
func SwitchOff(names ...string) error {
	clear(off)
	for _, n := range names {
		if !slices.Contains(PassNames(), n) {
			return fmt.Errorf("ocr: no correction pass %q (passes: %s)", n, strings.Join(PassNames(), ", "))
		}
		off[n] = true
	}
	return nil
}

// PassNames lists the correction passes in the order they run.
func PassNames() []string {
	var out []string
	for _, p := range passes {
		out = append(out, p.name)
	}
	return out
}

// runText runs the text passes of a stage on d.
func runText(d *Draft, stage passStage) {
	for _, p := range passes {
		if p.stage == stage && !off[p.name] {
			p.text(d)
		}
	}
}

// GlyphPasses names the glyph passes switched on, in the order the
// reader must run them.
func GlyphPasses() []string {
	var out []string
	for _, p := range passes {
		if p.stage == glyphs && !off[p.name] {
			out = append(out, p.name)
		}
	}
	return out
}

// runLast runs the last passes on d and tells whether any changed it.
func runLast(d *Draft) bool {
	changed := false
	for _, p := range passes {
		if p.stage == last && !off[p.name] && p.final(d) {
			changed = true
		}
	}
	return changed
}
