package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Sex as the service records it. Unknown is "not given"; Unspecified is the
// X of a document that states no sex.
type Sex string

const (
	Unknown     Sex = ""
	Male        Sex = "M"
	Female      Sex = "F"
	Unspecified Sex = "X"
)

// Date is a possibly partial date: a zero part is unknown. Birth dates on
// foreign documents often lack the day or the month.
type Date struct {
	Year, Month, Day int
}

// ParseDate reads YYYY-MM-DD, YYYY-MM, YYYY, or DD/MM/YYYY and DD.MM.YYYY as
// people type them; "" is the unknown date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	var parts []string
	dayFirst := false
	switch {
	case strings.ContainsAny(s, "/."):
		parts = strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' })
		dayFirst = true
	default:
		parts = strings.Split(s, "-")
	}
	if len(parts) > 3 {
		return Date{}, Errorf("date.invalid", nil, "value", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, Errorf("date.invalid", err, "value", s)
		}
		nums[i] = v
	}
	var d Date
	if dayFirst {
		for i, j := 0, len(nums)-1; i < j; i, j = i+1, j-1 {
			nums[i], nums[j] = nums[j], nums[i]
		}
	}
	d.Year = nums[0]
	if len(nums) > 1 {
		d.Month = nums[1]
	}
	if len(nums) > 2 {
		d.Day = nums[2]
	}
	if err := d.validate(); err != nil {
		return Date{}, Errorf("date.invalid", err, "value", s)
	}
	return d, nil
}

func (d Date) validate() error {
	if d.Year < 1850 || d.Year > 2200 {
		return fmt.Errorf("year %d out of range", d.Year)
	}
	if d.Month < 0 || d.Month > 12 {
		return fmt.Errorf("month %d out of range", d.Month)
	}
	if d.Day < 0 || d.Day > 31 || (d.Day > 0 && d.Month == 0) {
		return fmt.Errorf("day %d out of range", d.Day)
	}
	if d.Day > 0 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day {
			return fmt.Errorf("no day %d in month %d", d.Day, d.Month)
		}
	}
	return nil
}

// IsZero tells the entirely unknown date.
func (d Date) IsZero() bool { return d == Date{} }

// Full tells whether year, month and day are all known.
func (d Date) Full() bool { return d.Year > 0 && d.Month > 0 && d.Day > 0 }

// After tells whether the known part of d lies after t (a birth date in the
// future is a typo).
func (d Date) After(t time.Time) bool {
	if d.IsZero() {
		return false
	}
	m, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC).After(t)
}

// String gives YYYY-MM-DD, YYYY-MM or YYYY, as much as is known.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MarshalText and UnmarshalText keep dates readable in JSON and in the store.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Person is the worker as printed on the identity document. Names are as
// printed (with accents), which the MRZ cannot give.
type Person struct {
	Surname      string `json:"surname"`
	GivenNames   string `json:"given_names"`
	Sex          Sex    `json:"sex"`
	BirthDate    Date   `json:"birth_date"`
	BirthPlace   string `json:"birth_place"`
	BirthCountry string `json:"birth_country"` // ICAO code
	Nationality  string `json:"nationality"`   // ICAO code
}

// Initials are the first letters of the given names and the surname
// ("Łukasz Wróbel" is "Ł. W."): how mail, notifications and the clerk's
// list name a worker without giving their name away.
func (p Person) Initials() string {
	var parts []string
	for _, name := range []string{p.GivenNames, p.Surname} {
		for _, r := range name {
			if unicode.IsLetter(r) {
				parts = append(parts, string(unicode.ToUpper(r))+".")
				break
			}
		}
	}
	return strings.Join(parts, " ")
}
