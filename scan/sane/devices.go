package sane

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os/exec"
	"strings"

	"github.com/idpro/idpro/scan"
)

// listFormat makes scanimage print one device a line with tab-separated
// fields, which vendor and model names do not contain.
const listFormat = "%d\t%v\t%m\t%t\n"

// Devices lists the scanners SANE finds (scanimage -f).
func (s *Scanner) Devices(ctx context.Context) ([]scan.Device, error) {
	out, err := s.run(ctx, "", "-f", listFormat)
	if err != nil {
		return nil, err
	}
	return parseDevices(out), nil
}

func parseDevices(out []byte) []scan.Device {
	var devs []scan.Device
	for line := range strings.SplitSeq(string(out), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" {
			continue
		}
		devs = append(devs, scan.Device{Backend: scan.SANE, ID: f[0], Vendor: f[1], Model: f[2], Kind: f[3]})
	}
	return devs
}

// run runs a short scanimage command (listing, options) bounded by
// ListTimeout and returns its standard output.
func (s *Scanner) run(parent context.Context, device string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(parent, s.listTimeout())
	defer cancel()
	cmd := exec.CommandContext(ctx, s.Program, args...)
	cmd.Env = s.env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	switch {
	case err == nil:
		return stdout.Bytes(), nil
	case parent.Err() != nil:
		return nil, scan.DeviceError(scan.ErrCancelled, device, parent.Err())
	case ctx.Err() != nil:
		return nil, scan.DeviceError(scan.ErrOffline, device, ctx.Err())
	case missing(err):
		return nil, scan.DeviceError(scan.ErrNoProgram, device, err)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return nil, scan.DeviceError(status(exit.ExitCode(), stderr.String()), device, errors.New(strings.TrimSpace(stderr.String())))
	}
	return nil, scan.DeviceError(scan.ErrNoProgram, device, err)
}

func missing(err error) bool {
	return errors.Is(err, exec.ErrNotFound) || errors.Is(err, exec.ErrDot) || errors.Is(err, fs.ErrNotExist)
}
