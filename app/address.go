package app

import (
	"strconv"
	"strings"
)

// Address is a postal address. Country is an ISO 3166-1 alpha-2 code ("BE"
// for a Belgian address). Box is the Belgian box number, written apart
// because bpost wants "bus 20", never "32/20".
type Address struct {
	Street       string `json:"street"`
	Number       string `json:"number"`
	Box          string `json:"box,omitempty"`
	PostalCode   string `json:"postal_code"`
	Municipality string `json:"municipality"`
	Country      string `json:"country"`
}

// IsZero tells an address nobody started to fill in.
func (a Address) IsZero() bool {
	return strings.TrimSpace(a.Street+a.Number+a.Box+a.PostalCode+a.Municipality) == ""
}

// Belgian tells an address in Belgium.
func (a Address) Belgian() bool { return strings.EqualFold(a.Country, "BE") }

// Validate checks an address that was started: street, number and
// municipality are needed everywhere; in Belgium the postcode is 4 digits
// from 1000 to 9992 and the number carries no box.
func (a Address) Validate() error {
	switch {
	case strings.TrimSpace(a.Street) == "":
		return Errorf("address.street_missing", nil)
	case strings.TrimSpace(a.Number) == "":
		return Errorf("address.number_missing", nil)
	case strings.TrimSpace(a.Municipality) == "":
		return Errorf("address.municipality_missing", nil)
	case strings.TrimSpace(a.Country) == "":
		return Errorf("address.country_missing", nil)
	}
	if !a.Belgian() {
		return nil
	}
	if n, err := strconv.Atoi(a.PostalCode); err != nil || len(a.PostalCode) != 4 || n < 1000 || n > 9992 {
		return Errorf("address.postcode_invalid", err, "value", a.PostalCode)
	}
	if strings.ContainsAny(a.Number, "/ ") {
		return Errorf("address.box_in_number", nil, "value", a.Number)
	}
	return nil
}
