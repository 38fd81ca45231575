package sane

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/scan"
)

func TestFindProgram(t *testing.T) {
	dir := t.TempDir()
	brew := filepath.Join(t.TempDir(), "scanimage")
	if err := os.WriteFile(brew, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	homebrew = []string{filepath.Join(dir, "missing"), brew}
	t.Cleanup(func() { homebrew = []string{"/opt/homebrew/bin/scanimage", "/usr/local/bin/scanimage"} })

	t.Setenv("PATH", dir)
	if p, err := FindProgram(); err != nil || p != brew {
		t.Errorf("Homebrew fallback: %q, %v", p, err)
	}
	onPath := filepath.Join(dir, "scanimage")
	if err := os.WriteFile(onPath, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := FindProgram(); err != nil || p != onPath {
		t.Errorf("PATH first: %q, %v", p, err)
	}
	os.Remove(onPath)
	homebrew = homebrew[:1]
	if _, err := FindProgram(); !errors.Is(err, scan.ErrNoProgram) {
		t.Errorf("nothing installed: %v", err)
	}
}
