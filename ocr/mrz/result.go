package mrz

// Format names an MRZ layout as it appears in `idpro mrz --json`.
type Format string

const (
	TD1   Format = "TD1"    // ID cards, 3x30
	TD2   Format = "TD2"    // 2x36
	TD3   Format = "TD3"    // passports, 2x44
	MRVA  Format = "MRVA"   // visa A, 2x44
	MRVB  Format = "MRVB"   // visa B, 2x36
	FRAID Format = "FRA_ID" // old French ID card, 2x36
	DLEU  Format = "DL_EU"  // EU / ISO 18013 driving licence, 1x30
	DLCHE Format = "DL_CHE" // Swiss driving licence, 9+30+30
)

// Fields are the data an MRZ carries. Dates are YYYY-MM-DD; a date with
// unknown parts keeps its six raw characters. Names have '<' turned into
// single spaces. Sex is M, F or X.
type Fields struct {
	DocumentCode   string `json:"document_code"`
	IssuingState   string `json:"issuing_state"`
	Surname        string `json:"surname"`
	GivenNames     string `json:"given_names"`
	DocumentNumber string `json:"document_number"`
	Nationality    string `json:"nationality"`
	BirthDate      string `json:"birth_date"`
	Sex            string `json:"sex"`
	ExpiryDate     string `json:"expiry_date"`
	OptionalData   string `json:"optional_data"`
}

// Correction is one character changed from what was read, so the user and
// the evaluation can see every repair.
type Correction struct {
	Line  int    `json:"line"` // 0-based
	Col   int    `json:"col"`  // 0-based
	From  string `json:"from"`
	To    string `json:"to"`
	Field Field  `json:"field"`
}

// Result is what Parse makes of MRZ text and what a Reader makes of a page.
type Result struct {
	Found       bool            `json:"found"`
	Format      Format          `json:"format,omitempty"`
	Lines       []string        `json:"lines,omitempty"`
	RawLines    []string        `json:"raw_lines,omitempty"`
	Valid       bool            `json:"valid"`
	Checks      map[string]bool `json:"checks,omitempty"`
	Fields      Fields          `json:"fields"`
	Corrections []Correction    `json:"corrections,omitempty"`
	Review      []Field         `json:"review,omitempty"` // the fields the user should check
	// Confidence is, per field (json names above; check names for check
	// digits), the recognizer's least confidence among the glyphs read
	// for it, 0-100; empty when the recognizer gives no symbols.
	Confidence map[Field]float64 `json:"confidence,omitempty"`
	// Turns is how many quarter turns clockwise put the page the right way
	// up, as the MRZ's reading direction tells (a Reader sets it).
	Turns int `json:"-"`
}

// ChecksPassed counts the check digits that hold.
func (r Result) ChecksPassed() int {
	n := 0
	for _, ok := range r.Checks {
		if ok {
			n++
		}
	}
	return n
}
