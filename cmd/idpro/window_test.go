package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// The window opens where and as large as it was when the app last quit,
// here by SIGTERM (the desktop session ending), on which Fyne shuts the
// window system down at once.
func TestWindowPlaceIsRemembered(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real app under Xvfb twice")
	}
	display := startXvfb(t)
	bin := buildBinary(t)
	home := t.TempDir()
	xdo := func(args ...string) string {
		t.Helper()
		c := exec.Command("xdotool", args...)
		c.Env = append(os.Environ(), "DISPLAY="+display)
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("xdotool %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	window := func() string {
		t.Helper()
		var ids []string
		waitFor(t, "the idpro window", 60*time.Second, func() bool {
			ids = windows(display, "^idpro$")
			return len(ids) > 0
		})
		return ids[0]
	}

	app, errs := startApp(t, bin, display, home)
	id := window()
	xdo("windowsize", "--sync", id, "1100", "700")
	xdo("windowmove", "--sync", id, "90", "40")
	// Fyne takes the new size from its resize event, the app the position
	// at its next look (every second).
	time.Sleep(2500 * time.Millisecond)
	app.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-app.done:
	case <-time.After(20 * time.Second):
		t.Fatalf("SIGTERM did not quit the app\n%s", errs)
	}
	if code := app.cmd.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("the app quit with %d on SIGTERM\n%s", code, errs)
	}

	startApp(t, bin, display, home)
	id = window()
	geometry := regexp.MustCompile(`Position: (\d+),(\d+).*\n\s*Geometry: (\d+)x(\d+)`)
	var got []string
	deadline := time.Now().Add(10 * time.Second)
	for {
		got = geometry.FindStringSubmatch(xdo("getwindowgeometry", id))
		if got != nil && got[1] == "90" && got[2] == "40" {
			break
		}
		if time.Now().After(deadline) {
			prefs, _ := os.ReadFile(filepath.Join(home, ".config", "fyne", "be.idpro.desktop", "preferences.json"))
			t.Fatalf("the window opened at %v, want 90,40; preferences: %s", got, prefs)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if got[3] != "1100" || got[4] != "700" {
		t.Errorf("window opened at %sx%s, want 1100x700", got[3], got[4])
	}
}
