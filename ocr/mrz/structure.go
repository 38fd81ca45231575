package mrz

import "strings"

// dlBAP is the BAP configuration character every EU licence prints.
const dlBAP = '1'

// brokenStructure lists the fields of a fitted MRZ that break its
// format's structure, whatever its check digits say: a mod-10 check
// passes one random reading in ten, so junk text or a line read in
// the wrong place can pass them all, and "valid" must mean that the
// reading has the shape of a real MRZ too.
//   - Issuing state and nationality are letters and a known code (ISO
//     3166-1 alpha-3 and ICAO's additions, D<< for Germany).
//   - The document code opens with a letter ICAO 9303 gives the format.
//   - A driving licence opens D1: D, then the BAP configuration, of
//     which ISO 18013-3 defines the one, 1 (every EU licence prints
//     D1 and its state: D1FRA, D1NLD).
//   - Dates are real dates, the sex M, F, X or a filler.
func (d *Draft) brokenStructure(f Fields, texts map[Field]string, datesOK map[Field]bool) []Field {
	var out []Field
	for _, name := range []Field{FieldIssuingState, FieldNationality} {
		if _, present := texts[name]; present && !knownCountry(f.Get(name)) {
			out = append(out, name)
		}
	}
	if d.foreignCode() > 0 || (d.lay.format == DLEU && d.lines[0][1] != dlBAP) {
		out = append(out, FieldDocumentCode)
	}
	for _, name := range []Field{FieldBirthDate, FieldExpiryDate} {
		if ok, present := datesOK[name]; present && !ok {
			out = append(out, name)
		}
	}
	if raw, present := texts[FieldSex]; present && !strings.Contains("MFX<", raw) {
		out = append(out, FieldSex)
	}
	return out
}
