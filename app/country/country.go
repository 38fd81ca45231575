// Package country names the countries a request refers to, in the user's
// language, and finds them from what a user types: a code or a name, in
// any of the app's languages, with or without accents. Names come from
// CLDR through golang.org/x/text; the codes are those the MRZ reader
// accepts (ocr.CountryCodes), so a form offers what a document can say.
package country

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"

	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/ocr"
)

// Country is one choice of a list: Code is what a request stores, Name
// what the user reads, Other the country's other code (alpha-2 for an
// ICAO code, alpha-3 for an ISO one), which users type as well.
type Country struct {
	Code, Name, Other string
	keys              []string // folded names in every language, then codes
}

// Label is how a choice is shown: "Polen (POL)".
func (c Country) Label() string { return c.Name + " (" + c.Code + ")" }

// List is the countries of one kind, named in one language and sorted as
// that language sorts.
type List struct {
	items  []Country
	byCode map[string]int
}

// icaoRegions are ICAO additions that CLDR names as a region of its own.
var icaoRegions = map[string]string{"D": "DE", "RKS": "XK", "XXK": "XK", "EUE": "EU", "UNO": "UN"}

// Alpha2 is the ISO 3166-1 alpha-2 region of an ICAO code ("POL" -> "PL",
// "D" -> "DE"); false for the statuses and organisations ICAO adds.
func Alpha2(icao string) (string, bool) {
	if r, ok := icaoRegions[icao]; ok {
		return r, true
	}
	r, err := language.ParseRegion(icao)
	if err != nil || r.ISO3() != icao {
		return "", false
	}
	return r.String(), true
}

// ICAO lists the nationalities and issuing states of travel documents,
// by ICAO code. names gives, in the user's language, the codes CLDR has no
// name for (stateless, refugee, British nationals of other kinds, the
// specimen state...); a code it does not name either is listed by itself.
func ICAO(lang string, names func(code string) string) *List {
	var items []Country
	for _, code := range ocr.CountryCodes() {
		c := Country{Code: code}
		if r, ok := Alpha2(code); ok {
			c.Other = r
			c.Name, c.keys = regionNames(lang, r)
		}
		if c.Name == "" {
			c.Name = names(code)
			c.keys = []string{Fold(c.Name)}
		}
		if c.Name == "" {
			c.Name = code
		}
		items = append(items, c)
	}
	return newList(lang, items)
}

// ISO lists the countries of postal addresses, by ISO 3166-1 alpha-2 code.
func ISO(lang string) *List {
	var items []Country
	for _, code := range ocr.ISOCountryCodes() {
		r, err := language.ParseRegion(code)
		if err != nil {
			continue
		}
		c := Country{Code: r.String(), Other: code}
		c.Name, c.keys = regionNames(lang, r.String())
		items = append(items, c)
	}
	return newList(lang, items)
}

// regionNames is the region's name in lang and its folded names in every
// language of the app: a user in Brussels may type the French name in the
// Dutch interface.
func regionNames(lang, region string) (string, []string) {
	return display.Regions(language.Make(lang)).Name(language.MustParseRegion(region)), slices.Clone(searchKeys()[region])
}

// searchKeys are the folded names of every region in every language of
// the app, by alpha-2 code; worked out once, whatever the UI's language.
var searchKeys = sync.OnceValue(func() map[string][]string {
	var regions []language.Region
	for _, code := range ocr.ISOCountryCodes() {
		if r, err := language.ParseRegion(code); err == nil {
			regions = append(regions, r)
		}
	}
	for _, region := range icaoRegions {
		regions = append(regions, language.MustParseRegion(region))
	}
	keys := map[string][]string{}
	for _, l := range locale.Supported {
		namer := display.Regions(language.Make(l))
		for _, r := range regions {
			if k := Fold(namer.Name(r)); k != "" && !slices.Contains(keys[r.String()], k) {
				keys[r.String()] = append(keys[r.String()], k)
			}
		}
	}
	return keys
})

func newList(lang string, items []Country) *List {
	col := collate.New(language.Make(lang), collate.Loose)
	// Same names (Germany as D and DEU) put ICAO's own code first.
	slices.SortFunc(items, func(a, b Country) int {
		return cmp.Or(col.CompareString(a.Name, b.Name), strings.Compare(a.Code, b.Code))
	})
	l := &List{items: items, byCode: make(map[string]int, len(items))}
	for i := range l.items {
		c := &l.items[i]
		c.keys = append(c.keys, strings.ToLower(c.Code))
		if c.Other != "" {
			c.keys = append(c.keys, strings.ToLower(c.Other))
		}
		l.byCode[c.Code] = i
	}
	return l
}

// All is every country of the list, in order of name.
func (l *List) All() []Country { return l.items }

// Lookup finds a country by the code a request stores.
func (l *List) Lookup(code string) (Country, bool) {
	i, ok := l.byCode[code]
	if !ok {
		return Country{}, false
	}
	return l.items[i], true
}

// Find lists the countries query may mean, best first: a code typed
// whole, then names that begin with it, then names with a word that
// begins with it, then names that contain it.
func (l *List) Find(query string) []Country {
	q := Fold(query)
	if q == "" {
		return nil
	}
	var ranked [4][]Country
	for _, c := range l.items {
		if rank := c.rank(q); rank >= 0 {
			ranked[rank] = append(ranked[rank], c)
		}
	}
	return slices.Concat(ranked[:]...)
}

// rank places c in Find's order for the folded query q; -1 when c does
// not match.
func (c Country) rank(q string) int {
	codes := c.keys[len(c.keys)-1:]
	if c.Other != "" {
		codes = c.keys[len(c.keys)-2:]
	}
	names := c.keys[:len(c.keys)-len(codes)]
	if slices.Contains(codes, q) {
		return 0
	}
	best := -1
	for _, n := range names {
		switch {
		case strings.HasPrefix(n, q):
			return 1
		case strings.Contains(n, " "+q) || strings.Contains(n, "-"+q):
			best = 2
		case best < 0 && strings.Contains(n, q):
			best = 3
		}
	}
	return best
}

// Resolve is the code text stands for: a code of the list, in any case,
// or a name that one country alone has; false otherwise.
func (l *List) Resolve(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if c, ok := l.Lookup(strings.ToUpper(t)); ok {
		return c.Code, true
	}
	q := Fold(t)
	var found []string
	for _, c := range l.items {
		if slices.Contains(c.keys, q) && !slices.Contains(found, c.Code) {
			found = append(found, c.Code)
		}
	}
	if len(found) != 1 {
		return "", false
	}
	return found[0], true
}

// Fold makes text comparable as users type it: lower case, without
// accents, without surrounding spaces ("  België" -> "belgie").
func Fold(text string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.TrimSpace(text)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
