package ocr

import (
	"slices"
	"strings"
	"time"
)

// result reads the fields out of a corrected draft.
func (d *mrzDraft) result(raw []string, now time.Time) Result {
	res := Result{Found: true, Format: d.lay.format, RawLines: raw, Checks: map[string]bool{}}
	for _, l := range d.lines {
		res.Lines = append(res.Lines, string(l))
	}
	review := map[string]bool{}
	res.Valid = len(d.lay.checks) > 0
	for _, c := range d.checks() {
		ok := d.passes(c)
		res.Checks[c.name] = ok
		res.Valid = res.Valid && ok
		if !ok {
			review[c.name] = true
		}
	}
	t := d.texts()
	f := &res.Fields
	f.DocumentCode = strings.TrimRight(t["document_code"], "<")
	f.IssuingState = strings.Trim(t["issuing_state"], "<")
	f.Nationality = strings.Trim(t["nationality"], "<")
	if name, ok := t[nameField]; ok {
		f.Surname, f.GivenNames = splitName(name)
	} else {
		f.Surname, f.GivenNames = nameWords(t["surname"]), nameWords(t["given_names"])
	}
	f.DocumentNumber = strings.Trim(t["document_number"], "<")
	f.OptionalData = nameWords(t["optional_data"])
	datesOK := map[Field]bool{}
	if raw, present := t["birth_date"]; present {
		f.BirthDate, datesOK[FieldBirthDate] = birthDate(raw, now)
	}
	if raw, present := t["expiry_date"]; present {
		f.ExpiryDate, datesOK[FieldExpiryDate] = expiryDate(raw, now)
	}
	if raw, present := t["sex"]; present {
		switch raw {
		case "M", "F", "X":
			f.Sex = raw
		case "<":
			f.Sex = "X"
		default:
			review["sex"] = true
		}
	}
	if len(f.DocumentCode) == 2 && strings.IndexByte(fillerMisreads, f.DocumentCode[1]) >= 0 {
		// P< read as PK, PC, PE or PS: some states do use such codes.
		review["document_code"] = true
	}
	for name, v := range map[string]string{"document_number": f.DocumentNumber, "optional_data": f.OptionalData} {
		if lookalikeOfDigit(v) {
			review[name] = true
		}
	}
	for name := range d.unprotected() {
		review[name] = true
	}
	for _, name := range d.brokenStructure(*f, t, datesOK) {
		review[string(name)] = true
		res.Valid = false
	}
	corrected := map[string]bool{}
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
	values := map[string]string{
		"document_code": f.DocumentCode, "issuing_state": f.IssuingState, "surname": f.Surname,
		"given_names": f.GivenNames, "document_number": f.DocumentNumber, "nationality": f.Nationality,
		"birth_date": f.BirthDate, "sex": f.Sex, "expiry_date": f.ExpiryDate, "optional_data": f.OptionalData,
	}
	for _, name := range jsonFields {
		// An empty unprotected field needs no look, unless it is one the
		// request needs.
		needed := name == "surname" || name == "sex" || name == "document_number"
		if corrected[name] || (review[name] && (values[name] != "" || needed)) {
			res.Review = append(res.Review, name)
		}
	}
	return res
}

// lookalikeOfDigit tells whether v, mostly digits, holds a G: G counts
// 16 in a check digit and 6 counts 6, so no check digit can tell them
// apart and the user has to look.
func lookalikeOfDigit(v string) bool {
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] >= '0' && v[i] <= '9' {
			n++
		}
	}
	return strings.IndexByte(v, 'G') >= 0 && 2*n >= len(v)
}

// jsonFields are the json names of Fields, in their order.
var jsonFields = []string{
	"document_code", "issuing_state", "surname", "given_names", "document_number",
	"nationality", "birth_date", "sex", "expiry_date", "optional_data",
}

// texts gathers the raw text of each field, with a long document number
// moved out of the optional data; optional parts are joined by a filler.
func (d *mrzDraft) texts() map[string]string {
	t := map[string]string{}
	end, long := d.overflow()
	for _, fl := range d.lay.fields {
		if fl.slot {
			continue
		}
		text := string(d.lines[fl.line][fl.start:fl.end])
		if long && fl.line == d.lay.overflowLine && fl.start <= d.lay.overflowAt && d.lay.overflowAt < fl.end {
			t["document_number"] += string(d.lines[fl.line][d.lay.overflowAt : end-1])
			text = string(d.lines[fl.line][end:fl.end])
		}
		if prev, ok := t[fl.name]; ok && fl.name == "optional_data" {
			text = prev + "<" + text
		} else if ok {
			text = prev + text
		}
		t[fl.name] = text
	}
	return t
}

// fieldName names the field a correction at (line, col) belongs to.
func (d *mrzDraft) fieldName(line, col int) string {
	col = min(max(col, 0), len(d.lines[line])-1)
	if end, long := d.overflow(); long && line == d.lay.overflowLine && col >= d.lay.overflowAt && col < end {
		return "document_number"
	}
	fl := d.lay.at[line][col]
	if fl.name == nameField {
		if col-fl.start < nameSeparator(string(d.lines[line][fl.start:fl.end])) {
			return "surname"
		}
		return "given_names"
	}
	return fl.name
}

// unprotected lists the fields with data no check digit covers; names
// and sex are never covered. Codes are checked against the country list
// instead.
func (d *mrzDraft) unprotected() map[string]bool {
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
	out := map[string]bool{}
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
			out["surname"], out["given_names"] = true, true
		case fl.name != "document_code" && fl.name != "issuing_state" && fl.name != "nationality" && fl.name != otherField:
			out[fl.name] = true
		}
	}
	return out
}
