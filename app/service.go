package app

import (
	"context"
	"errors"
	"time"
)

// Service is the belgianIDpro online service (or its local sandbox), as
// seen by one signed-in staff member working for one company.
// Implemented by app/api.Client over HTTP.
type Service interface {
	Submit(ctx context.Context, r *Request) (Receipt, error)
	Status(ctx context.Context, remoteID string) (Receipt, error)
	Cancel(ctx context.Context, remoteID string) (Receipt, error)
	// Answer replies to the service's question about a request.
	Answer(ctx context.Context, remoteID string, a Answer) (Receipt, error)
	// Changes returns the company's requests changed after cursor ("" for
	// all), oldest change first, a page at a time.
	Changes(ctx context.Context, cursor string) (Changes, error)
}

// ErrSignInRequired is wrapped by every call the service refused because
// nobody is signed in (or the sign-in expired): like an outage, the request
// waits in the outbox until someone signs in.
var ErrSignInRequired = errors.New("sign-in required")

// Changes is one page of a company's history as it changed since a cursor.
type Changes struct {
	Company  string    `json:"company"`
	Receipts []Receipt `json:"items"`
	Cursor   string    `json:"cursor"` // where the next call starts
	More     bool      `json:"more"`   // another page is waiting
}

// Receipt is the service's view of one request.
type Receipt struct {
	ID      string `json:"id"`
	Company string `json:"company,omitempty"`
	// Rev grows with every change the service makes, so a client never
	// applies an older view over a newer one.
	Rev    int64    `json:"rev,omitempty"`
	Status Status   `json:"status"`
	INSZ   INSZ     `json:"insz,omitempty"`
	Asked  []string `json:"asked,omitempty"`
	// Message is a message key the app translates (the service's feedback,
	// e.g. why a request was rejected), with its placeholders in Data.
	Message  string            `json:"message,omitempty"`
	Data     map[string]string `json:"data,omitempty"`
	Question *Question         `json:"question,omitempty"` // while information is requested
	// Completed lists the fields the Crossroads Bank filled for a known
	// person.
	Completed []string `json:"completed,omitempty"`

	Created     time.Time  `json:"created,omitzero"`
	Updated     time.Time  `json:"updated"`
	RequestedBy *Requester `json:"requested_by,omitempty"`
	Email       string     `json:"email,omitempty"` // where status mail goes
	// Person is the worker as the service holds them: as sent, or
	// completed from the Crossroads Bank for a known person.
	Person   *Person   `json:"person,omitempty"`
	Document *Document `json:"document,omitempty"`
	Timeline []Event   `json:"timeline,omitempty"`
}

// Event is one change in a request's life: when, who, what.
type Event struct {
	At     time.Time `json:"at"`
	Status Status    `json:"status"`
	By     string    `json:"by,omitempty"`   // a person's name; empty for the service
	Code   string    `json:"code,omitempty"` // a message key saying why (translated)
	Note   string    `json:"note,omitempty"` // a person's own words: a question, an answer, a reason

}

// Apply records the receipt on the request, unless the request already
// holds a newer view of the service's (a sync and a send crossing).
func (r *Request) Apply(rc Receipt) bool {
	if rc.Rev != 0 && rc.Rev < r.Rev {
		return false
	}
	if rc.ID != "" {
		r.RemoteID = rc.ID
	}
	if rc.Company != "" {
		r.Company = rc.Company
	}
	r.Rev = rc.Rev
	r.Status = rc.Status
	r.INSZ = rc.INSZ
	r.Asked = rc.Asked
	r.Message = rc.Message
	r.MessageData = rc.Data
	r.Question = rc.Question
	r.Completed = rc.Completed
	if rc.Person != nil {
		r.Person = *rc.Person
	}
	if rc.RequestedBy != nil {
		r.RequestedBy = *rc.RequestedBy
	}
	if rc.Email != "" {
		r.Requester = rc.Email
	}
	if rc.Document != nil && r.Document.Number == "" {
		r.Document = *rc.Document
	}
	if rc.Timeline != nil {
		r.Timeline = rc.Timeline
	}
	if r.Submitted.IsZero() {
		r.Submitted = rc.Created
	}
	return true
}

// FromReceipt is a request first seen in a sync: sent from another
// workstation, so this one has its data but not its pages.
func FromReceipt(rc Receipt) *Request {
	r := &Request{Created: rc.Created}
	r.Apply(rc)
	return r
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
	// Merge records what the service reported of a company's requests
	// (creating local entries for requests sent from other workstations)
	// and the cursor it synced to, in one transaction.
	Merge(company, cursor string, rs []Receipt) error
	// Cursor is where the company's last sync stopped ("" before the first).
	Cursor(company string) (string, error)
	// Outbox lists the queued requests, oldest first, without reading
	// the history: what waits to be sent.
	Outbox() ([]Outgoing, error)
	// Postpone records a try that could not reach the service: the
	// entry's Tries grows and it waits until next.
	Postpone(id string, next time.Time) error
}

// ErrStale is wrapped by a Save refused because the history holds a newer
// version of the request than the one saved: a late draft save after the
// request was queued or sent. The newer version is kept; reload it.
var ErrStale = errors.New("a newer version of the request is saved")

// Outgoing is a request in the outbox: queued, with the idempotency key
// every try sends, so a retry after a lost answer never submits twice.
type Outgoing struct {
	ID     string    `json:"id"`
	Key    string    `json:"key"`
	Queued time.Time `json:"queued"`
	Tries  int       `json:"tries,omitempty"` // tries that could not reach the service
	Next   time.Time `json:"next"`            // not tried again before
}

// Settings are the user's choices, kept in the local store.
type Settings struct {
	// ServiceURL is the belgianIDpro service; empty means the sandbox
	// embedded in the app.
	ServiceURL string `json:"service_url,omitempty"`
	Requester  string `json:"requester,omitempty"` // default e-mail for new requests
	Language   string `json:"language,omitempty"`  // nl, fr, de or en; empty follows the system
	Scanner    string `json:"scanner,omitempty"`   // remembered default scanner
	Company    string `json:"company,omitempty"`   // the company last worked for
	// RetentionDays is how long a request in a final state keeps its
	// scans, PDF and personal data; 0 means DefaultRetentionDays.
	RetentionDays int `json:"retention_days,omitempty"`
}

// DefaultRetentionDays is the retention of a finished request's personal
// data: a month covers the questions that follow an allocation or a
// refusal, and GDPR's storage limitation asks for no longer than needed.
const DefaultRetentionDays = 30

// Retention is how long a finished request keeps its personal data.
func (s Settings) Retention() time.Duration {
	days := s.RetentionDays
	if days <= 0 {
		days = DefaultRetentionDays
	}
	return time.Duration(days) * 24 * time.Hour
}
