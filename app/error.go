package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is a failure the user is shown. Code is a message key in the
// translation files under assets/translations; Data fills the message's
// {{.Name}} placeholders. Err keeps the cause for logs and errors.Is.
//
// Packages return *Error for every failure a user can meet (a corrupt image,
// a dead network, a full disk) so that the edges (CLI and GUI) can say it in
// the user's language without knowing where it came from.
type Error struct {
	Code string
	Data map[string]any
	Err  error
}

// Errorf returns an *Error with the message key code, the cause err (may be
// nil) and key/value pairs for the message's placeholders.
func Errorf(code string, err error, kv ...any) *Error {
	e := &Error{Code: code, Err: err}
	if len(kv) > 0 {
		e.Data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			e.Data[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return e
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Code)
	keys := make([]string, 0, len(e.Data))
	for k := range e.Data {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%v", k, e.Data[k])
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the message key of the first *Error in err's chain, or
// "" when there is none.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// ErrUnreachable is wrapped by every failure to reach the service (no
// network, server down, timeout): the request stays queued and is sent
// later, rather than failing.
var ErrUnreachable = errors.New("service unreachable")
