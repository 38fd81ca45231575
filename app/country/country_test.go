package country

import (
	"testing"
)

func extras(code string) string {
	if code == "XXA" {
		return "Staatloos"
	}
	return ""
}

// A user finds Poland by its codes and by its name in any of the app's
// languages, accents or not; the list shows the name in the user's own.
func TestFindByCodeOrNameInAnyLanguage(t *testing.T) {
	icao := ICAO("nl", extras)
	for _, q := range []string{"pol", "POL", "PL", "Pologne", "Polen", "Poland", "pologne "} {
		got := icao.Find(q)
		if len(got) == 0 || got[0].Code != "POL" || got[0].Label() != "Polen (POL)" {
			t.Errorf("ICAO %q: first %+v", q, first(got))
		}
	}
	iso := ISO("fr")
	for _, q := range []string{"pol", "PL", "Polen"} {
		if got := iso.Find(q); len(got) == 0 || got[0].Code != "PL" || got[0].Label() != "Pologne (PL)" {
			t.Errorf("ISO %q: first %+v", q, first(got))
		}
	}
	if got := ISO("nl").Find("Belgie"); len(got) == 0 || got[0].Name != "België" {
		t.Errorf("Belgie: first %+v", first(got))
	}
	if got := icao.Find("zzzz"); len(got) != 0 {
		t.Errorf("zzzz found %v", got)
	}
}

// ICAO's additions are listed: Germany's D, the stateless, Kosovo.
func TestICAOAdditions(t *testing.T) {
	icao := ICAO("de", extras)
	for code, name := range map[string]string{"D": "Deutschland", "XXA": "Staatloos", "RKS": "Kosovo", "EUE": "Europäische Union", "UTO": "UTO"} {
		if c, ok := icao.Lookup(code); !ok || c.Name != name {
			t.Errorf("%s: %+v, want %q", code, c, name)
		}
	}
	for code, want := range map[string]string{"POL": "PL", "D": "DE", "DEU": "DE", "RKS": "XK", "XXA": ""} {
		if got, _ := Alpha2(code); got != want {
			t.Errorf("Alpha2(%s) = %q, want %q", code, got, want)
		}
	}
}

// Typed text becomes a code when it names one country only.
func TestResolve(t *testing.T) {
	icao, iso := ICAO("en", extras), ISO("en")
	for text, want := range map[string]string{"pol": "POL", "Pologne": "POL", "pl": "POL", "d": "D"} {
		if got, ok := icao.Resolve(text); !ok || got != want {
			t.Errorf("ICAO Resolve(%q) = %q, %v; want %s", text, got, ok, want)
		}
	}
	if got, ok := iso.Resolve("belgie"); !ok || got != "BE" {
		t.Errorf("ISO Resolve(belgie) = %q %v", got, ok)
	}
	for _, text := range []string{"Germany", "Po", ""} {
		if got, ok := icao.Resolve(text); ok {
			t.Errorf("ICAO Resolve(%q) = %q: ambiguous or unknown", text, got)
		}
	}
}

func first(cs []Country) Country {
	if len(cs) == 0 {
		return Country{}
	}
	return cs[0]
}
