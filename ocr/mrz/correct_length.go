package mrz

import "strings"

// fitting is one way to bring a line to its layout length.
type fitting struct {
	line  []byte
	fixes []Correction // Col is filled in; Line and Field later
}

// fittingsFor lists ways to bring line to length n by restoring lost
// fillers or dropping extra ones, most likely first: OCR loses or adds
// fillers in runs, so a run is grown or shrunk as a whole. A line ending in
// text first gets its end back; then the last run comes first, as it is
// the longest in most layouts (the end of a name, unused optional data).
func fittingsFor(line []byte, n int) []fitting {
	out := fittingsAll(line, n)
	return out[:min(len(out), maxFittings)]
}

// maxFittings bounds the ways tried per line: garbage with many filler
// runs would otherwise cost a correction pass per run.
const maxFittings = 8

func fittingsAll(line []byte, n int) []fitting {
	k := n - len(line)
	switch {
	case k == 0:
		return []fitting{{line: line}}
	case k > 0 && k <= n:
		return growRun(line, k)
	case k < 0 && -k <= n:
		return shrinkRun(line, -k, n)
	}
	return []fitting{padLine(line, n)}
}

// codeFillerFittings restores the filler after a one-letter document
// code (P<UTO read as PUTO) and puts any other lost fillers where
// fittingsFor would.
func codeFillerFittings(line []byte, n int) []fitting {
	if len(line) < 2 || len(line) >= n || line[1] == '<' {
		return nil
	}
	first := insertFillers(line, 1, []byte{'<'})
	var out []fitting
	for _, rest := range fittingsFor(first.line, n) {
		out = append(out, fitting{line: rest.line, fixes: append(append([]Correction(nil), first.fixes...), rest.fixes...)})
	}
	return out
}

// fillerRuns returns [start, end) of every run of '<', last first.
func fillerRuns(line []byte) [][2]int {
	var runs [][2]int
	for i := 0; i < len(line); {
		if line[i] != '<' {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '<' {
			j++
		}
		runs = append([][2]int{{i, j}}, runs...)
		i = j
	}
	return runs
}

func growRun(line []byte, k int) []fitting {
	var out []fitting
	ins := []byte(strings.Repeat("<", k))
	if len(line) == 0 || line[len(line)-1] != '<' {
		// A line ending in text lost its end (a name line's fillers).
		out = append(out, insertFillers(line, len(line), ins))
	}
	for _, r := range misreadRuns(line) {
		if r[1] < len(line) || line[len(line)-1] == '<' {
			out = append(out, insertFillers(line, r[1], ins))
		}
	}
	return out
}

// misreadRuns returns [start, end) of every run of fillers and letters
// read for fillers that holds a filler or is three long, last first:
// where a filler run that lost characters may end.
func misreadRuns(line []byte) [][2]int {
	var runs [][2]int
	for i := 0; i < len(line); {
		if strings.IndexByte(fillerMisreads+"<", line[i]) < 0 {
			i++
			continue
		}
		j, filler := i, false
		for j < len(line) && strings.IndexByte(fillerMisreads+"<", line[j]) >= 0 {
			filler = filler || line[j] == '<'
			j++
		}
		if filler || j-i >= 3 {
			runs = append([][2]int{{i, j}}, runs...)
		}
		i = j
	}
	return runs
}

func insertFillers(line []byte, at int, ins []byte) fitting {
	b := make([]byte, 0, len(line)+len(ins))
	b = append(append(append(b, line[:at]...), ins...), line[at:]...)
	fx := make([]Correction, len(ins))
	for i := range ins {
		fx[i] = Correction{Col: at + i, To: "<"}
	}
	return fitting{line: b, fixes: fx}
}

func shrinkRun(line []byte, k, n int) []fitting {
	var out []fitting
	for _, r := range fillerRuns(line) {
		if r[1]-r[0] >= k {
			out = append(out, removeChars(line, r[1]-k, k))
		}
	}
	// Extra characters at either end: fillers misread after the last run,
	// or a speck at the edge of the crop read as a character or two.
	tail := string(line[len(line)-k:])
	if k <= 2 || strings.Trim(tail, fillerMisreads+"<") == "" && len(out) == 0 {
		out = append(out, removeChars(line, len(line)-k, k))
	}
	if k <= 2 {
		out = append(out, removeChars(line, 0, k))
	}
	if len(out) == 0 {
		out = append(out, padLine(line, n))
	}
	return out
}

func removeChars(line []byte, at, k int) fitting {
	b := append(append([]byte(nil), line[:at]...), line[at+k:]...)
	fx := make([]Correction, k)
	for i := range k {
		fx[i] = Correction{Col: at, From: string(line[at+i])}
	}
	return fitting{line: b, fixes: fx}
}

// padLine cuts or fills line to n characters when no filler run explains the
// difference; the checks will then tell the text is wrong.
func padLine(line []byte, n int) fitting {
	if len(line) > n {
		return removeChars(line, n, len(line)-n)
	}
	return insertFillers(line, len(line), []byte(strings.Repeat("<", n-len(line))))
}
