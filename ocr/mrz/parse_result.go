package mrz

import (
	"slices"
	"strings"
	"time"
)

// result reads the fields out of a corrected draft.
func (d *Draft) result(raw []string, now time.Time) Result {
	res := Result{Found: true, Format: d.lay.format, RawLines: raw, Checks: map[string]bool{}}
	for _, l := range d.lines {
		res.Lines = append(res.Lines, string(l))
	}
	review := map[Field]bool{}
	res.Valid = len(d.lay.checks) > 0
	for _, c := range d.checks() {
		ok := d.passes(c)
		res.Checks[string(c.name)] = ok
		res.Valid = res.Valid && ok
		if !ok {
			review[c.name] = true
		}
	}
	t := d.texts()
	f := &res.Fields
	f.DocumentCode = strings.TrimRight(t[FieldDocumentCode], "<")
	f.IssuingState = strings.Trim(t[FieldIssuingState], "<")
	f.Nationality = strings.Trim(t[FieldNationality], "<")
	if name, ok := t[nameField]; ok {
		f.Surname, f.GivenNames = splitName(name)
	} else {
		f.Surname, f.GivenNames = nameWords(t[FieldSurname]), nameWords(t[FieldGivenNames])
	}
	f.DocumentNumber = strings.Trim(t[FieldDocumentNumber], "<")
	f.OptionalData = nameWords(t[FieldOptionalData])
	datesOK := map[Field]bool{}
	if raw, present := t[FieldBirthDate]; present {
		f.BirthDate, datesOK[FieldBirthDate] = birthDate(raw, now)
	}
	if raw, present := t[FieldExpiryDate]; present {
		f.ExpiryDate, datesOK[FieldExpiryDate] = expiryDate(raw, now)
	}
	if raw, present := t[FieldSex]; present {
		switch raw {
		case "M", "F", "X":
			f.Sex = raw
		case "<":
			f.Sex = "X"
		default:
			review[FieldSex] = true
		}
	}
	if len(f.DocumentCode) == 2 && issuerCodeChar(d.lay.format) {
		// The document code's second character is the issuer's choice
		// and no check digit covers it: ID read as IP, C1 as CQ, or P<
		// as PK pass every check.
		review[FieldDocumentCode] = true
	}
	for name, v := range map[Field]string{FieldDocumentNumber: f.DocumentNumber, FieldOptionalData: f.OptionalData} {
		if lookalikeOfDigit(v) {
			review[name] = true
		}
	}
	for name := range d.unprotected() {
		review[name] = true
	}
	for _, name := range d.brokenStructure(*f, t, datesOK) {
		review[name] = true
		res.Valid = false
	}
	corrected := map[Field]bool{}
	for i := range d.fixes {
		d.fixes[i].Field = d.fieldName(d.fixes[i].Line, d.fixes[i].Col)
		corrected[d.fixes[i].Field] = true
	}
	slices.SortStableFunc(d.fixes, func(a, b Correction) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	res.Corrections = d.fixes
	values := map[Field]string{
		FieldDocumentCode: f.DocumentCode, FieldIssuingState: f.IssuingState, FieldSurname: f.Surname,
		FieldGivenNames: f.GivenNames, FieldDocumentNumber: f.DocumentNumber, FieldNationality: f.Nationality,
		FieldBirthDate: f.BirthDate, FieldSex: f.Sex, FieldExpiryDate: f.ExpiryDate, FieldOptionalData: f.OptionalData,
	}
	for _, name := range FieldNames {
		// An empty unprotected field needs no look, unless it is one the
		// request needs, or given names: a name line whose << separator
		// was misread (as ZZ) leaves them empty, all in the surname.
		needed := name == FieldSurname || name == FieldGivenNames || name == FieldSex || name == FieldDocumentNumber
		if corrected[name] || (review[name] && (values[name] != "" || needed)) {
			res.Review = append(res.Review, name)
		}
	}
	return res
}

// issuerCodeChar tells whether the format's document code has a second
// character the issuer chooses freely; the licences' (D1, FA) and the
// old French card's (ID) are fixed.
func issuerCodeChar(f Format) bool {
	switch f {
	case TD1, TD2, TD3, MRVA, MRVB:
		return true
	}
	return false
}

// lookalikeOfDigit tells whether v, mostly digits, holds a letter that
// weighs in a check digit what the digit it looks like weighs: G counts
// 16 and 6 counts 6, S 28 and 8 8. No check digit can tell them apart,
// so the user has to look.
func lookalikeOfDigit(v string) bool {
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] >= '0' && v[i] <= '9' {
			n++
		}
	}
	return strings.ContainsAny(v, "GS") && 2*n >= len(v)
}

// texts gathers the raw text of each field, with a long document number
// moved out of the optional data; optional parts are joined by a filler.
func (d *Draft) texts() map[Field]string {
	t := map[Field]string{}
	end, long := d.overflow()
	for _, fl := range d.lay.fields {
		if fl.slot {
			continue
		}
		text := string(d.lines[fl.line][fl.start:fl.end])
		if long && fl.line == d.lay.overflowLine && fl.start <= d.lay.overflowAt && d.lay.overflowAt < fl.end {
			t[FieldDocumentNumber] += string(d.lines[fl.line][d.lay.overflowAt : end-1])
			text = string(d.lines[fl.line][end:fl.end])
		}
		if prev, ok := t[fl.name]; ok && fl.name == FieldOptionalData {
			text = prev + "<" + text
		} else if ok {
			text = prev + text
		}
		t[fl.name] = text
	}
	return t
}

// fieldName names the field a correction at (line, col) belongs to.
func (d *Draft) fieldName(line, col int) Field {
	col = min(max(col, 0), len(d.lines[line])-1)
	if end, long := d.overflow(); long && line == d.lay.overflowLine && col >= d.lay.overflowAt && col < end {
		return FieldDocumentNumber
	}
	fl := d.lay.at[line][col]
	if fl.name == nameField {
		if col-fl.start < nameSeparator(string(d.lines[line][fl.start:fl.end])) {
			return FieldSurname
		}
		return FieldGivenNames
	}
	return fl.name
}

// unprotected lists the fields with data no check digit covers; names
// and sex are never covered. Codes are checked against the country list
// instead.
func (d *Draft) unprotected() map[Field]bool {
	covered := map[charPos]bool{}
	for _, c := range d.checks() {
		for _, v := range c.variants {
			for _, s := range v {
				for j := s.start; j < s.end; j++ {
					covered[charPos{s.line, j}] = true
				}
			}
		}
	}
	out := map[Field]bool{}
	for _, fl := range d.lay.fields {
		if fl.slot {
			continue
		}
		whole := true
		for j := fl.start; j < fl.end; j++ {
			whole = whole && covered[charPos{fl.line, j}]
		}
		switch {
		case whole:
		case fl.name == nameField:
			out[FieldSurname], out[FieldGivenNames] = true, true
		case fl.name != FieldDocumentCode && fl.name != FieldIssuingState && fl.name != FieldNationality && fl.name != otherField:
			out[fl.name] = true
		}
	}
	return out
}
