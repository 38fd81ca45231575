package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"

	"github.com/idpro/idpro/ocr/specimen"
)

// peakMemory reads a 600-dpi A4 page in a child process and returns the
// child's peak resident memory in MB: the whole cost of one such page,
// Tesseract and the decoded image included.
func peakMemory() (float64, error) {
	d := specimen.Random(7, specimen.Passport)
	data, err := encode(d, specimen.RandomOptions(7, specimen.A4Flatbed, 600))
	if err != nil {
		return 0, err
	}
	dir, err := os.MkdirTemp("", "mrzeval-page-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "page.jpg")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return 0, err
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, "-peak", path)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, err
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, errors.New("peak memory: no resource usage on this system")
	}
	return float64(ru.Maxrss) / 1024, nil // Linux reports KB
}
