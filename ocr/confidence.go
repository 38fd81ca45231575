package ocr

import (
	"slices"

	"github.com/idpro/idpro/ocr/mrz"
)

// unsureConf is the recognizer's confidence (0-100) below which a
// glyph makes its field one to compare with the document even when
// every check passes: two misreads in one field can compensate in its
// check digit (D4RE27906 read 04RE97906). Chosen on the tuning half of
// the real-print evaluation (mrzeval -docs, docs/mrz.md): of the
// unflagged fields of valid readings, 70 flagged 4 of the 5 wrong ones
// for 42 of 1,399 right ones; 60 none of the wrong, 80 all of them for
// 316 right ones.
const unsureConf = 70

// codeConf is unsureConf for issuing state and nationality. No check
// digit covers a country code: only the list of codes speaks for it,
// and the list takes many misreads of blotted letters (COR printed
// blotted, its R read as M: COM, Comoros). Chosen on the tuning half
// of the real-print evaluation's line crops (docs/mrz.md): 80 flags 10
// of the 82 right codes of valid readings whose truth passes its
// checks, 85 flags 26, 75 two.
const codeConf = 80

// flagUnsure puts in review the fields of r whose least sure glyph is
// below unsureConf, or codeConf for a country code.
func flagUnsure(r Result) Result {
	var unsure []Field
	for f, c := range r.Confidence {
		limit := float64(unsureConf)
		if f == FieldIssuingState || f == FieldNationality {
			limit = codeConf
		}
		if c < limit {
			unsure = append(unsure, f)
		}
	}
	return withReview(r, unsure...)
}

// withReview is r with fields also in review, review kept in the order
// of FieldNames; names that are no field of Fields (a check's) are
// left out.
func withReview(r Result, fields ...Field) Result {
	var add bool
	for _, f := range fields {
		if slices.Contains(FieldNames, f) && !slices.Contains(r.Review, f) {
			add = true
		}
	}
	if !add {
		return r
	}
	var review []Field
	for _, f := range FieldNames {
		if slices.Contains(r.Review, f) || slices.Contains(fields, f) {
			review = append(review, f)
		}
	}
	r.Review = review
	return r
}

// fieldConfidence is, for each field of d, the recognizer's least
// confidence among the glyphs read for its characters (0-100): one
// misread glyph makes a field wrong. Characters Parse restored (lost
// fillers) have no glyph and do not count; a check digit counts under
// its check's name, which is its field's.
func fieldConfidence(d *mrz.Draft, g *glyphSource) map[Field]float64 {
	out := map[Field]float64{}
	for i, line := range d.Lines() {
		for j := range line {
			s, _, ok := g.symbol(i, j)
			if !ok {
				continue
			}
			name := d.FieldName(i, j)
			if c, seen := out[name]; !seen || s.Conf < c {
				out[name] = s.Conf
			}
		}
	}
	return out
}
