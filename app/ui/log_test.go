package ui

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/idpro/idpro/app"
)

// An error shown to the user is logged by its code only: its message may
// name the worker's file or a value typed in, which the log must not
// keep.
func TestShownErrorsAreLoggedWithoutPersonalData(t *testing.T) {
	e := newEnv(t, nil)
	var logged bytes.Buffer
	e.u.Log = slog.New(slog.NewTextHandler(&logged, nil))
	e.u.showError(app.Errorf("scan.unreadable", nil, "file", "Kowalski Jan passport.jpg"))
	if strings.Contains(logged.String(), "Kowalski") {
		t.Errorf("the log names the file: %s", logged.String())
	}
	if !strings.Contains(logged.String(), "scan.unreadable") {
		t.Errorf("the log lost the error's code: %s", logged.String())
	}
}
