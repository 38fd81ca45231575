package secret

import (
	"errors"
	"testing"
	"time"
)

// A keychain call that hangs (a prompt nobody sees) ends as unavailable.
func TestKeychainTimeout(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	k := &Keychain{Service: "idpro-test", Timeout: 20 * time.Millisecond}
	release := make(chan struct{})
	defer close(release)
	err := k.call(func() error { <-release; return nil })
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("hung call: %v, want ErrUnavailable", err)
	}
}
