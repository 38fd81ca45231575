package mrz

// Field names one datum of an MRZ as `idpro mrz --json` spells it in
// Fields, Result.Review and Correction.Field.
type Field string

const (
	FieldDocumentCode   Field = "document_code"
	FieldIssuingState   Field = "issuing_state"
	FieldSurname        Field = "surname"
	FieldGivenNames     Field = "given_names"
	FieldDocumentNumber Field = "document_number"
	FieldNationality    Field = "nationality"
	FieldBirthDate      Field = "birth_date"
	FieldSex            Field = "sex"
	FieldExpiryDate     Field = "expiry_date"
	FieldOptionalData   Field = "optional_data"
)

// FieldNames are the fields of Fields, in their order.
var FieldNames = []Field{
	FieldDocumentCode, FieldIssuingState, FieldSurname, FieldGivenNames, FieldDocumentNumber,
	FieldNationality, FieldBirthDate, FieldSex, FieldExpiryDate, FieldOptionalData,
}

// Get is the value of the field called name, "" for a name Fields does
// not hold.
func (f Fields) Get(name Field) string {
	switch name {
	case FieldDocumentCode:
		return f.DocumentCode
	case FieldIssuingState:
		return f.IssuingState
	case FieldSurname:
		return f.Surname
	case FieldGivenNames:
		return f.GivenNames
	case FieldDocumentNumber:
		return f.DocumentNumber
	case FieldNationality:
		return f.Nationality
	case FieldBirthDate:
		return f.BirthDate
	case FieldSex:
		return f.Sex
	case FieldExpiryDate:
		return f.ExpiryDate
	case FieldOptionalData:
		return f.OptionalData
	}
	return ""
}
