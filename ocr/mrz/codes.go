package mrz

import "slices"

// CountryCodes lists the codes an MRZ may give as issuing state or
// nationality: ISO 3166-1 alpha-3 and ICAO's additions ("D" for Germany),
// so that forms offer what the reader accepts.
func CountryCodes() []string {
	return slices.Concat(iso3166Alpha3[:], icaoCodes[:])
}

// ISOCountryCodes lists the ISO 3166-1 alpha-3 codes alone: countries,
// where ICAO's additions also name organisations and statuses.
func ISOCountryCodes() []string {
	return slices.Clone(iso3166Alpha3[:])
}
