package app

import (
	"strconv"
	"strings"
)

// Role is what a person may do for a company in belgianIDpro.
type Role string

const (
	// Manager is the company's main access manager
	// (hoofdtoegangsbeheerder): grants and revokes staff access.
	Manager Role = "manager"
	// Staff is a member of staff; Access says whether the manager
	// granted them belgianIDpro.
	Staff Role = "staff"
)

// Company is an employer as the service knows it, and the signed-in
// person's standing there.
type Company struct {
	Number string `json:"number"` // enterprise number, 10 digits
	Name   string `json:"name"`
	Role   Role   `json:"role"`
	Access bool   `json:"access"` // may use belgianIDpro (always for the manager)
}

// Member is one person of a company's staff, as the main access manager
// sees them.
type Member struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Role   Role   `json:"role"`
	Access bool   `json:"access"`
}

// Requester is the signed-in staff member who sent a request.
type Requester struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Identity is who is signed in, and for which companies.
type Identity struct {
	Requester
	Language  string    `json:"language,omitempty"` // nl, fr, de or en
	Companies []Company `json:"companies"`
}

// Company returns the identity's company with that number.
func (id Identity) Company(number string) (Company, bool) {
	for _, c := range id.Companies {
		if c.Number == number {
			return c, true
		}
	}
	return Company{}, false
}

// ParseEnterprise accepts a Belgian enterprise number with or without its
// separators ("0403.170.701", "BE0403170701") and checks its mod-97
// check digits: the last two are 97 minus the first eight mod 97.
func ParseEnterprise(s string) (string, error) {
	d := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r
		case r == '.' || r == ' ' || r == '-':
			return -1
		}
		return 'x'
	}, strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "BE"))
	if len(d) == 9 {
		d = "0" + d
	}
	if len(d) != 10 || strings.ContainsRune(d, 'x') || (d[0] != '0' && d[0] != '1') {
		return "", Errorf("enterprise.invalid", nil, "value", s)
	}
	body, _ := strconv.Atoi(d[:8])
	check, _ := strconv.Atoi(d[8:])
	if 97-body%97 != check {
		return "", Errorf("enterprise.invalid", nil, "value", s)
	}
	return d, nil
}

// FormatEnterprise writes an enterprise number as 0403.170.701.
func FormatEnterprise(n string) string {
	if len(n) != 10 {
		return n
	}
	return n[:4] + "." + n[4:7] + "." + n[7:]
}
