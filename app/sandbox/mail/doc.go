// Package mail tells a request's requester by e-mail about every status
// change the service makes, as the sandbox's stand-in for belgianIDpro's
// notifications.
//
// A Message names the request by the service's reference and the worker by
// initials only: no name, birth date, INSZ, document number or scan, since
// e-mail crosses servers nobody here controls. It is written in the
// requester's language (nl, fr, de, en; en otherwise) from the templates
// embedded in templates/, one file per language with a subject and a body
// for every status the service sets, as text with an HTML alternative.
// The same Message always gives the same bytes (Message-ID, Date and MIME
// boundary derive from it), so a resent message is recognisably the same.
//
// Two Senders deliver it: SMTP, through a server reached with STARTTLS,
// implicit TLS or, for a local relay, in the clear, with optional PLAIN or
// LOGIN authentication (github.com/wneessen/go-mail: net/smtp is frozen); and
// Directory, which writes .eml files into a folder, the embedded sandbox's
// default.
package mail
