package ocr

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// maxLines bounds the lines searched for an MRZ, so that a page of text
// costs little.
const maxLines = 8

// Parse parses and corrects the lines of one MRZ as read by OCR: they may
// have wrong lengths, stray spaces, lowercase, lost or misread fillers.
// Dates are resolved relative to the current time. It never panics.
func Parse(lines []string) Result {
	return ParseAt(lines, time.Now())
}

// ParseText splits text into blocks separated by blank lines and parses
// each block that holds text.
func ParseText(text string) []Result {
	return ParseTextAt(text, time.Now())
}

// ParseTextAt is ParseText with dates resolved relative to now.
func ParseTextAt(text string, now time.Time) []Result {
	var out []Result
	var block []string
	flush := func() {
		if len(block) > 0 {
			out = append(out, ParseAt(block, now))
			block = nil
		}
	}
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		block = append(block, strings.TrimRight(line, "\r\n"))
	}
	flush()
	return out
}

// ParseAt is Parse with birth dates resolved into the past of now and
// expiry dates into a window around it.
func ParseAt(lines []string, now time.Time) Result {
	res := Result{RawLines: lines}
	norm := normalise(lines)
	if len(norm) == 0 {
		return res
	}
	norm = splitJoined(norm)
	for _, l := range norm {
		res.Lines = append(res.Lines, string(l))
	}
	best, bestScore := bestReading(norm)
	if len(norm) > 1 && (best == nil || bestScore.failing > 0 || bestScore.uncovered > 0) {
		// Lines come bottom first from some crops and recognisers.
		reversed := slices.Clone(norm)
		slices.Reverse(reversed)
		if d, s := bestReading(reversed); d != nil && (best == nil || s.better(bestScore)) {
			best = d
		}
	}
	if best == nil {
		return res
	}
	return best.result(lines, now)
}

// bestReading fits every layout to every window of lines and returns the
// best reading.
func bestReading(norm [][]byte) (*mrzDraft, fitScore) {
	var best *mrzDraft
	var bestScore fitScore
	for _, w := range lineWindows(norm) {
		for _, lay := range layoutsFor(len(w.lines)) {
			if !lay.accepts(string(w.lines[0])) || !plausibleLength(lay, w.lines) {
				continue
			}
			d := fitLayout(lay, w.lines)
			s := d.fitScore()
			s.uncovered = len(norm) - len(w.lines)
			if best == nil || s.better(bestScore) {
				best, bestScore = d, s
			}
		}
		if best != nil && bestScore.failing == 0 && bestScore.uncovered == 0 && bestScore.passing > 0 {
			break // all lines read and every check passes
		}
	}
	return best, bestScore
}

// normalise uppercases, drops blanks and empty lines, and maps the
// characters OCR engines use for the filler to '<'.
func normalise(lines []string) [][]byte {
	var out [][]byte
	for _, l := range lines {
		var b []byte
		for _, r := range strings.ToUpper(l) {
			switch {
			case unicode.IsSpace(r):
			case r == '«' || r == '‹' || r == '<':
				b = append(b, '<')
			case r < unicode.MaxASCII:
				b = append(b, byte(r))
			default:
				b = append(b, '?')
			}
		}
		if len(b) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// splitJoined splits a single line that holds a whole MRZ, as pasted
// from a document where its line breaks were lost.
func splitJoined(lines [][]byte) [][]byte {
	if len(lines) != 1 {
		return lines
	}
	l := lines[0]
	switch len(l) {
	case 2 * 44, 2 * 36:
		return [][]byte{l[:len(l)/2], l[len(l)/2:]}
	case 3 * 30:
		return [][]byte{l[:30], l[30:60], l[60:]}
	}
	return lines
}

type lineWindow struct{ lines [][]byte }

// windows are the runs of up to three consecutive lines an MRZ may be,
// all of them first.
func lineWindows(lines [][]byte) []lineWindow {
	if len(lines) <= 3 {
		out := []lineWindow{{lines}}
		if len(lines) == 1 {
			return out
		}
		for size := len(lines) - 1; size >= 1; size-- {
			for i := 0; i+size <= len(lines); i++ {
				out = append(out, lineWindow{lines[i : i+size]})
			}
		}
		return out
	}
	if len(lines) > maxLines {
		return nil
	}
	var out []lineWindow
	for size := 3; size >= 1; size-- {
		for i := 0; i+size <= len(lines); i++ {
			out = append(out, lineWindow{lines[i : i+size]})
		}
	}
	return out
}

// plausibleLength rejects text far too short or long for a layout: OCR
// loses fillers, but not most of a line.
func plausibleLength(lay *mrzLayout, lines [][]byte) bool {
	got, want := 0, 0
	for i, l := range lines {
		got += len(l)
		want += lay.lengths[i]
	}
	return got*2 >= want && got <= want*3/2
}

// fit brings each line to its length, choosing among the ways to restore
// fillers the one the check digits like best, then corrects the text.
func fitLayout(lay *mrzLayout, lines [][]byte) *mrzDraft {
	options := make([][]fitting, len(lines))
	choice := make([]fitting, len(lines))
	for i, l := range lines {
		options[i] = fittingsFor(l, lay.lengths[i])
		if i == 0 && lay.codeFiller() {
			options[i] = append(options[i], codeFillerFittings(l, lay.lengths[i])...)
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
func correctDraft(lay *mrzLayout, choice []fitting) *mrzDraft {
	d := prepare(lay, choice)
	d.repairChecks()
	return d
}

// prepare applies the corrections that need no search; enough to compare
// ways of fitting the lines.
func prepare(lay *mrzLayout, choice []fitting) *mrzDraft {
	lines := make([][]byte, len(choice))
	var fixes []Correction
	for i, c := range choice {
		lines[i] = c.line
		for _, fx := range c.fixes {
			fx.Line = i
			fixes = append(fixes, fx)
		}
	}
	d := newMrzDraft(lay, lines, fixes)
	d.fixClasses()
	d.fixCountries()
	d.fixNames()
	d.fixFillerRuns()
	return d
}

// fitScore ranks the readings of a text. Failed checks, unknown country
// codes and unused lines count most; then the fillers the fitting had to add (OCR loses many)
// and, far more, to drop (OCR rarely invents them), so that a passport's
// lines are not cut down to a TD2 whose random composite check passes.
// Ties go to more checks passed, text nearer the layout, fewer changes.
type fitScore struct {
	failing, uncovered, inserted, removed, deviation, passing, fixes int
}

func (d *mrzDraft) fitScore() fitScore {
	s := fitScore{deviation: d.deviation, fixes: len(d.fixes)}
	for _, c := range d.checks() {
		if d.passes(c) {
			s.passing++
		} else {
			s.failing++
		}
	}
	s.failing += d.unknownCountries()
	for _, fx := range d.fixes {
		switch {
		case fx.From == "":
			s.inserted++
		case fx.To == "":
			s.removed++
		}
	}
	return s
}

// unknownCountries counts the country fields that hold no known code.
func (d *mrzDraft) unknownCountries() int {
	n := 0
	for _, fl := range d.lay.fields {
		if fl.name == "issuing_state" || fl.name == "nationality" {
			if !knownCountry(strings.Trim(string(d.lines[fl.line][fl.start:fl.end]), "<")) {
				n++
			}
		}
	}
	return n
}

func (s fitScore) cost() int {
	return 16*(s.failing+s.uncovered) + 8*s.removed + s.inserted
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
	for name, code := range map[string]string{"issuing_state": f.IssuingState, "nationality": f.Nationality} {
		if _, present := t[name]; present && !knownCountry(code) {
			review[name] = true
		}
	}
	if name, ok := t[nameField]; ok {
		f.Surname, f.GivenNames = splitName(name)
	} else {
		f.Surname, f.GivenNames = nameWords(t["surname"]), nameWords(t["given_names"])
	}
	f.DocumentNumber = strings.Trim(t["document_number"], "<")
	f.OptionalData = nameWords(t["optional_data"])
	var ok bool
	if raw, present := t["birth_date"]; present {
		if f.BirthDate, ok = birthDate(raw, now); !ok {
			review["birth_date"] = true
		}
	}
	if raw, present := t["expiry_date"]; present {
		if f.ExpiryDate, ok = expiryDate(raw, now); !ok {
			review["expiry_date"] = true
		}
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
