package ocr

import (
	"fmt"
	"slices"
	"strings"
)

// A correction pass changes characters of a fitted MRZ that its layout,
// its check digits or its glyphs' shapes show were misread. The passes
// run in the order of the passes table, in three stages: text passes
// while Parse fits the lines to a layout (so they weigh in choosing the
// fitting), the check digit repair once a fitting is chosen, and glyph
// passes in the reader, which knows each character's box in the line
// image. Every change is a Correction and puts its field in review.
//
// Like the Go compiler's ssa passes, each can be switched off by name
// (SwitchOff) to measure what it contributes: `mrzeval -passes-off`.
type pass struct {
	name  string
	stage passStage
	// text runs on the draft alone (stages fitText and repair).
	text func(d *mrzDraft)
	// glyph runs on the draft and its glyphs (stage glyphs) and tells
	// whether it changed any character.
	glyph func(d *mrzDraft, g *glyphWork) bool
	// final runs on the result once the reader has done all else.
	final func(d *mrzDraft) bool
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
	{name: "classes", stage: fitText, text: (*mrzDraft).fixClasses},
	// D<< for Germany, and O/D/Q, C/G, E/F settled by the list of codes.
	{name: "countries", stage: fitText, text: (*mrzDraft).fixCountries},
	// Fillers read as letters at the end of names.
	{name: "names", stage: fitText, text: (*mrzDraft).fixNames},
	// Fillers read as K, C, S, E in document numbers and optional data.
	{name: "filler-runs", stage: fitText, text: (*mrzDraft).fixFillerRuns},
	// The one look-alike swap (or, confirmed by the composite, pair)
	// that makes a failing check digit pass.
	{name: "check-digits", stage: repair, text: (*mrzDraft).repairChecks},
	// Parse's swaps that the glyph's shape clearly denies go back.
	{name: "undo-denied-swaps", stage: glyphs, glyph: (*mrzDraft).undoDeniedSwaps},
	// Marks among fillers under a third of the capitals' height are
	// fillers.
	{name: "specks", stage: glyphs, glyph: (*mrzDraft).clearSpecks},
	// O/0/D/B/8, bare stems and the name letters the model confuses,
	// settled by the glyph's shape (shape.go).
	{name: "shapes", stage: glyphs, glyph: (*mrzDraft).settleGlyphShapes},
	// Characters their field cannot hold read again among those it can.
	{name: "reread", stage: glyphs, glyph: (*mrzDraft).rereadOutOfClass},
	// Swaps inside fields that still break their class go back.
	{name: "broken-fields", stage: last, final: (*mrzDraft).undoBrokenSwaps},
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
func runText(d *mrzDraft, stage passStage) {
	for _, p := range passes {
		if p.stage == stage && !off[p.name] {
			p.text(d)
		}
	}
}

// runGlyphs runs the glyph passes on d and tells whether any changed it.
func runGlyphs(d *mrzDraft, g *glyphWork) bool {
	changed := false
	for _, p := range passes {
		if p.stage == glyphs && !off[p.name] && p.glyph(d, g) {
			changed = true
		}
	}
	return changed
}

// runLast runs the last passes on d and tells whether any changed it.
func runLast(d *mrzDraft) bool {
	changed := false
	for _, p := range passes {
		if p.stage == last && !off[p.name] && p.final(d) {
			changed = true
		}
	}
	return changed
}
