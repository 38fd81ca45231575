package specimen

import (
	"strings"
	"time"
)

// MRZ returns the document's machine-readable zone, one string per line,
// laid out as ICAO 9303 (TD1, TD2, TD3) or ISO 18013 (driving licence).
func (d Document) MRZ() []string {
	birth, expiry := mrzDate(d.BirthDate), mrzDate(d.ExpiryDate)
	number := pad(d.DocumentNumber, 9)
	numberCD := number + checkDigit(number)
	sex := mrzSex(d.Sex)
	switch d.Kind {
	case IDCard:
		return d.td1(pad(d.DocumentCode, 2)+pad(d.IssuingState, 3)+numberCD+pad(d.OptionalData, 15), "")
	case IDCardLong:
		// ICAO 9303 Part 5: the first 9 characters, '<' in the check
		// digit slot, then the rest of the number and its check digit
		// opening the optional data, which moves to line 2.
		n := d.DocumentNumber
		checked := n
		if d.FillerInCheck {
			checked = n[:9] + "<" + n[9:]
		}
		return d.td1(pad(d.DocumentCode, 2)+pad(d.IssuingState, 3)+n[:9]+"<"+pad(n[9:]+checkDigit(checked), 15), d.OptionalData)
	case VisaA, VisaB:
		width := 44
		if d.Kind == VisaB {
			width = 36
		}
		l2 := numberCD + pad(d.Nationality, 3) + birth + checkDigit(birth) + sex + expiry + checkDigit(expiry) + pad(d.OptionalData, width-28)
		return []string{pad(d.DocumentCode, 2) + pad(d.IssuingState, 3) + name(d, width-5), l2}
	case FrenchIDCard:
		l1 := pad(d.DocumentCode, 2) + pad(d.IssuingState, 3) + pad(mrzName(d.Surname), 25)[:25] + pad(d.OptionalData, 6)
		l2 := d.DocumentNumber + checkDigit(d.DocumentNumber) + frenchGivenNames(d) + birth + checkDigit(birth) + sex
		return []string{l1, l2 + checkDigit(l1+l2)}
	case SwissLicence:
		l2 := pad(d.DocumentCode, 2) + pad(d.IssuingState, 3) + pad(d.OptionalData, 12) + "<<" + birth
		return []string{pad(d.DocumentNumber, 9), pad(l2, 30), name(d, 30)}
	case TD2Card:
		opt := pad(d.OptionalData, 7)
		l2 := numberCD + pad(d.Nationality, 3) + birth + checkDigit(birth) + sex + expiry + checkDigit(expiry) + opt
		l2 += checkDigit(l2[0:10] + l2[13:20] + l2[21:35])
		return []string{pad(d.DocumentCode, 2) + pad(d.IssuingState, 3) + name(d, 31), l2}
	case DrivingLicence:
		// The French layout: the number's check digit covers everything
		// before it, the last one the whole line.
		l := pad(d.DocumentCode, 2) + pad(d.IssuingState, 3) + number
		l += checkDigit(l) + expiry + pad(mrzName(d.Surname), 8)[:8]
		return []string{l + checkDigit(l)}
	}
	opt := pad(d.OptionalData, 14)
	optCD := checkDigit(opt)
	if d.OptionalData == "" {
		optCD = "<"
	}
	l2 := numberCD + pad(d.Nationality, 3) + birth + checkDigit(birth) + sex + expiry + checkDigit(expiry) + opt + optCD
	l2 += checkDigit(l2[0:10] + l2[13:20] + l2[21:43])
	return []string{pad(d.DocumentCode, 2) + pad(d.IssuingState, 3) + name(d, 39), l2}
}

// td1 completes a TD1 MRZ from its first line and line 2's optional data.
func (d Document) td1(l1, opt string) []string {
	birth, expiry := mrzDate(d.BirthDate), mrzDate(d.ExpiryDate)
	l2 := birth + checkDigit(birth) + mrzSex(d.Sex) + expiry + checkDigit(expiry) + pad(d.Nationality, 3) + pad(opt, 11)
	l2 += checkDigit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29])
	return []string{l1, l2, name(d, 30)}
}

func name(d Document, width int) string {
	return pad(mrzName(d.Surname)+"<<"+mrzName(d.GivenNames), width)[:width]
}

func mrzName(s string) string { return strings.ReplaceAll(s, " ", "<") }

func isFiller(r rune) bool { return r == '<' }

// mrzSex writes the unspecified sex X as the MRZ does, '<'.
func mrzSex(s string) string {
	if s == "X" {
		return "<"
	}
	return s
}

func mrzDate(t time.Time) string { return t.Format("060102") }

func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat("<", n-len(s))
}

// checkDigit is ICAO 9303's check digit, computed here independently of the
// parser so that the generator is a separate oracle for it.
func checkDigit(s string) string {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		v := 0
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		}
		sum += v * weights[i%3]
	}
	return string(rune('0' + sum%10))
}
