//go:build linux

package ui

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/chromedp/chromedp"

	"github.com/idpro/idpro/app/sandbox"
)

// The whole sign-in of RFC 8252 through a real browser: the app's Sign in
// button opens the service's sign-in page in the "system browser" (Debian's
// chromium, headless, driven by chromedp), the browser signs in with a demo
// person's eID (card number as printed on the card, and PIN), the service
// sends it back to the app's loopback address with a code, the app
// exchanges it (PKCE) and shows who is signed in for which company.
//
// Without chromium the test is skipped, unless CI is set: then it fails.
func TestBrowserSignIn(t *testing.T) {
	exe := chromiumPath(t)
	who := demoPerson(t, "an.peeters@bakkerij-janssens.be") // the bakery's main access manager
	br := startBrowser(t, exe)

	type landed struct {
		done, location string
		err            error
	}
	back := make(chan landed, 1)
	var opened atomic.Int32
	e := newSignedOutEnv(t, func(u *url.URL) error {
		opened.Add(1)
		go func() {
			ctx, cancel := context.WithTimeout(br.ctx, 30*time.Second)
			defer cancel()
			var l landed
			l.err = chromedp.Do(ctx,
				chromedp.Navigate(u.String()),
				chromedp.WaitVisible(chromedp.ID("eid-login")),
				chromedp.SendKeys(chromedp.ID("eid-login"), printedNumber(who.NationalNumber)),
				chromedp.SendKeys(chromedp.ID("eid-secret"), sandbox.DemoPIN),
				chromedp.Click(chromedp.ID("submit")),
				chromedp.WaitVisible(chromedp.ID("done")),
			)
			if l.err == nil {
				l.done, l.err = chromedp.Run(ctx, chromedp.Text(chromedp.ID("done")))
			}
			if l.err == nil {
				l.location, l.err = chromedp.Run(ctx, chromedp.Location())
			} else {
				// Where the browser stopped, for the message.
				lctx, lcancel := context.WithTimeout(br.ctx, 5*time.Second)
				l.location, _ = chromedp.Run(lctx, chromedp.Location())
				lcancel()
			}
			back <- l
		}()
		return nil
	})

	bar := e.u.account
	if e.account.SignedIn() || !bar.signIn.Visible() || bar.who.Text != "Not signed in" {
		t.Fatalf("start: signed in %v, Sign in shown %v, label %q; want signed out", e.account.SignedIn(), bar.signIn.Visible(), bar.who.Text)
	}
	test.Tap(bar.signIn)
	// The UI opens the browser from an update it queues: run them meanwhile.
	var l landed
	e.waitWithin(t, time.Minute, "the browser did not come back to the app in a minute", func() bool {
		select {
		case l = <-back:
			return true
		default:
			return false
		}
	})
	if l.err != nil {
		t.Fatalf("the browser did not sign in; it stopped at %s: %v", l.location, l.err)
	}
	if !strings.Contains(l.done, "You are signed in") || !strings.HasPrefix(l.location, "http://127.0.0.1:") {
		t.Errorf("the browser landed on %s saying %q; want the app's loopback page saying it is signed in", l.location, l.done)
	}
	e.u.Wait()

	want := who.Name + " for " + sandbox.DemoCompanies[0].Name
	if opened.Load() != 1 || !e.account.SignedIn() || bar.who.Text != want || bar.signIn.Visible() || !bar.signOut.Visible() || e.u.signinDialog != nil {
		t.Errorf("after the browser came back: browser opened %d times, signed in %v, label %q (want %q), Sign in shown %v, Sign out shown %v, dialog open %v",
			opened.Load(), e.account.SignedIn(), bar.who.Text, want, bar.signIn.Visible(), bar.signOut.Visible(), e.u.signinDialog != nil)
	}
	if c, ok := e.account.Company(); !ok || c.Number != sandbox.DemoCompanies[0].Number {
		t.Errorf("working for %+v, want %s", c, sandbox.DemoCompanies[0].Number)
	}
}

// chromiumPath finds Debian's chromium, or skips the test (fails it under CI).
func chromiumPath(t *testing.T) string {
	t.Helper()
	exe, err := exec.LookPath("chromium")
	if err != nil {
		msg := "chromium is not installed (Debian package chromium): the browser sign-in test cannot run"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg + "; it is skipped (with CI set it fails)")
	}
	return exe
}

func demoPerson(t *testing.T, email string) sandbox.DemoPerson {
	t.Helper()
	for _, p := range sandbox.DemoPeople {
		if p.Email == email {
			return p
		}
	}
	t.Fatalf("no demo person %s", email)
	return sandbox.DemoPerson{}
}

// printedNumber writes a national register number as the eID card prints
// it: YY.MM.DD-SSS.CC.
func printedNumber(n string) string {
	if len(n) != 11 {
		return n
	}
	return n[0:2] + "." + n[2:4] + "." + n[4:6] + "-" + n[6:9] + "." + n[9:11]
}

// browser is a headless chromium that the test started.
type browser struct {
	ctx context.Context // runs actions in the browser's first tab
}

// startBrowser starts chromium headless with a fresh profile and stops it
// when the test ends, then checks that none of its processes is left.
// Its flags keep it to the loopback traffic of the test: no background
// networking, component updates, sync, and no host name but 127.0.0.1 resolves.
func startBrowser(t *testing.T, exe string) *browser {
	t.Helper()
	home := t.TempDir() // chromium writes under $HOME (.pki, crash reports)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // as root; harmless otherwise in a test
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.Env("HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache")),
	)
	// The allocator gives chromium a fresh --user-data-dir of its own and
	// removes it, after killing any process still using it, on cancel.
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	var once sync.Once
	var profile string
	stop := func() {
		once.Do(func() {
			cancelTab()
			cancelAlloc() // returns once the browser has exited and its profile is gone
		})
	}
	t.Cleanup(func() {
		stop()
		// The crash handler (chrome_crashpad_handler) is not told the
		// profile, only a directory under $HOME; it leaves by itself once
		// the browser is gone.
		ours := []string{home}
		if profile != "" {
			ours = append(ours, "--user-data-dir="+profile)
		}
		if left := waitGone(ours, 10*time.Second); len(left) > 0 {
			t.Errorf("chromium processes left running after the test: %v; killed", left)
			for _, pid := range left {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})
	if err := chromedp.Do(ctx); err != nil { // starts the browser on about:blank
		t.Fatalf("chromium did not start: %v", err)
	}
	pid := chromedp.FromContext(ctx).Browser.Process().Pid
	profile = flagValue(cmdline(pid), "--user-data-dir=")
	if profile == "" {
		t.Fatalf("chromium (pid %d) runs without a --user-data-dir: %q", pid, cmdline(pid))
	}
	return &browser{ctx: ctx}
}

// cmdline is a process's command line, arguments separated by NUL.
func cmdline(pid int) string {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return string(b)
}

func flagValue(cmd, prefix string) string {
	for arg := range strings.SplitSeq(cmd, "\x00") {
		if v, ok := strings.CutPrefix(arg, prefix); ok {
			return v
		}
	}
	return ""
}

// waitGone waits until no process has any of marks in its command line,
// and returns those still there after limit.
func waitGone(marks []string, limit time.Duration) []int {
	deadline := time.Now().Add(limit)
	for {
		left := processesWith(marks)
		if len(left) == 0 || time.Now().After(deadline) {
			return left
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// processesWith lists the processes whose command line holds any of marks.
// Chromium passes --user-data-dir to every child (zygote, renderer, GPU,
// network service); the crash handler gets a directory under $HOME.
func processesWith(marks []string) []int {
	entries, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmd := cmdline(pid)
		for _, m := range marks {
			if m != "" && strings.Contains(cmd, m) {
				out = append(out, pid)
				break
			}
		}
	}
	return out
}

// newSignedOutEnv is newEnvWith without the sign-in: nobody is signed in
// and open is the system browser.
func newSignedOutEnv(t *testing.T, open func(*url.URL) error) *env {
	t.Helper()
	return buildEnv(t, nil, nil, sandbox.Options{}, "", open)
}
