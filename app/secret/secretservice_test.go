package secret_test

import (
	"context"
	"encoding/base64"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app/secret"
)

// childEnv tells the test binary that it runs inside its own D-Bus session
// with gnome-keyring, and whether the keyring was unlocked.
const childEnv = "IDPRO_SECRET_SERVICE_TEST"

// TestSecretService runs the keychain against a real Secret Service: the
// test binary runs itself again under dbus-run-session with a
// gnome-keyring-daemon of its own, in a temporary HOME, so a developer's
// keyring is never touched. Debian packages: dbus gnome-keyring
// (libsecret-tools for secret-tool's cross-check). Without them the test
// skips, or fails when CI is set.
func TestSecretService(t *testing.T) {
	switch os.Getenv(childEnv) {
	case "unlocked":
		testSecretServiceUnlocked(t)
		return
	case "locked":
		testSecretServiceLocked(t)
		return
	}
	for _, tool := range []string{"dbus-run-session", "gnome-keyring-daemon"} {
		if _, err := exec.LookPath(tool); err != nil {
			msg := tool + " not found: install Debian's dbus and gnome-keyring to test against a real Secret Service"
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
	t.Run("unlocked", func(t *testing.T) {
		runInSession(t, "unlocked", "echo -n PW | gnome-keyring-daemon --unlock --components=secrets >/dev/null")
	})
	t.Run("locked", func(t *testing.T) {
		// No unlock: the bus starts gnome-keyring on demand, with no
		// login keyring and no one to create one.
		runInSession(t, "locked", "true")
	})
}

// runInSession runs this test again after setup in a new D-Bus session.
// dbus-run-session ends the bus when the test ends; gnome-keyring-daemon
// exits with it.
func runInSession(t *testing.T, mode, setup string) {
	home := t.TempDir()
	run := filepath.Join(home, "run")
	if err := os.Mkdir(run, 0o700); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "dbus-run-session", "--", "sh", "-c",
		setup+` && exec "$0" -test.run='^TestSecretService$' -test.v -test.count=1`, os.Args[0])
	cmd.Env = append(withoutBus(os.Environ()), childEnv+"="+mode, "HOME="+home, "XDG_RUNTIME_DIR="+run,
		"XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_CONFIG_HOME="+filepath.Join(home, "config"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "secret service "+mode+": done") {
		t.Fatalf("in a D-Bus session with gnome-keyring (%s): %v\n%s", mode, err, out)
	}
	t.Logf("%s", out)
}

func withoutBus(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") {
			out = append(out, kv)
		}
	}
	return out
}

func testSecretServiceUnlocked(t *testing.T) {
	k := secret.NewKeychain("idpro-test")
	testKeychainRoundTrip(t, k)

	// What go-keyring stored is what other Secret Service clients see.
	value := []byte{0, 1, 2, 0xfe, 0xff, '\n'}
	if err := k.Set("cross-check", value); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("secret-tool"); err == nil {
		out, err := exec.Command("secret-tool", "lookup", "service", "idpro-test", "username", "cross-check").Output()
		if err != nil || string(out) != base64.StdEncoding.EncodeToString(value) {
			t.Errorf("secret-tool reads %q, %v; want the base64 of the value", out, err)
		}
	} else {
		t.Log("secret-tool not found (Debian's libsecret-tools): cross-check skipped")
	}

	// The data key lives in the real keychain and comes back from it.
	o := secret.Options{Keyring: k, Passphrase: func(bool) (string, error) {
		t.Error("passphrase asked although the keychain answers")
		return "", errors.New("no")
	}}
	k1, h, err := secret.Unlock(nil, o)
	if err != nil {
		t.Fatal(err)
	}
	k2, _, err := secret.Unlock(h, o)
	if err != nil {
		t.Fatal(err)
	}
	sameKey(t, k1, k2)
	t.Log("secret service unlocked: done")
}

func testSecretServiceLocked(t *testing.T) {
	k := secret.NewKeychain("idpro-test")
	if _, err := k.Get("item"); !errors.Is(err, secret.ErrUnavailable) {
		t.Errorf("Get from a locked keyring: %v, want ErrUnavailable", err)
	}
	if err := k.Set("item", []byte("x")); !errors.Is(err, secret.ErrUnavailable) {
		t.Errorf("Set into a locked keyring: %v, want ErrUnavailable", err)
	}
	k1, h, err := secret.Unlock(nil, secret.Options{Keyring: k, Params: cheap,
		Passphrase: func(bool) (string, error) { return "correct horse", nil }})
	if err != nil || h.Passphrase == nil {
		t.Fatalf("Unlock did not fall back to the passphrase: %v", err)
	}
	k2, _, err := secret.Unlock(h, secret.Options{Keyring: k,
		Passphrase: func(bool) (string, error) { return "correct horse", nil }})
	if err != nil {
		t.Fatal(err)
	}
	sameKey(t, k1, k2)
	t.Log("secret service locked: done")
}
