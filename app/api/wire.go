package api

import "github.com/idpro/idpro/app"

// Submission is the body of POST /v1/requests.
type Submission struct {
	Requester string       `json:"requester"`
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

// Problem is the body of every error answer. Code is a message key the app
// can translate.
type Problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Paths and headers of the API.
const (
	PathRequests   = "/v1/requests"
	PathHealth     = "/v1/health"
	HeaderIdemKey  = "Idempotency-Key"
	MaxRequestBody = 64 << 20 // four pages of 10 MB, base64-encoded, and the data
)
