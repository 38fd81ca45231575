package register

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/idpro/idpro/app"
)

// Shares of generated people with a trait, chosen so that a register of a
// few hundred holds several of each case the matching rules distinguish.
const (
	shareNationalNumber = 0.35 // lived in Belgium before: a national register number, not a BIS number
	shareSexUnknown     = 0.04
	shareNoDay          = 0.06
	shareNoMonth        = 0.05 // the month unknown, and so the day
	shareNoDate         = 0.01
	shareSecondGiven    = 0.25
	shareBornAbroad     = 0.10
	shareNoBirthPlace   = 0.05
	shareIDCard         = 0.60 // of those whose country issues one
	sharePassportToo    = 0.50 // of those with an ID card
	shareLicence        = 0.15
	shareResidence      = 0.80
)

// stream separates Generate's random numbers from any other use of the
// same seed.
const stream = 0x1d9f0_4e61

// Generate makes n people from seed, the same ones for the same seed:
// names with diacritics from several countries, valid and unique INSZ
// (every one checked with app.ParseINSZ), unique document numbers per
// issuing state, and a few partial birth dates.
func Generate(seed uint64, n int) []Person {
	g := generator{
		rnd:  rand.New(rand.NewPCG(seed, stream)),
		insz: map[app.INSZ]bool{},
		docs: map[string]bool{},
	}
	out := make([]Person, 0, n)
	for range n {
		out = append(out, g.person())
	}
	return out
}

type generator struct {
	rnd  *rand.Rand
	insz map[app.INSZ]bool
	docs map[string]bool // docKey
}

func (g *generator) chance(share float64) bool { return g.rnd.Float64() < share }

func (g *generator) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *generator) person() Person {
	c := &cultures[g.rnd.IntN(len(cultures))]
	p := Person{Nationality: c.nationality, BirthCountry: c.nationality}
	p.Sex = g.sex()
	given, surnames := c.male, c.surnames
	if p.Sex == app.Female || (p.Sex == app.Unknown && g.chance(0.5)) {
		given = c.female
		if c.femaleSurnames != nil {
			surnames = c.femaleSurnames
		}
	}
	p.Surname = g.pick(surnames)
	p.GivenNames = g.pick(given)
	if second := g.pick(given); g.chance(shareSecondGiven) && second != p.GivenNames {
		p.GivenNames += " " + second
	}
	p.BirthDate = g.birthDate()
	birth := c
	if g.chance(shareBornAbroad) {
		birth = &cultures[g.rnd.IntN(len(cultures))]
		p.BirthCountry = birth.nationality
	}
	if !g.chance(shareNoBirthPlace) {
		p.BirthPlace = g.pick(birth.places)
	}
	p.INSZ = g.number(p.BirthDate, p.Sex)
	p.Documents = g.documents(c)
	if g.chance(shareResidence) {
		p.Residence = app.Address{
			Street: g.pick(c.streets), Number: strconv.Itoa(1 + g.rnd.IntN(199)),
			PostalCode: g.shape(c.postcode), Municipality: g.pick(c.places), Country: c.alpha2,
		}
	}
	return p
}

func (g *generator) sex() app.Sex {
	switch {
	case g.chance(shareSexUnknown):
		return app.Unknown
	case g.chance(0.5):
		return app.Female
	}
	return app.Male
}

func (g *generator) birthDate() app.Date {
	d := app.Date{Year: 1955 + g.rnd.IntN(52), Month: 1 + g.rnd.IntN(12)}
	d.Day = 1 + g.rnd.IntN(time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day())
	switch roll := g.rnd.Float64(); {
	case roll < shareNoDate:
		return app.Date{}
	case roll < shareNoDate+shareNoMonth:
		d.Month, d.Day = 0, 0
	case roll < shareNoDate+shareNoMonth+shareNoDay:
		d.Day = 0
	}
	return d
}

// number gives a national register number to some people with a full
// birth date and a known sex, and a BIS number to the others, never one
// already given.
func (g *generator) number(birth app.Date, sex app.Sex) app.INSZ {
	national := birth.Full() && sex != app.Unknown && g.chance(shareNationalNumber)
	for {
		var n app.INSZ
		var err error
		if national {
			n = nationalNumber(birth, sex, 1+g.rnd.IntN(497))
		} else {
			n, err = app.NewBIS(birth, sex, 1+g.rnd.IntN(499))
		}
		if err != nil || g.insz[n] {
			continue
		}
		if _, err := app.ParseINSZ(string(n)); err != nil {
			continue
		}
		g.insz[n] = true
		return n
	}
}

// nationalNumber builds a national register number: the birth date, a
// day counter (odd for men, even for women, never 000 or 999) and the
// mod-97 check, with the 2 prefix for births from 2000 on. app has no
// builder for these because only the national register gives them.
func nationalNumber(birth app.Date, sex app.Sex, seq int) app.INSZ {
	counter := seq * 2
	if sex == app.Male {
		counter--
	}
	nine := fmt.Sprintf("%02d%02d%02d%03d", birth.Year%100, birth.Month, birth.Day, counter)
	base, _ := strconv.ParseInt(nine, 10, 64)
	if birth.Year >= 2000 {
		base += 2_000_000_000
	}
	return app.INSZ(fmt.Sprintf("%s%02d", nine, 97-base%97))
}

func (g *generator) documents(c *culture) []Document {
	var docs []Document
	hasID := c.idCard != "" && g.chance(shareIDCard)
	if hasID {
		docs = append(docs, g.document(c, app.IDCard, c.idCard))
	}
	if !hasID || g.chance(sharePassportToo) {
		docs = append(docs, g.document(c, app.Passport, c.passport))
	}
	if g.chance(shareLicence) {
		docs = append(docs, g.document(c, app.DrivingLicence, c.licence))
	}
	return docs
}

func (g *generator) document(c *culture, kind app.DocumentKind, shape string) Document {
	for {
		d := Document{
			Kind: kind, Number: g.shape(shape), IssuingState: c.nationality,
			Expiry: app.Date{Year: 2027 + g.rnd.IntN(10), Month: 1 + g.rnd.IntN(12), Day: 1 + g.rnd.IntN(28)},
		}
		if k := docKey(d.Number, d.IssuingState); !g.docs[k] {
			g.docs[k] = true
			return d
		}
	}
}

// shape fills a shape: 'L' a letter, 'D' a digit, 'X' either; other
// characters are kept.
func (g *generator) shape(s string) string {
	const letters, digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789"
	b := []byte(s)
	for i, ch := range b {
		switch ch {
		case 'L':
			b[i] = letters[g.rnd.IntN(len(letters))]
		case 'D':
			b[i] = digits[g.rnd.IntN(len(digits))]
		case 'X':
			b[i] = (letters + digits)[g.rnd.IntN(len(letters)+len(digits))]
		}
	}
	return string(b)
}
