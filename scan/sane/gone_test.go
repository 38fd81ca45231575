package sane

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/scan"
)

// The scanner's driver process dies in the middle of a feeder batch (the
// scanner pulled out, the driver crashed): scanimage is killed while the
// third page arrives. The two whole pages are kept, the scan ends at once
// with "does not answer" in the user's language, and no part-page or
// temporary file is left.
func TestScannerGoneMidBatchKeepsThePagesScanned(t *testing.T) {
	// Slow reads, so that the kill lands inside page 3.
	s := testScanner(t, "--read-delay=yes", "--read-delay-duration=20000")
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	wrapper := filepath.Join(dir, "scanimage")
	script := "#!/bin/sh\ncase \" $* \" in *\" -A \"*) ;; *) echo $$ > " + pidFile + " ;; esac\nexec " + s.Program + " \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	s.Program = wrapper

	var once sync.Once
	killed := false
	progress := func(page int, done float64) {
		if page < 3 || done <= 0 || done >= 1 {
			return
		}
		once.Do(func() {
			b, err := os.ReadFile(pidFile)
			pid, perr := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil || perr != nil {
				t.Errorf("no scanimage PID: %v %v", err, perr)
				return
			}
			proc, err := os.FindProcess(pid)
			killed = err == nil && proc.Kill() == nil // SIGKILL
		})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pages, err := s.Scan(ctx, testDevice, scan.Settings{Source: scan.Feeder, DPI: 300}, progress)
	if ctx.Err() != nil {
		t.Fatal("the scan waited for the test's deadline")
	}
	if !killed {
		t.Fatalf("scanimage was not killed during page 3: %d pages, %v", len(pages), err)
	}
	if !errors.Is(err, scan.ErrOffline) || app.ErrorCode(err) != "scanner.offline" {
		t.Fatalf("err %v (code %q), want the scanner offline", err, app.ErrorCode(err))
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages kept, want the 2 scanned before it went", len(pages))
	}
	for i, p := range pages {
		if b := p.Image.Bounds(); b.Dx() != 944 || b.Dy() != 1181 {
			t.Errorf("page %d is %v, want the whole 944x1181", i+1, b)
		}
	}
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		cat, lerr := locale.New(assets.Translations, "translations", lang)
		if lerr != nil {
			t.Fatal(lerr)
		}
		if msg := cat.Error(err); !strings.Contains(msg, testDevice.Name()) || strings.Contains(msg, "scanner.offline") {
			t.Errorf("%s: %q", lang, msg)
		}
	}
	assertEmpty(t, s.TempDir)
}
