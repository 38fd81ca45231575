package mrz

// icaoCodes are the codes ICAO 9303 Part 3 adds to ISO 3166-1 alpha-3 for
// MRZ issuing states and nationalities.
var icaoCodes = [...]string{
	"D",                               // Germany, written D<<
	"GBD", "GBN", "GBO", "GBP", "GBS", // British nationals of other kinds
	"EUE",               // European Union
	"UNO", "UNA", "UNK", // United Nations and its agencies, Kosovo mission
	"XBA", "XIM", "XCC", "XCE", "XCO", // development bank, Int. Migration, Caribbean, Council of Europe, COMESA
	"XEC", "XES", "XPO", "XOM", "XDC", // ECOWAS, Eastern Caribbean, Interpol, Order of Malta, SADC
	"XXA", "XXB", "XXC", "XXX", // stateless, refugee, other refugee, unspecified
	"RKS", "XXK", // Kosovo
	"UTO", // Utopia, the ICAO specimen state
}

var countryCodes = func() map[string]bool {
	m := make(map[string]bool, len(iso3166Alpha3)+len(icaoCodes))
	for _, c := range iso3166Alpha3 {
		m[c] = true
	}
	for _, c := range icaoCodes {
		m[c] = true
	}
	return m
}()

// knownCountry reports whether code (fillers already trimmed) is an ISO
// 3166-1 alpha-3 code or one of ICAO's additions.
func knownCountry(code string) bool {
	return countryCodes[code]
}
