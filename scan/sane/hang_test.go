package sane

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

// TestStatusBeforeAHangWins runs a scanimage that reports a cover open
// and then hangs, ignoring SIGINT, as SANE's test backend does after an
// injected status in a few runs in ten: the scan must end with the status
// it reported, not as an offline scanner once the stall time is up. It is
// a script because that hang cannot be had on demand from the real one.
func TestStatusBeforeAHangWins(t *testing.T) {
	dir := t.TempDir()
	program := filepath.Join(dir, "scanimage")
	script := `#!/bin/sh
case " $* " in *" -A "*) exit 0 ;; esac
trap '' INT
echo "scanimage: sane_read: Scanner cover is open" >&2
echo "Batch terminated, 0 pages scanned" >&2
exec sleep 120
`
	if err := os.WriteFile(program, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	s := New(program, os.Environ())
	s.TempDir = t.TempDir()
	// The status must end the scan (2 s, then the kill 3 s later), not the
	// stall time: a user waiting on a hung driver would otherwise wait it
	// out, and the test gives up first.
	s.Stall = 2 * time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	pages, err := s.Scan(ctx, testDevice, scan.Settings{Source: scan.Flatbed}, nil)
	if !errors.Is(err, scan.ErrCoverOpen) || app.ErrorCode(err) != "scanner.cover_open" {
		t.Fatalf("err %v (code %q), want cover open", err, app.ErrorCode(err))
	}
	if len(pages) != 0 {
		t.Errorf("%d pages", len(pages))
	}
	assertEmpty(t, s.TempDir)
}
