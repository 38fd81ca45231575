package mail

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/idpro/idpro/app"
)

// Message is one status change to tell the requester about. It holds no
// more personal data than the requester needs to recognise the request:
// the service's reference and the worker's initials; never the worker's
// name, birth date, INSZ, document number or scans.
type Message struct {
	To        string     // the requester's address
	Lang      string     // nl, fr, de or en ("nl-BE" is nl); anything else is en
	Reference string     // the service's request id, e.g. "BIS-100001"
	Initials  string     // the worker's initials only, e.g. "J. K."; see Initials
	Status    app.Status // one the service sets: see Statuses
	Changed   time.Time  // when the status changed: the Date, and part of the Message-ID
	Question  string     // info_requested: the service's question in words
	Reason    string     // rejected: why
	Link      string     // optional http(s) URL where the request can be seen
}

// Statuses are the statuses the service sets, so the ones a message can
// tell; draft and queued never leave the requester's computer.
var Statuses = []app.Status{
	app.Received, app.Investigating, app.InfoRequested, app.Answered,
	app.Allocated, app.Rejected, app.Cancelled,
}

// Languages are the languages messages are written in; the first is the
// fallback.
var Languages = []string{"en", "nl", "fr", "de"}

// ErrInvalid is wrapped by every error about a Message that cannot be
// sent as it is.
var ErrInvalid = errors.New("mail: invalid message")

// Initials gives a worker's initials as a message carries them: the first
// letter of the first given name and of the surname ("Łukasz Wróbel" is
// "Ł. W."), or only the surname's when there are no given names.
func Initials(givenNames, surname string) string {
	return app.Person{GivenNames: givenNames, Surname: surname}.Initials()
}

// language is the message's language, one of Languages.
func (m Message) language() string {
	lang := strings.ToLower(m.Lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if slices.Contains(Languages, lang) {
		return lang
	}
	return Languages[0]
}

// validate refuses what would send a wrong message or more personal data
// than the requester needs: initials that are a name, a status the service
// does not set.
func (m Message) validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
	}
	if _, err := mail.ParseAddress(m.To); err != nil {
		return bad("recipient %q: %v", m.To, err)
	}
	if strings.TrimSpace(m.Reference) == "" || strings.ContainsAny(m.Reference, "\r\n<>") {
		return bad("reference %q", m.Reference)
	}
	if !initialsOnly(m.Initials) {
		return bad("%q is not initials", m.Initials)
	}
	if !slices.Contains(Statuses, m.Status) {
		return bad("the service does not set status %q", m.Status)
	}
	if m.Changed.IsZero() {
		return bad("no time of change")
	}
	if m.Link != "" {
		u, err := url.Parse(m.Link)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return bad("link %q is not an http(s) URL", m.Link)
		}
	}
	return nil
}

// maxInitials bounds the initials a message carries: a first name, a
// second and a double surname; more would start to spell out a name.
const maxInitials = 4

// initialsOnly tells whether s is single letters separated by dots, spaces
// or hyphens ("J. K.", "J.-P. M."), so that a name cannot slip into a
// message in place of the initials.
func initialsOnly(s string) bool {
	letters, afterLetter := 0, false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if afterLetter {
				return false
			}
			letters++
			afterLetter = true
		case r == '.' || r == ' ' || r == '-':
			afterLetter = false
		default:
			return false
		}
	}
	return letters >= 1 && letters <= maxInitials
}
