package main

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/idpro/idpro/ocr/specimen"
)

// peakMemory reads one 600-dpi A4 passport page in a child process, as
// a JPEG and as a flatbed's 48-bit colour PNG (16 bits a sample), and
// returns each child's peak resident memory in MB: the whole cost of one
// such page, import (scan.ImportFile, as idpro mrz reads a file),
// Tesseract and the decoded image included. The child reports it itself
// (ownPeakKB): the rusage a parent gets counts the parent's own memory,
// shared at fork, too.
func peakMemory() (jpegMB, png16MB float64, err error) {
	d := specimen.Random(7, specimen.Passport)
	data, img, err := encode(d, specimen.RandomOptions(7, specimen.A4Flatbed, 600))
	if err != nil {
		return 0, 0, err
	}
	deep := image.NewRGBA64(img.Bounds())
	draw.Draw(deep, deep.Bounds(), img, img.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, deep); err != nil {
		return 0, 0, err
	}
	dir, err := os.MkdirTemp("", "mrzeval-page-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	if jpegMB, err = childPeak(dir, "page.jpg", data); err != nil {
		return 0, 0, err
	}
	if png16MB, err = childPeak(dir, "page-48bit.png", buf.Bytes()); err != nil {
		return 0, 0, err
	}
	return jpegMB, png16MB, nil
}

// childPeak writes the file and has a child process read it.
func childPeak(dir, name string, data []byte) (float64, error) {
	path := filepath.Join(dir, name)
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
		return 0, fmt.Errorf("peak memory of %s: %w", name, err)
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
