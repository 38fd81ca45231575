package specimen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/idpro/idpro/ocr"
)

// Kind is the kind of document, which fixes its size and MRZ format.
type Kind int

const (
	Passport       Kind = iota // TD3 data page, 125x88 mm, 2x44
	IDCard                     // TD1 card, 85.6x54 mm, 3x30
	TD2Card                    // TD2 card, 105x74 mm, 2x36
	DrivingLicence             // ID-1 card with the EU 1x30 MRZ (French layout)
	IDCardLong                 // TD1 card whose 10-12 character number overflows into the optional data
	VisaA                      // MRV-A visa sticker, 120x80 mm, 2x44
	VisaB                      // MRV-B visa sticker, 105x74 mm, 2x36
	FrenchIDCard               // French ID card issued until 2021, 105x74 mm, 2x36 of its own layout
	SwissLicence               // Swiss driving licence, ID-1, 9+30+30 without check digits
)

// Kinds lists every kind, for loops in tests and the evaluation. New kinds
// go at the end, so that a seed keeps giving the same documents of the
// kinds already measured.
var Kinds = []Kind{Passport, IDCard, TD2Card, DrivingLicence, IDCardLong, VisaA, VisaB, FrenchIDCard, SwissLicence}

func (k Kind) String() string {
	switch k {
	case Passport:
		return "passport"
	case IDCard:
		return "id-card"
	case TD2Card:
		return "td2-card"
	case DrivingLicence:
		return "driving-licence"
	case IDCardLong:
		return "id-card-long-number"
	case VisaA:
		return "visa-a"
	case VisaB:
		return "visa-b"
	case FrenchIDCard:
		return "french-id-card"
	case SwissLicence:
		return "swiss-licence"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Format is the MRZ format a document of this kind carries.
func (k Kind) Format() ocr.Format {
	switch k {
	case IDCard, IDCardLong:
		return ocr.TD1
	case TD2Card:
		return ocr.TD2
	case DrivingLicence:
		return ocr.DLEU
	case VisaA:
		return ocr.MRVA
	case VisaB:
		return ocr.MRVB
	case FrenchIDCard:
		return ocr.FRAID
	case SwissLicence:
		return ocr.DLCHE
	}
	return ocr.TD3
}

// sizeMM is the physical size of the document.
func (k Kind) sizeMM() (w, h float64) {
	switch k {
	case Passport:
		return 125, 88
	case TD2Card, VisaB:
		return 105, 74
	case VisaA:
		return 120, 80
	case FrenchIDCard:
		// The old French card is ID-2 sized, like every 2x36 document.
		return 105, 74
	}
	return 85.6, 54
}

// Document is the data printed on a specimen. Names hold only A-Z and
// spaces (the MRZ form); dates are real dates.
type Document struct {
	Kind           Kind
	DocumentCode   string // "P", "ID", "I", "D1"...; padded with '<' in the MRZ
	IssuingState   string // ICAO code, "D" for Germany
	Surname        string
	GivenNames     string
	DocumentNumber string // at most 9 characters, but 10-12 on IDCardLong and FrenchIDCard
	Nationality    string
	BirthDate      time.Time
	Sex            string // M, F or X
	ExpiryDate     time.Time
	OptionalData   string // A-Z 0-9 only; empty for none
	// FillerInCheck says that the check digit of a long TD1 document
	// number also covers the '<' left in the old check digit slot: some
	// issuers compute it so, others as ICAO 9303 says, without it.
	FillerInCheck bool
}

var (
	surnames = []string{"ERIKSSON", "MARTIN", "NOWAK", "KOWALSKA", "GARCIA LOPEZ", "DE VRIES",
		"POPESCU", "OKAFOR", "NGUYEN", "SILVA", "HORVATH", "MUELLER", "OBRIEN", "ROSSI", "IVANOVA",
		"YILMAZ", "DUBOIS", "PETERS", "VAN DEN BERG", "SANTOS", "KHAN", "NOVAK", "SMIT", "JANSSENS",
		"WOJCIK", "ANDERSSON", "FISCHER", "MORENO", "PAPADOPOULOS", "KOVACS", "OZTURK", "LEE"}
	givenNames = []string{"ANNA", "MARIA", "JAN", "PIOTR", "ELENA", "JOSE LUIS", "AHMED", "FATIMA",
		"LUCAS", "SOFIA", "MATEI", "IOANA", "CHIDI", "MINH ANH", "JOAO", "ZSOFIA", "KARL HEINZ", "LEA",
		"OMAR", "EMMA", "DAVID", "OLEKSANDR", "AGNIESZKA", "MEHMET", "YUKI", "BOGDAN", "INES"}
	states = []string{"UTO", "D", "NLD", "POL", "ROU", "BGR", "ESP", "PRT", "FRA", "ITA", "GRC",
		"HUN", "UKR", "TUR", "MAR", "IND", "PHL", "BRA", "LTU", "SVK", "BEL", "CZE"}
)

// Random returns a plausible document of the given kind; the same seed
// always gives the same document.
func Random(seed uint64, kind Kind) Document {
	r := rand.New(rand.NewPCG(seed, uint64(kind)+0x5eed))
	d := Document{Kind: kind}
	d.IssuingState = pick(r, states)
	d.Nationality = d.IssuingState
	if r.IntN(4) == 0 {
		d.Nationality = pick(r, states)
	}
	d.Surname = pick(r, surnames)
	d.GivenNames = pick(r, givenNames)
	if r.IntN(3) == 0 {
		d.GivenNames += " " + pick(r, givenNames)
	}
	// Keep the whole name inside the name field so the expected fields are
	// exactly what the MRZ holds.
	for len(d.Surname)+2+len(d.GivenNames) > nameWidth(kind) {
		d.GivenNames = d.GivenNames[:strings.LastIndexByte(d.GivenNames, ' ')]
	}
	d.DocumentNumber = randomNumber(r)
	d.BirthDate = time.Date(1950+r.IntN(58), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	d.ExpiryDate = time.Date(2027+r.IntN(10), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	d.Sex = []string{"M", "F", "M", "F", "M", "F", "X"}[r.IntN(7)]
	switch kind {
	case Passport:
		d.DocumentCode = "P"
		if r.IntN(2) == 0 {
			d.OptionalData = randomFrom(r, digits, 6+r.IntN(8))
		}
	case IDCard:
		d.DocumentCode = []string{"ID", "I", "IR"}[r.IntN(3)]
		if r.IntN(2) == 0 {
			d.OptionalData = randomFrom(r, digits, 4+r.IntN(8))
		}
	case TD2Card:
		// Not "ID": ID+FRA on 2x36 is the old French card's own layout.
		d.DocumentCode = []string{"I", "IR", "AC"}[r.IntN(3)]
	case DrivingLicence:
		// France's is the EU licence layout whose fields are published.
		d.DocumentCode, d.IssuingState = "D1", "FRA"
	case IDCardLong:
		longNumber(r, &d)
	case VisaA, VisaB:
		visa(r, &d)
	case FrenchIDCard:
		frenchCard(r, &d)
	case SwissLicence:
		swissLicence(r, &d)
	}
	return d
}

func nameWidth(k Kind) int {
	switch k {
	case Passport, VisaA:
		return 39
	case TD2Card, VisaB:
		return 31
	case FrenchIDCard:
		// Surname and given names have fields of their own; kinds.go
		// fits the given names into theirs.
		return 39
	}
	return 30
}

const digits = "0123456789"

// numberLetters leaves out I, O and Q, as issuers do in document numbers:
// next to digits they are indistinguishable from 1 and 0, and no check
// digit can tell which was printed.
const numberLetters = "ABCDEFGHJKLMNPRSTUVWXYZ"

// randomNumber follows the shapes real document numbers have: all digits,
// letters then digits, or digits with a letter inside.
func randomNumber(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return randomFrom(r, digits, 9)
	case 1:
		return randomFrom(r, numberLetters, 2) + randomFrom(r, digits, 7)
	}
	return randomFrom(r, numberLetters, 1) + randomFrom(r, digits, 6) + randomFrom(r, numberLetters, 1) + randomFrom(r, digits, 1)
}

func randomFrom(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// Fields are the fields a perfect reading of the MRZ gives, to compare a
// Reader's result against.
func (d Document) Fields() ocr.Fields {
	f := ocr.Fields{
		DocumentCode:   d.DocumentCode,
		IssuingState:   d.IssuingState,
		Surname:        d.Surname,
		DocumentNumber: d.DocumentNumber,
		ExpiryDate:     d.ExpiryDate.Format(time.DateOnly),
	}
	switch d.Kind {
	case DrivingLicence:
		f.Surname = strings.TrimRight(mrzName(d.Surname)[:min(8, len(d.Surname))], "<")
		f.Surname = strings.ReplaceAll(f.Surname, "<", " ")
		return f
	case FrenchIDCard, SwissLicence:
		// Neither MRZ holds an expiry date or a nationality.
		f.ExpiryDate = ""
		f.GivenNames = d.GivenNames
		f.BirthDate = d.BirthDate.Format(time.DateOnly)
		f.OptionalData = d.OptionalData
		if d.Kind == FrenchIDCard {
			f.GivenNames = strings.Join(strings.FieldsFunc(frenchGivenNames(d), isFiller), " ")
			f.Sex = d.Sex
		}
		return f
	}
	f.GivenNames = d.GivenNames
	f.Nationality = d.Nationality
	f.BirthDate = d.BirthDate.Format(time.DateOnly)
	f.Sex = d.Sex
	f.OptionalData = d.OptionalData
	return f
}
