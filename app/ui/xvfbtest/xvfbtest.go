// Package xvfbtest starts a private X server for the tests that need a
// real display: the window's native position, and the real binary's
// window under xdotool.
package xvfbtest

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Start starts Xvfb with one 1280x800 screen, listening on no TCP port,
// and returns its DISPLAY; it is stopped by PID when the test ends. The
// test is skipped where Xvfb is not installed (`make test` installs it).
func Start(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("Xvfb"); err != nil {
		t.Skip("Xvfb is not installed; `make test` installs it")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	exited := make(chan struct{})
	// The pipe stays open while Xvfb runs: it writes the display number
	// and its newline apart, and a write to a closed pipe kills it.
	go func() {
		x.Wait()
		r.Close()
		close(exited)
	}()
	// SIGTERM lets Xvfb remove its lock file and socket, which the next
	// test's server would otherwise find taken.
	t.Cleanup(func() {
		x.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			x.Process.Kill()
			<-exited
		}
	})
	// Xvfb writes the display number it took to fd 3 once it listens.
	num := make(chan string, 1)
	go func() {
		buf := make([]byte, 16)
		n, _ := r.Read(buf)
		num <- strings.TrimSpace(string(buf[:n]))
	}()
	select {
	case n := <-num:
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start")
	}
	return ""
}
