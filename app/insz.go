package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// INSZ is a Belgian social-security identification number: a national
// register number or a BIS number, always 11 digits (YYMMDDSSSCC).
type INSZ string

// ParseINSZ accepts an INSZ with or without the usual separators
// ("85.07.30-033.28", "85073003328") and checks its length, month, day and
// mod-97 check digits. The century is not stored, so both are tried.
func ParseINSZ(s string) (INSZ, error) {
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == '.' || r == '-' || r == ' ' || r == '/':
			return -1
		}
		return 'x'
	}, s)
	if len(digits) != 11 || strings.ContainsRune(digits, 'x') {
		return "", Errorf("insz.length", nil, "value", s)
	}
	n := INSZ(digits)
	if !n.dateOK() {
		return "", Errorf("insz.date", nil, "value", s)
	}
	if !n.checkOK(false) && !n.checkOK(true) {
		return "", Errorf("insz.check", nil, "value", s)
	}
	return n, nil
}

// dateOK checks the month (1-12, +20 or +40 for BIS numbers, 00 when
// unknown) and the day; month 00 may carry any day (counter overflow).
func (n INSZ) dateOK() bool {
	month, day := n.field(2), n.field(4)
	m := month
	switch {
	case m >= 40:
		m -= 40
	case m >= 20:
		m -= 20
	}
	if m > 12 {
		return false
	}
	return m == 0 || day <= 31
}

func (n INSZ) field(i int) int {
	v, _ := strconv.Atoi(string(n[i : i+2]))
	return v
}

// checkOK tells whether the check digits fit a birth in the 1900s, or in
// 2000 or later (then the nine digits are prefixed with 2).
func (n INSZ) checkOK(born2000 bool) bool {
	base, _ := strconv.ParseInt(string(n[:9]), 10, 64)
	if born2000 {
		base += 2_000_000_000
	}
	cc, _ := strconv.Atoi(string(n[9:]))
	return 97-int(base%97) == cc
}

// String formats the number as YY.MM.DD-SSS.CC.
func (n INSZ) String() string {
	if len(n) != 11 {
		return string(n)
	}
	return fmt.Sprintf("%s.%s.%s-%s.%s", n[0:2], n[2:4], n[4:6], n[6:9], n[9:11])
}

// IsBIS tells a BIS number (month + 20 or + 40) from a national register
// number.
func (n INSZ) IsBIS() bool {
	return len(n) == 11 && n.field(2) >= 20
}

// NewBIS builds the BIS number for a birth date (possibly partial), a sex
// and a day sequence number (1-499; the service picks it so that numbers
// are unique). The month gets +40 when the sex is known and +20 when not;
// the sequence is odd for men and even for women.
func NewBIS(birth Date, sex Sex, seq int) (INSZ, error) {
	if seq < 1 || seq > 499 {
		return "", Errorf("insz.sequence", nil, "value", seq)
	}
	counter := seq * 2
	switch sex {
	case Male:
		counter = seq*2 - 1
	case Female, Unknown, Unspecified:
	}
	yy, mm, dd := birth.Year%100, birth.Month, birth.Day
	switch {
	case birth.Year == 0:
		yy, mm, dd = 0, 0, 1
	case sex == Male || sex == Female:
		mm += 40
	default:
		mm += 20
	}
	nine := fmt.Sprintf("%02d%02d%02d%03d", yy, mm, dd, counter)
	base, _ := strconv.ParseInt(nine, 10, 64)
	if birth.Year >= 2000 {
		base += 2_000_000_000
	}
	return INSZ(fmt.Sprintf("%s%02d", nine, 97-base%97)), nil
}

// BirthDate returns the birth date the number encodes, resolving the
// century from the check digits and, when both fit, from now.
func (n INSZ) BirthDate(now time.Time) Date {
	if len(n) != 11 || n[:6] == "000001" {
		return Date{}
	}
	yy, mm, dd := n.field(0), n.field(2)%20, n.field(4)
	year := 1900 + yy
	if n.checkOK(true) && (!n.checkOK(false) || 2000+yy <= now.Year()) {
		year = 2000 + yy
	}
	return Date{Year: year, Month: mm, Day: dd}
}
