package specimen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The documents whose MRZ leaves the ICAO 9303 layouts of the first four
// kinds: each fills in what Random's common draws leave open.

// longNumber gives a TD1 card a number too long for its 9 places: half are
// Belgian cards (12 digits, the last two the first ten mod 97, and the
// holder's national register number in the optional data), half another
// issuer's 10 or 11 characters. The check digit covers the old slot's '<'
// or not as the seed says, as issuers differ.
func longNumber(r *rand.Rand, d *Document) {
	d.FillerInCheck = r.IntN(2) == 0
	if r.IntN(2) == 0 {
		d.DocumentCode, d.IssuingState = "ID", "BEL"
		n := randomFrom(r, "56", 1) + randomFrom(r, digits, 9)
		v, _ := strconv.ParseUint(n, 10, 64)
		d.DocumentNumber = n + fmt.Sprintf("%02d", mod97(v))
		d.OptionalData = nationalNumber(r, d.BirthDate, d.Sex)
		return
	}
	d.DocumentCode = []string{"ID", "I", "IR"}[r.IntN(3)]
	d.DocumentNumber = randomNumber(r) + randomFrom(r, digits, 1+r.IntN(2))
	if r.IntN(2) == 0 {
		d.OptionalData = randomFrom(r, digits, 4+r.IntN(8))
	}
}

// mod97 is the Belgian check number: the remainder, 97 for none.
func mod97(v uint64) uint64 {
	if c := v % 97; c != 0 {
		return c
	}
	return 97
}

// nationalNumber is a Belgian INSZ for the birth date: YYMMDD, a day
// counter odd for men and even for women, and 97 minus the rest mod 97
// (with a leading 2 for births from 2000 on).
func nationalNumber(r *rand.Rand, birth time.Time, sex string) string {
	seq := 1 + r.IntN(997)
	switch {
	case sex == "M" && seq%2 == 0, sex == "F" && seq%2 == 1:
		seq++
	}
	base := birth.Format("060102") + fmt.Sprintf("%03d", seq)
	v, _ := strconv.ParseUint(base, 10, 64)
	if birth.Year() >= 2000 {
		v += 2_000_000_000
	}
	return base + fmt.Sprintf("%02d", 97-v%97)
}

// visa is a visa for a foreigner: its own code (V and the visa type), a
// nationality other than the issuer's, sometimes optional data.
func visa(r *rand.Rand, d *Document) {
	d.DocumentCode = []string{"V", "VC", "VD"}[r.IntN(3)]
	for d.Nationality == d.IssuingState {
		d.Nationality = pick(r, states)
	}
	room := 16
	if d.Kind == VisaB {
		room = 8
	}
	if r.IntN(2) == 0 {
		d.OptionalData = randomFrom(r, digits+numberLetters, 2+r.IntN(room-1))
	}
}

// frenchGivenWidth is the room for given names on the old French card.
const frenchGivenWidth = 14

// frenchCard is the French card issued until 2021: a 12-character number
// made of the issue year and month, the issuing office (department and
// office digit) and a counter; the office and a 3-digit code in the
// optional data; valid ten years.
func frenchCard(r *rand.Rand, d *Document) {
	d.DocumentCode, d.IssuingState, d.Nationality = "ID", "FRA", "FRA"
	if d.Sex == "X" {
		d.Sex = []string{"M", "F"}[r.IntN(2)]
	}
	first := max(1995, d.BirthDate.Year()+1) // births end in 2007
	issued := time.Date(first+r.IntN(2021-first), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	dept := 1 + r.IntN(94)
	if dept >= 20 {
		dept++ // Corsica's are 2A and 2B
	}
	office := fmt.Sprintf("%02d%d", dept, r.IntN(10))
	d.DocumentNumber = issued.Format("0601") + office + randomFrom(r, digits, 5)
	d.OptionalData = office + randomFrom(r, digits, 3)
	d.ExpiryDate = issued.AddDate(10, 0, -1)
}

// frenchGivenNames is the given names field of the old French card: the
// names apart by "<<", cut at its width.
func frenchGivenNames(d Document) string {
	return pad(strings.Join(strings.Fields(d.GivenNames), "<<"), frenchGivenWidth)[:frenchGivenWidth]
}

// swissLicence is the Swiss credit-card licence: a number of three
// letters, three digits and the language letter, the 9-digit PIN and
// 3-digit version as optional data, and no expiry date.
func swissLicence(r *rand.Rand, d *Document) {
	d.DocumentCode, d.IssuingState, d.Nationality = "FA", "CHE", ""
	d.DocumentNumber = randomFrom(r, numberLetters, 3) + randomFrom(r, digits, 3) + pick(r, []string{"D", "F", "I"})
	d.OptionalData = randomFrom(r, digits, 9) + fmt.Sprintf("%03d", r.IntN(1000))
	d.ExpiryDate = time.Time{}
}
