package app

import (
	"crypto/rand"
	"encoding/hex"
	"net/mail"
	"strings"
	"time"
)

// Request is one INSZ request of the company, from the first page scanned
// to the service's last answer. It is saved after every step, so nothing
// typed is lost when the app or the network goes away.
type Request struct {
	ID       string `json:"id"`                  // local, given by the History
	RemoteID string `json:"remote_id,omitempty"` // the service's reference
	// Key is the idempotency key, random, given when the request is
	// created and sent with every try: a retry after a lost answer gets
	// the first receipt, and no two requests ever share one.
	Key     string `json:"key,omitempty"`
	Company string `json:"company,omitempty"` // enterprise number, once sent
	// RequestedBy is the staff member who sent it; Requester the e-mail
	// that gets status updates (theirs by default, editable per request).
	RequestedBy Requester `json:"requested_by,omitzero"`
	Requester   string    `json:"requester"`
	Document    Document  `json:"document"`
	Pages       []Page    `json:"-"` // stored apart: listing the history must not load images
	// Scan is the pages as the one PDF that was submitted and is archived
	// (stored apart like Pages); nil until the request is sent.
	Scan      *Page   `json:"-"`
	Person    Person  `json:"person"`
	Residence Address `json:"residence"`
	Contact   Address `json:"contact"` // in Belgium, when the residence is abroad

	Status  Status   `json:"status"`
	INSZ    INSZ     `json:"insz,omitempty"`
	Asked   []string `json:"asked,omitempty"`   // what extra information the service wants
	Message string   `json:"message,omitempty"` // the service's feedback, a message key
	// MessageData fills Message's placeholders.
	MessageData map[string]string `json:"message_data,omitempty"`
	// Question is what the service asks, while Status is InfoRequested.
	Question *Question `json:"question,omitempty"`
	// Completed lists the fields the Crossroads Bank filled in.
	Completed []string `json:"completed,omitempty"`
	Rev       int64    `json:"rev,omitempty"` // the service's revision last applied
	// Timeline is every change the service made, oldest first.
	Timeline []Event `json:"timeline,omitempty"`

	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	Submitted time.Time `json:"submitted,omitzero"`
}

// Fields that the service wants, as named in Lacking and Receipt.Asked.
const (
	FieldPages      = "pages"
	FieldSurname    = "surname"
	FieldGivenNames = "given_names"
	FieldSex        = "sex"
	FieldBirthDate  = "birth_date"
	FieldBirthPlace = "birth_place"
	FieldRequester  = "requester"
)

// Lacking lists the mandatory data the request does not have yet: a good
// scan, surname, first name, sex, full birth date, birth place and the
// requester's e-mail. A request may still be sent without them; the service
// then investigates instead of answering at once.
func (r *Request) Lacking() []string {
	var out []string
	add := func(ok bool, field string) {
		if !ok {
			out = append(out, field)
		}
	}
	p := r.Person
	add(len(r.Pages) > 0, FieldPages)
	add(strings.TrimSpace(p.Surname) != "", FieldSurname)
	add(strings.TrimSpace(p.GivenNames) != "", FieldGivenNames)
	add(p.Sex == Male || p.Sex == Female, FieldSex)
	add(p.BirthDate.Full(), FieldBirthDate)
	add(strings.TrimSpace(p.BirthPlace) != "", FieldBirthPlace)
	add(ValidEmail(r.Requester), FieldRequester)
	return out
}

// Identifiable tells whether the Crossroads Bank accepts a BIS record for
// the request: name + full birth date + birth place + sex; or name + (a
// possibly partial) birth date + a residence abroad; or name + birth date +
// a Belgian contact address.
func (r *Request) Identifiable() bool {
	p := r.Person
	if strings.TrimSpace(p.Surname) == "" {
		return false
	}
	if p.BirthDate.Full() && strings.TrimSpace(p.BirthPlace) != "" && p.Sex != Unknown {
		return true
	}
	if p.BirthDate.IsZero() {
		return false
	}
	abroad := !r.Residence.IsZero() && !r.Residence.Belgian()
	return abroad || (!r.Contact.IsZero() && r.Contact.Belgian())
}

// ValidateDocuments is step 1: a kind and one to four pages.
func (r *Request) ValidateDocuments() error {
	switch {
	case r.Document.Kind == "":
		return Errorf("request.kind_missing", nil)
	case len(r.Pages) == 0:
		return Errorf("request.pages_missing", nil)
	case len(r.Pages) > MaxPages:
		return Errorf("request.too_many_pages", nil, "max", MaxPages)
	}
	return nil
}

// ValidatePerson is step 2: a surname, and a birth date (possibly partial)
// that is not in the future.
func (r *Request) ValidatePerson(now time.Time) error {
	p := r.Person
	switch {
	case strings.TrimSpace(p.Surname) == "":
		return Errorf("request.surname_missing", nil)
	case p.BirthDate.After(now):
		return Errorf("request.birth_in_future", nil, "value", p.BirthDate.String())
	}
	switch p.Sex {
	case Unknown, Male, Female, Unspecified:
	default:
		return Errorf("request.sex_invalid", nil, "value", string(p.Sex))
	}
	return nil
}

// ValidateAddress is step 3: each address that was started must be whole,
// and a contact address is Belgian.
func (r *Request) ValidateAddress() error {
	if !r.Residence.IsZero() {
		if err := r.Residence.Validate(); err != nil {
			return err
		}
	}
	if r.Contact.IsZero() {
		return nil
	}
	if !r.Contact.Belgian() {
		return Errorf("address.contact_not_belgian", nil)
	}
	return r.Contact.Validate()
}

// ValidateSend is step 4 and the check before anything leaves the
// computer: every step valid and an e-mail for the updates.
func (r *Request) ValidateSend(now time.Time) error {
	for _, err := range []error{r.ValidateDocuments(), r.ValidatePerson(now), r.ValidateAddress()} {
		if err != nil {
			return err
		}
	}
	if !ValidEmail(r.Requester) {
		return Errorf("request.email_invalid", nil, "value", r.Requester)
	}
	return nil
}

// ValidEmail tells a usable address for status updates: one address,
// nothing around it, and a domain with a dot.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == strings.TrimSpace(s) && strings.Contains(a.Address[strings.LastIndex(a.Address, "@"):], ".")
}

// NewKey returns a random 128-bit idempotency key, hex-encoded.
func NewKey() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b[:])
}
