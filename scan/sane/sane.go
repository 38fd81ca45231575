// Package sane drives scanners through SANE's scanimage program (Linux, and
// macOS with Homebrew's sane-backends). Running the program instead of
// linking libsane keeps the build free of cgo and lets a crashed driver take
// down only its own process.
package sane

import (
	"slices"
	"sync"
	"time"

	"github.com/idpro/idpro/scan"
)

// Scanner is the SANE scan.Backend. The zero value is not usable: set
// Program (the scanimage path) and Env (its environment; SANE_CONFIG_DIR in
// it chooses the drivers, which is how tests enable the test backend).
type Scanner struct {
	Program string
	Env     []string
	// TempDir holds pages while scanimage writes them; "" is os.TempDir.
	TempDir string
	// ListTimeout bounds device listing and option reading; network
	// backends probe for seconds. 0 means 30 s.
	ListTimeout time.Duration
	// Stall is how long a scan may go without any progress before the
	// scanner counts as offline. 0 means 2 minutes.
	Stall time.Duration
	// ExtraArgs are driver options added to every scan, such as the pnm
	// backend's --filename or the test backend's --read-return-value.
	ExtraArgs []string
	// Limits bound a page scanimage writes (bytes and pixels) before it is
	// decoded; New sets scan.DefaultLimits, those of imported files.
	Limits scan.Limits

	mu      sync.Mutex
	options map[string]options // by device name, read once
}

var _ scan.Backend = (*Scanner)(nil)

// New returns a Scanner running program with environment env.
func New(program string, env []string) *Scanner {
	return &Scanner{Program: program, Env: env, Limits: scan.DefaultLimits}
}

func (s *Scanner) listTimeout() time.Duration {
	if s.ListTimeout > 0 {
		return s.ListTimeout
	}
	return 30 * time.Second
}

func (s *Scanner) stall() time.Duration {
	if s.Stall > 0 {
		return s.Stall
	}
	return 2 * time.Minute
}

// env is the program's environment with messages forced to English, which
// statusFromMessage reads.
func (s *Scanner) env() []string {
	return append(slices.Clone(s.Env), "LC_ALL=C", "LANGUAGE=")
}
