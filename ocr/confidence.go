package ocr

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
