package mrz

import (
	"fmt"
	"time"
)

// expiryAhead is how far in the future an expiry date may lie before its
// two-digit year is read as last century: passports and ID cards run for at
// most ten years, some cards for the holder's lifetime in practice.
const expiryAhead = 20

// birthDate resolves a YYMMDD birth date to YYYY-MM-DD in the past of now.
// A date with unknown parts ('<' or 'X') keeps its six raw characters and
// counts as well formed; ok is false when the date cannot exist.
func birthDate(raw string, now time.Time) (string, bool) {
	return resolveDate(raw, func(yy int, month time.Month, day int) int {
		if time.Date(2000+yy, month, day, 0, 0, 0, 0, time.UTC).After(now) {
			return 1900 + yy
		}
		return 2000 + yy
	})
}

// expiryDate resolves a YYMMDD expiry date to YYYY-MM-DD, at most
// expiryAhead years after now.
func expiryDate(raw string, now time.Time) (string, bool) {
	return resolveDate(raw, func(yy int, _ time.Month, _ int) int {
		if 2000+yy > now.Year()+expiryAhead {
			return 1900 + yy
		}
		return 2000 + yy
	})
}

func resolveDate(raw string, century func(yy int, month time.Month, day int) int) (string, bool) {
	if len(raw) != 6 {
		return raw, false
	}
	var n [6]int
	for i := range 6 {
		c := raw[i]
		switch {
		case c == '<' || c == 'X':
			return raw, true
		case c < '0' || c > '9':
			return raw, false
		}
		n[i] = int(c - '0')
	}
	yy, month, day := n[0]*10+n[1], time.Month(n[2]*10+n[3]), n[4]*10+n[5]
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return raw, false
	}
	year := century(yy, month, day)
	if time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Day() != day {
		return raw, false
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}
