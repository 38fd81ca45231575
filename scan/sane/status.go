package sane

import (
	"strings"

	"github.com/idpro/idpro/scan"
)

// status maps scanimage's exit code, which is the SANE_Status of the failed
// call, and its message to a scan error condition. Code 1 is also what
// scanimage uses when it cannot open the device, so the message decides;
// -1 is a process killed by a signal.
func status(code int, stderr string) error {
	switch code {
	case -1:
		// Killed by a signal, and not idpro's cancel (that is told
		// apart before): the device or its driver went away mid-scan,
		// unless scanimage had said why first.
		if said := statusFromMessage(stderr); said != scan.ErrFailed {
			return said
		}
		return scan.ErrOffline
	case 2:
		return scan.ErrCancelled
	case 3:
		return scan.ErrBusy
	case 4:
		return scan.ErrUnsupported
	case 6:
		return scan.ErrJammed
	case 7:
		return scan.ErrFeederEmpty
	case 8:
		return scan.ErrCoverOpen
	case 9:
		return scan.ErrOffline
	case 11:
		return scan.ErrAccessDenied
	}
	return statusFromMessage(stderr)
}

// messages are libsane's sane_strstatus texts; scanimage runs with LC_ALL=C
// so they come in English.
var messages = []struct {
	text string
	err  error
}{
	{"Device busy", scan.ErrBusy},
	{"Document feeder jammed", scan.ErrJammed},
	{"Document feeder out of documents", scan.ErrFeederEmpty},
	{"Scanner cover is open", scan.ErrCoverOpen},
	{"Error during device I/O", scan.ErrOffline},
	{"Access to resource has been denied", scan.ErrAccessDenied},
	{"Operation was cancelled", scan.ErrCancelled},
	{"Operation was canceled", scan.ErrCancelled},
}

func statusFromMessage(stderr string) error {
	for _, m := range messages {
		if strings.Contains(stderr, m.text) {
			return m.err
		}
	}
	if strings.Contains(stderr, "open of device") {
		return scan.ErrNotFound
	}
	return scan.ErrFailed
}
