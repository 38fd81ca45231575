package scan

import (
	"errors"
	"fmt"

	"github.com/idpro/idpro/app"
)

// Conditions a scanner reports, for errors.Is. Backends return them inside an
// *app.Error (see DeviceError) whose code the UI translates.
var (
	ErrBusy         = errors.New("scanner busy")
	ErrJammed       = errors.New("paper jammed")
	ErrCoverOpen    = errors.New("cover open")
	ErrFeederEmpty  = errors.New("feeder empty")
	ErrOffline      = errors.New("scanner offline")
	ErrNotFound     = errors.New("scanner not found")
	ErrCancelled    = errors.New("scan cancelled")
	ErrUnsupported  = errors.New("setting not supported")
	ErrNoProgram    = errors.New("scanning program missing")
	ErrFailed       = errors.New("scan failed")
	ErrAccessDenied = errors.New("access denied")
	// A page the scanner sent that cannot be read, or is beyond Limits.
	ErrBadPage      = errors.New("unreadable page from scanner")
	ErrPageTooLarge = errors.New("page from scanner too large")
)

// errorCodes are the translation keys (assets/translations/scanner) of the
// conditions above.
var errorCodes = map[error]string{
	ErrBusy:         "scanner.busy",
	ErrJammed:       "scanner.jammed",
	ErrCoverOpen:    "scanner.cover_open",
	ErrFeederEmpty:  "scanner.feeder_empty",
	ErrOffline:      "scanner.offline",
	ErrNotFound:     "scanner.not_found",
	ErrCancelled:    "scanner.cancelled",
	ErrUnsupported:  "scanner.unsupported",
	ErrNoProgram:    "scanner.no_program",
	ErrFailed:       "scanner.failed",
	ErrAccessDenied: "scanner.access_denied",
	ErrBadPage:      "scanner.bad_page",
	ErrPageTooLarge: "scanner.page_too_large",
}

// DeviceError returns the user-facing error for condition kind (one of the
// Err values above) on the named device. cause (may be nil) is kept for logs;
// both kind and cause match errors.Is.
func DeviceError(kind error, device string, cause error) *app.Error {
	code, ok := errorCodes[kind]
	if !ok {
		code, kind = errorCodes[ErrFailed], fmt.Errorf("%w: %w", ErrFailed, kind)
	}
	err := kind
	if cause != nil {
		err = fmt.Errorf("%w: %w", kind, cause)
	}
	return app.Errorf(code, err, "device", device)
}

// ErrorCodes lists every translation key DeviceError can return, so that
// tests can check the translation files hold them all.
func ErrorCodes() []string {
	out := make([]string, 0, len(errorCodes))
	for _, c := range errorCodes {
		out = append(out, c)
	}
	return out
}
