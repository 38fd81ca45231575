package sane

import (
	"os"
	"os/exec"

	"github.com/idpro/idpro/scan"
)

// homebrew are where Homebrew puts scanimage (Apple silicon, Intel): an app
// started from the macOS Finder does not have them on its PATH.
var homebrew = []string{"/opt/homebrew/bin/scanimage", "/usr/local/bin/scanimage"}

// FindProgram returns the scanimage to run: the one on PATH, else
// Homebrew's. The error is scanner.no_program.
func FindProgram() (string, error) {
	p, err := exec.LookPath("scanimage")
	if err == nil {
		return p, nil
	}
	for _, h := range homebrew {
		if fi, serr := os.Stat(h); serr == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return h, nil
		}
	}
	return "", scan.DeviceError(scan.ErrNoProgram, "", err)
}
