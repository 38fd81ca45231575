package api

import (
	"github.com/idpro/idpro/app"
)

// Submission is the body of POST /v1/companies/{company}/requests.
type Submission struct {
	Requester string       `json:"requester"` // e-mail for status mail
	Document  app.Document `json:"document"`
	Pages     []app.Page   `json:"pages"`
	Person    app.Person   `json:"person"`
	Residence app.Address  `json:"residence"`
	Contact   app.Address  `json:"contact"`
}

// NewSubmission takes what the service needs from a request: its pages as
// the one PDF when the desk made it, else the pages themselves.
func NewSubmission(r *app.Request) Submission {
	var pages []app.Page
	for _, p := range r.Pages {
		p.Original = nil // the user's other version stays here
		pages = append(pages, p)
	}
	if r.Scan != nil {
		pages = []app.Page{*r.Scan}
	}
	return Submission{
		Requester: r.Requester, Document: r.Document, Pages: pages,
		Person: r.Person, Residence: r.Residence, Contact: r.Contact,
	}
}

// Request turns a submission back into the domain type, so the sandbox
// judges it by the same rules as the app.
func (s Submission) Request() *app.Request {
	return &app.Request{
		Requester: s.Requester, Document: s.Document, Pages: s.Pages,
		Person: s.Person, Residence: s.Residence, Contact: s.Contact,
	}
}

// Page is one page of GET /v1/companies/{company}/requests.
type Page struct {
	Items []app.Receipt `json:"items"`
	Next  string        `json:"next,omitempty"` // cursor of the next page
	Total int           `json:"total"`          // matching requests in all
}

// Lookup is the body of POST /v1/companies/{company}/persons/lookup: the
// form as far as it is filled.
type Lookup struct {
	Document app.Document `json:"document"`
	Person   app.Person   `json:"person"`
}

// AccessChange is the body of PUT /v1/companies/{company}/staff/{person}.
type AccessChange struct {
	Access bool `json:"access"`
}

// Paths, headers and limits of the API. openapi.yaml is the contract.
const (
	PathHealth     = "/v1/health"
	PathMe         = "/v1/me"
	PathCompanies  = "/v1/companies"
	PathAuthorize  = "/oauth/authorize"
	PathToken      = "/oauth/token"
	PathRevoke     = "/oauth/revoke"
	HeaderIdemKey  = "Idempotency-Key"
	ClientID       = "idpro"  // the app's public OAuth client (PKCE, no secret)
	MaxRequestBody = 64 << 20 // four pages of 10 MB, base64-encoded, and the data
)
