package sane

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/idpro/idpro/scan"
)

// errStalled is the cancel cause when the scanner sent nothing for Stall.
var errStalled = errors.New("no progress from scanner")

// cleanup is how long scanimage may take to exit once it has reported a
// failure: SANE's test backend has been seen to hang in sane_cancel after an
// injected status, and the status is already known by then.
const cleanup = 2 * time.Second

// Scan runs scanimage in batch mode: it writes each page to a ".part" file
// and renames it when the page is complete, so only whole pages are read
// back. Cancelling ctx sends SIGINT (scanimage then tells the driver to stop
// the scanner) and kills the process 3 s later if it is still there.
func (s *Scanner) Scan(ctx context.Context, dev scan.Device, set scan.Settings, progress scan.Progress) ([]scan.Page, error) {
	o, err := s.optionsOf(ctx, dev.ID)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(s.TempDir, "idpro-scan-")
	if err != nil {
		return nil, scan.DeviceError(scan.ErrFailed, dev.Name(), err)
	}
	defer os.RemoveAll(dir)
	args, err := o.args(dev.ID, set, filepath.Join(dir, "page%d.png"))
	if err != nil {
		return nil, err
	}
	args = append(args, s.ExtraArgs...)

	sctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	cmd := exec.CommandContext(sctx, s.Program, args...)
	cmd.Env = s.env()
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 3 * time.Second
	// Not StderrPipe: Wait closes that pipe as soon as the process exits and
	// the last messages, the ones that say why, could be lost. exec copies
	// into w until the output ends, and Wait returns only after that.
	stderr, w := io.Pipe()
	cmd.Stderr = w
	if err := cmd.Start(); err != nil {
		if ctx.Err() != nil {
			return nil, scan.DeviceError(scan.ErrCancelled, dev.Name(), ctx.Err())
		}
		if missing(err) {
			return nil, scan.DeviceError(scan.ErrNoProgram, dev.Name(), err)
		}
		return nil, scan.DeviceError(scan.ErrFailed, dev.Name(), err)
	}
	watchdog := time.AfterFunc(s.stall(), func() { stop(errStalled) })
	reported := false // once a status is out, later lines do not extend the cleanup time
	messages := follow(stderr, progress, func(failed bool) {
		reported = reported || failed
		if reported {
			watchdog.Reset(min(cleanup, s.stall()))
		} else {
			watchdog.Reset(s.stall())
		}
	})
	runErr := cmd.Wait()
	watchdog.Stop()
	w.Close()
	msg := <-messages

	switch {
	case ctx.Err() != nil:
		return nil, scan.DeviceError(scan.ErrCancelled, dev.Name(), ctx.Err())
	case context.Cause(sctx) == errStalled:
		// The watchdog's own SIGINT makes scanimage report "cancelled".
		if reported := statusFromMessage(msg); reported != scan.ErrFailed && reported != scan.ErrCancelled {
			return nil, scan.DeviceError(reported, dev.Name(), errors.New(msg))
		}
		return nil, scan.DeviceError(scan.ErrOffline, dev.Name(), fmt.Errorf("%w (scanimage said %q)", errStalled, msg))
	}
	dpi := 0
	if set.DPI > 0 {
		dpi = o.caps.NearestDPI(set.DPI)
	}
	pages, readErr := readPages(dir, dev, dpi, s.Limits)
	if readErr != nil {
		return pages, readErr
	}
	var exit *exec.ExitError
	switch {
	case errors.As(runErr, &exit):
		return pages, scan.DeviceError(status(exit.ExitCode(), msg), dev.Name(), errors.New(msg))
	case runErr != nil:
		return pages, scan.DeviceError(scan.ErrFailed, dev.Name(), runErr)
	case len(pages) == 0:
		// scanimage exits 0 when a batch ends before its first page.
		return nil, scan.DeviceError(statusFromMessage(msg), dev.Name(), errors.New(msg))
	}
	return pages, nil
}

// args builds the scanimage command line for settings set.
func (o options) args(device string, set scan.Settings, pattern string) ([]string, error) {
	args := []string{"-d", device, "--format=png", "-p", "--batch=" + pattern}
	src := set.Source
	if src == "" {
		src = scan.Flatbed
	}
	name, ok := o.sources[src]
	if !ok {
		return nil, scan.DeviceError(scan.ErrUnsupported, device, fmt.Errorf("source %q", src))
	}
	if name != "" {
		args = append(args, "--source", name)
	}
	switch {
	case src == scan.Flatbed:
		args = append(args, "--batch-count=1")
	case set.MaxPages > 0:
		args = append(args, "--batch-count="+strconv.Itoa(set.MaxPages))
	}
	if set.Mode != "" {
		name, ok := o.modes[set.Mode]
		if !ok {
			return nil, scan.DeviceError(scan.ErrUnsupported, device, fmt.Errorf("mode %q", set.Mode))
		}
		args = append(args, "--mode", name)
	}
	if set.DPI > 0 {
		args = append(args, "--resolution", strconv.Itoa(o.caps.NearestDPI(set.DPI)))
	}
	if !set.Area.IsZero() && o.area {
		mm := func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
		args = append(args, "-l", mm(set.Area.X), "-t", mm(set.Area.Y), "-x", mm(set.Area.Width), "-y", mm(set.Area.Height))
	}
	return args, nil
}

// follow reads scanimage's stderr, where -p writes "Progress: 42.1%" lines
// ended by '\r', and batch mode "Scanning page N". It calls alive on every
// line, with failed set when the line reports a SANE status, and sends the
// lines that are neither progress nor page, joined, when stderr closes.
func follow(r io.Reader, progress scan.Progress, alive func(failed bool)) <-chan string {
	out := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		sc.Split(splitCRLF)
		page := 1
		var other []string
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			alive(statusFromMessage(line) != scan.ErrFailed)
			switch {
			case line == "":
			case strings.HasPrefix(line, "Progress: "):
				f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(line, "Progress: "), "%"), 64)
				if err == nil && progress != nil {
					progress(page, f/100)
				}
			case strings.HasPrefix(line, "Scanning page "):
				if n, err := strconv.Atoi(strings.TrimPrefix(line, "Scanning page ")); err == nil {
					page = n
				}
			case strings.HasPrefix(line, "Scanning "), strings.HasPrefix(line, "Scanned page "):
			default:
				other = append(other, line)
			}
		}
		out <- strings.Join(other, "; ")
	}()
	return out
}

func splitCRLF(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// readPages reads the finished pages (page1.png, page2.png, ...) in order
// within limits (scan.Limits.ScannedPage); unfinished ".part" files are
// left for RemoveAll. Errors are typed.
func readPages(dir string, dev scan.Device, dpi int, limits scan.Limits) ([]scan.Page, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, scan.DeviceError(scan.ErrFailed, dev.Name(), err)
	}
	type numbered struct {
		n    int
		name string
	}
	var files []numbered
	for _, e := range entries {
		var n int
		if _, err := fmt.Sscanf(e.Name(), "page%d.png", &n); err == nil && strings.HasSuffix(e.Name(), ".png") {
			files = append(files, numbered{n, e.Name()})
		}
	}
	slices.SortFunc(files, func(a, b numbered) int { return a.n - b.n })
	pages := make([]scan.Page, 0, len(files))
	for _, f := range files {
		data, err := readCapped(filepath.Join(dir, f.name), limits.MaxFileBytes+1)
		if err != nil {
			return pages, scan.DeviceError(scan.ErrFailed, dev.Name(), err)
		}
		p, err := limits.ScannedPage(dev.Name(), data)
		if err != nil {
			return pages, err
		}
		p.DPI, p.Source = float64(dpi), dev.Name()
		pages = append(pages, p)
	}
	return pages, nil
}

// readCapped reads at most n bytes of the file at path.
func readCapped(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}
