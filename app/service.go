package app

import (
	"context"
	"time"
)

// Service is the belgianIDpro online service (or its local sandbox).
// Implemented by app/api.Client over HTTP.
type Service interface {
	Submit(ctx context.Context, r *Request) (Receipt, error)
	Status(ctx context.Context, remoteID string) (Receipt, error)
	Cancel(ctx context.Context, remoteID string) (Receipt, error)
}

// Receipt is the service's answer about one request.
type Receipt struct {
	ID      string    `json:"id"`
	Status  Status    `json:"status"`
	INSZ    INSZ      `json:"insz,omitempty"`
	Asked   []string  `json:"asked,omitempty"`
	Message string    `json:"message,omitempty"`
	Updated time.Time `json:"updated"`
	// Person is the worker as the Crossroads Bank knows them, when it
	// completed missing data of a known person.
	Person *Person `json:"person,omitempty"`
}

// Apply records the receipt on the request.
func (r *Request) Apply(rc Receipt) {
	if rc.ID != "" {
		r.RemoteID = rc.ID
	}
	r.Status = rc.Status
	r.INSZ = rc.INSZ
	r.Asked = rc.Asked
	r.Message = rc.Message
	if rc.Person != nil {
		r.Person = *rc.Person
	}
}

// History is the company's local list of requests. Implemented by store.
type History interface {
	// Save creates (when r.ID is empty, setting it) or replaces a request
	// with its pages.
	Save(r *Request) error
	// Request returns one request with its pages.
	Request(id string) (*Request, error)
	// Requests returns every request without pages, newest first.
	Requests() ([]*Request, error)
	Delete(id string) error
}

// Settings are the user's choices, kept in the local store.
type Settings struct {
	// ServiceURL is the belgianIDpro service; empty means the sandbox
	// embedded in the app.
	ServiceURL string `json:"service_url,omitempty"`
	Requester  string `json:"requester,omitempty"` // default e-mail for new requests
	Language   string `json:"language,omitempty"`  // nl, fr, de or en; empty follows the system
	Scanner    string `json:"scanner,omitempty"`   // remembered default scanner
}
