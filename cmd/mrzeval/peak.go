package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/idpro/idpro/ocr/specimen"
)

// peakMemory reads a 600-dpi A4 page in a child process and returns the
// child's peak resident memory in MB: the whole cost of one such page,
// Tesseract and the decoded image included. The child reports it itself
// (ownPeakKB): the rusage a parent gets counts the parent's own memory,
// shared at fork, too.
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
	out, err := cmd.Output()
	if err != nil {
		return 0, err
	}
	kb, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		return 0, fmt.Errorf("peak memory: child said %q", out)
	}
	return kb / 1024, nil
}

// ownPeakKB is this process's peak resident memory (Linux's VmHWM).
func ownPeakKB() (int, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("peak memory needs Linux's /proc: %w", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}
