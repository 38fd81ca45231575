package main

import (
	"bytes"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/idpro/idpro/app/ui/xvfbtest"
)

// buildBinary builds idpro as `make build` does, into a temp dir.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "idpro")
	out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startXvfb starts a private X server and returns its DISPLAY; it is
// stopped by PID when the test ends.
func startXvfb(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; `make test` installs xvfb, xdotool and imagemagick", tool)
		}
	}
	return xvfbtest.Start(t)
}

// proc is a started process and the end of its Wait, so a test can ask
// whether it is still running and stop it by PID without waiting twice.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func start(t *testing.T, c *exec.Cmd) *proc {
	t.Helper()
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: c, done: make(chan struct{})}
	go func() { c.Wait(); close(p.done) }()
	t.Cleanup(p.stop)
	return p
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

func (p *proc) stop() {
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// syncBuffer collects a process's stderr while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startApp(t *testing.T, bin, display, home string) (*proc, *syncBuffer) {
	t.Helper()
	return startAppWith(t, bin, display, home, nil)
}

// startAppWith starts the app with more environment and arguments.
func startAppWith(t *testing.T, bin, display, home string, env []string, args ...string) (*proc, *syncBuffer) {
	t.Helper()
	c := exec.Command(bin, append([]string{"--data", filepath.Join(home, "data")}, args...)...)
	// No keychain (never the developer's own): the store's key comes
	// from the passphrase, as on a machine without a desktop session.
	c.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=",
		"DBUS_SESSION_BUS_ADDRESS=", passphraseEnv+"=smoke test passphrase")
	c.Env = append(c.Env, env...)
	errs := &syncBuffer{}
	c.Stderr = errs
	return start(t, c), errs
}

func waitFor(t *testing.T, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func windows(display, name string) []string {
	c := exec.Command("xdotool", "search", "--onlyvisible", "--name", name)
	c.Env = append(os.Environ(), "DISPLAY="+display)
	out, _ := c.Output()
	return strings.Fields(string(out))
}

// TestWindowUnderXvfb starts the real binary on a private X server, waits
// for its window, takes a screenshot, and checks that a second instance
// is refused with a message instead of hanging on the locked store.
func TestWindowUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real app under Xvfb")
	}
	display := startXvfb(t)
	bin := buildBinary(t)
	home := t.TempDir()
	app, errs := startApp(t, bin, display, home)
	waitFor(t, "the idpro window", 60*time.Second, func() bool { return len(windows(display, "^idpro$")) > 0 })
	time.Sleep(2 * time.Second) // let the first frame render

	shot := filepath.Join(home, "idpro.png")
	if dir := os.Getenv("IDPRO_SCREENSHOTS"); dir != "" {
		shot = filepath.Join(dir, "idpro-main.png")
	}
	imp := exec.Command("import", "-window", "root", shot)
	imp.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	if n := colours(t, shot); n < 8 {
		t.Errorf("screenshot has %d colours: the window looks blank", n)
	}

	second, errs2 := startApp(t, bin, display, home)
	waitFor(t, "the second instance's message", 30*time.Second, func() bool {
		return strings.Contains(errs2.String(), "store.locked")
	})
	second.stop()

	if strings.Contains(errs.String(), "Error parsing user locale") {
		t.Errorf("LANG=C.UTF-8 still makes Fyne log locale errors:\n%s", errs.String())
	}
	if app.exited() {
		t.Fatalf("app exited early: %s\n%s", app.cmd.ProcessState, errs.String())
	}
}

func colours(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	return len(seen)
}
