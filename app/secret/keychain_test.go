package secret_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/idpro/idpro/app/secret"
)

// mockKeychain puts go-keyring's in-memory provider behind a Keychain (for
// the whole test binary: the real one is only tested in a child process,
// see TestSecretService) and pretends a session bus.
func mockKeychain(t *testing.T, err error) *secret.Keychain {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	if err != nil {
		keyring.MockInitWithError(err)
	} else {
		keyring.MockInit()
	}
	return secret.NewKeychain("idpro-test")
}

func TestKeychainRoundTrip(t *testing.T) {
	testKeychainRoundTrip(t, mockKeychain(t, nil))
}

// testKeychainRoundTrip runs on go-keyring's mock and on the real Secret
// Service.
func testKeychainRoundTrip(t *testing.T, k *secret.Keychain) {
	t.Helper()
	binary := make([]byte, 256)
	for i := range binary {
		binary[i] = byte(i)
	}
	for _, v := range [][]byte{binary, []byte("token\n\x00\"'$"), {}, bytes.Repeat([]byte{0xff}, secret.MaxValueSize)} {
		if err := k.Set("item", v); err != nil {
			t.Fatalf("Set %d bytes: %v", len(v), err)
		}
		got, err := k.Get("item")
		if err != nil || !bytes.Equal(got, v) {
			t.Fatalf("Get = %d bytes, %v; want the %d bytes set", len(got), err, len(v))
		}
	}
	if err := k.Set("item", make([]byte, secret.MaxValueSize+1)); !errors.Is(err, secret.ErrTooLarge) {
		t.Errorf("Set over MaxValueSize: %v, want ErrTooLarge", err)
	}
	if got, err := k.Get("item"); err != nil || len(got) != secret.MaxValueSize {
		t.Errorf("a refused Set changed the item: %d bytes, %v", len(got), err)
	}
	if err := k.Set(strings.Repeat("i", secret.MaxNameSize+1), nil); !errors.Is(err, secret.ErrTooLarge) {
		t.Errorf("long item name: %v, want ErrTooLarge", err)
	}
	if err := k.Delete("item"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get("item"); !errors.Is(err, secret.ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	if err := k.Delete("item"); !errors.Is(err, secret.ErrNotFound) {
		t.Errorf("Delete of a missing item: %v, want ErrNotFound", err)
	}
}

func TestKeychainErrors(t *testing.T) {
	for _, c := range []struct {
		err  error
		want error
	}{
		{errors.New("org.freedesktop.DBus.Error.ServiceUnknown"), secret.ErrUnavailable},
		{fmt.Errorf("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), secret.ErrUnavailable},
		{keyring.ErrUnsupportedPlatform, secret.ErrUnavailable},
		{keyring.ErrSetDataTooBig, secret.ErrTooLarge},
		{keyring.ErrNotFound, secret.ErrNotFound},
	} {
		k := mockKeychain(t, c.err)
		if _, err := k.Get("item"); !errors.Is(err, c.want) || !errors.Is(err, c.err) {
			t.Errorf("go-keyring's %q gave %v, want %v wrapping it", c.err, err, c.want)
		}
	}
	k := mockKeychain(t, nil)
	k.Service = ""
	if err := k.Set("item", nil); err == nil {
		t.Error("no error for an empty service name")
	}
}

// Without a session bus the keychain is unavailable at once; go-keyring is
// not called, so godbus does not launch a bus of its own.
func TestKeychainNoBus(t *testing.T) {
	if _, err := os.Stat(fmt.Sprintf("/run/user/%d/bus", os.Getuid())); err == nil {
		t.Skip("this machine has a session bus at /run/user/UID/bus")
	}
	mockKeychain(t, nil)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	k := secret.NewKeychain("idpro-test")
	if _, err := k.Get("item"); !errors.Is(err, secret.ErrUnavailable) {
		t.Errorf("Get without a bus: %v, want ErrUnavailable", err)
	}
}
