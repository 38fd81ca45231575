package ocr

import (
	"time"

	"github.com/idpro/idpro/ocr/mrz"
)

// The MRZ text work is package ocr/mrz's; these names keep ocr the one
// package callers need: a Reader's Result is Parse's.

type (
	Result     = mrz.Result
	Fields     = mrz.Fields
	Field      = mrz.Field
	Format     = mrz.Format
	Correction = mrz.Correction
)

const (
	TD1   = mrz.TD1
	TD2   = mrz.TD2
	TD3   = mrz.TD3
	MRVA  = mrz.MRVA
	MRVB  = mrz.MRVB
	FRAID = mrz.FRAID
	DLEU  = mrz.DLEU
	DLCHE = mrz.DLCHE
)

const (
	FieldDocumentCode   = mrz.FieldDocumentCode
	FieldIssuingState   = mrz.FieldIssuingState
	FieldSurname        = mrz.FieldSurname
	FieldGivenNames     = mrz.FieldGivenNames
	FieldDocumentNumber = mrz.FieldDocumentNumber
	FieldNationality    = mrz.FieldNationality
	FieldBirthDate      = mrz.FieldBirthDate
	FieldSex            = mrz.FieldSex
	FieldExpiryDate     = mrz.FieldExpiryDate
	FieldOptionalData   = mrz.FieldOptionalData
)

// FieldNames are the fields of Fields, in their order.
var FieldNames = mrz.FieldNames

// Parse is mrz.Parse.
func Parse(lines []string) Result { return mrz.Parse(lines) }

// ParseAt is mrz.ParseAt.
func ParseAt(lines []string, now time.Time) Result { return mrz.ParseAt(lines, now) }

// ParseText is mrz.ParseText.
func ParseText(text string) []Result { return mrz.ParseText(text) }

// ParseTextAt is mrz.ParseTextAt.
func ParseTextAt(text string, now time.Time) []Result { return mrz.ParseTextAt(text, now) }

// CheckDigit is mrz.CheckDigit.
func CheckDigit(s string) (byte, bool) { return mrz.CheckDigit(s) }

// CountryCodes is mrz.CountryCodes.
func CountryCodes() []string { return mrz.CountryCodes() }

// ISOCountryCodes is mrz.ISOCountryCodes.
func ISOCountryCodes() []string { return mrz.ISOCountryCodes() }

// SwitchOff is mrz.SwitchOff: it switches correction passes off by
// name, the glyph passes the reader runs included.
func SwitchOff(names ...string) error { return mrz.SwitchOff(names...) }

// PassNames is mrz.PassNames.
func PassNames() []string { return mrz.PassNames() }
