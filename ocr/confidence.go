package ocr

import "slices"

// unsureConf is the recognizer's confidence (0-100) below which a
// glyph makes its field one to compare with the document even when
// every check passes: two misreads in one field can compensate in its
// check digit (D4RE27906 read 04RE97906). Chosen on the tuning half of
// the real-print evaluation (mrzeval -docs, docs/mrz.md): of the
// unflagged fields of valid readings, 70 flagged 4 of the 5 wrong ones
// for 42 of 1,399 right ones; 60 none of the wrong, 80 all of them for
// 316 right ones.
const unsureConf = 70

// flagUnsure puts in review the fields of r whose least sure glyph is
// below unsureConf, keeping review in the order of FieldNames.
func flagUnsure(r Result) Result {
	var add bool
	for f, c := range r.Confidence {
		if c < unsureConf && slices.Contains(FieldNames, f) && !slices.Contains(r.Review, f) {
			add = true
		}
	}
	if !add {
		return r
	}
	var review []Field
	for _, f := range FieldNames {
		c, ok := r.Confidence[f]
		if slices.Contains(r.Review, f) || ok && c < unsureConf {
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
func (d *mrzDraft) fieldConfidence(g *glyphSource) map[Field]float64 {
	out := map[Field]float64{}
	for i, line := range d.lines {
		for j := range line {
			s, _, ok := g.symbol(i, j)
			if !ok {
				continue
			}
			name := d.fieldName(i, j)
			if c, seen := out[name]; !seen || s.Conf < c {
				out[name] = s.Conf
			}
		}
	}
	return out
}
