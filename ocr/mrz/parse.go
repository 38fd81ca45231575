package mrz

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
	return keepBroken(parseAt(lines, now), now)
}

// parseAt is ParseAt before keepBroken, for the reader to correct
// further.
func parseAt(lines []string, now time.Time) Result {
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
func bestReading(norm [][]byte) (*Draft, fitScore) {
	var best *Draft
	var bestScore fitScore
	for _, w := range lineWindows(norm) {
		for _, lay := range layoutsFor(len(w)) {
			if !lay.accepts(string(w[0])) || !plausibleLength(lay, w) {
				continue
			}
			d := fitLayout(lay, w)
			if d == nil || !lay.accepts(string(d.lines[0])) {
				continue // corrections made it another layout's text
			}
			s := d.fitScore()
			s.uncovered = len(norm) - len(w)
			if best == nil || s.better(bestScore) {
				best, bestScore = d, s
			}
			if s.cost() == 0 && s.passing > 0 && s.fixes == 0 && s.uncovered == 0 {
				return best, bestScore // read as printed: nothing can beat it
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

// lineWindows are the runs of up to three consecutive lines an MRZ may
// be, longest first.
func lineWindows(lines [][]byte) [][][]byte {
	if len(lines) > maxLines {
		return nil
	}
	var out [][][]byte
	for size := min(3, len(lines)); size >= 1; size-- {
		for i := 0; i+size <= len(lines); i++ {
			out = append(out, lines[i:i+size])
		}
	}
	return out
}

// plausibleLength rejects text far too short or long for a layout: OCR
// loses fillers, but not most of a line.
func plausibleLength(lay *layout, lines [][]byte) bool {
	got, want := 0, 0
	for i, l := range lines {
		got += len(l)
		want += lay.lengths[i]
	}
	return got*2 >= want && got <= want*3/2
}
