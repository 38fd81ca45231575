package app

// DocumentKind is the kind of identity document the worker shows.
type DocumentKind string

const (
	Passport       DocumentKind = "passport"
	IDCard         DocumentKind = "id_card"
	DrivingLicence DocumentKind = "driving_licence"
)

// DocumentKinds lists the kinds in the order the user is offered them.
var DocumentKinds = []DocumentKind{Passport, IDCard, DrivingLicence}

// MaxPages is the most pages one request may carry (both sides of a card
// are two pages).
const MaxPages = 4

// Document is the identity document: it links the INSZ to the foreign
// document, so its data is kept even where the service does not ask for it.
type Document struct {
	Kind         DocumentKind `json:"kind"`
	Number       string       `json:"number"`
	IssuingState string       `json:"issuing_state"` // ICAO code
	ExpiryDate   Date         `json:"expiry_date"`
	MRZ          []string     `json:"mrz,omitempty"`
}

// Page is one scanned or imported page as it is stored and submitted.
type Page struct {
	Label       string  `json:"label"` // "front", "back" or "page 3"
	ContentType string  `json:"content_type"`
	Data        []byte  `json:"data"`
	DPI         float64 `json:"dpi,omitempty"`
	// Original is the other version of the page the user can switch to:
	// the whole scan when Data is the document cut out of it, or the cut
	// when the user chose the whole scan (Whole). Kept, never submitted.
	Original *Page `json:"original,omitempty"`
	Whole    bool  `json:"whole,omitempty"`
}
