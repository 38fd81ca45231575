package secret

import (
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/zalando/go-keyring"
)

// A Keyring keeps small secrets by name. Keychain is the operating
// system's; secrettest.Keyring one in memory for tests.
type Keyring interface {
	// Get returns the item's value, or an error wrapping ErrNotFound or
	// ErrUnavailable.
	Get(item string) ([]byte, error)
	// Set stores value under item, replacing any; errors wrap ErrTooLarge
	// or ErrUnavailable.
	Set(item string, value []byte) error
	// Delete removes the item; errors wrap ErrNotFound or ErrUnavailable.
	Delete(item string) error
}

// Size limits, the smallest of the three platforms so that a value that
// fits on the Linux test machine fits everywhere:
//   - Windows Credential Manager: a password of at most 2560 bytes, a
//     target name ("service:item") under 512 bytes.
//   - macOS Keychain (through the security tool, which go-keyring feeds a
//     4096-byte command line with the value base64-encoded once more): about
//     2.8 KB of our encoded value with names of MaxNameSize.
//   - Secret Service: no hard limit, slow above 100 KB.
//
// Values are stored base64-encoded (binary survives every platform's text
// handling), so 2560 encoded bytes hold 1920 bytes. Larger secrets (a long
// token pair) go sealed into the store instead, under a key kept here.
const (
	MaxValueSize = 2560 / 4 * 3 // 1920
	MaxNameSize  = 128          // service and item names, each
)

// DefaultTimeout bounds one keychain call: long enough for a person to
// answer the system's unlock prompt, short enough that a hung keychain
// daemon (a prompt nobody can see) ends in ErrUnavailable.
const DefaultTimeout = time.Minute

// Keychain is the operating system's keychain (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows) through
// github.com/zalando/go-keyring, for one service name.
type Keychain struct {
	Service string
	// Timeout bounds each call; 0 means DefaultTimeout. A call that times
	// out keeps running in the background until the keychain answers.
	Timeout time.Duration
}

// NewKeychain returns the keychain for service (for example "idpro").
func NewKeychain(service string) *Keychain { return &Keychain{Service: service} }

// Get returns the item's value.
func (k *Keychain) Get(item string) ([]byte, error) {
	if err := k.checkNames(item); err != nil {
		return nil, err
	}
	var s string
	err := k.call(func() (err error) {
		s, err = keyring.Get(k.Service, item)
		return err
	})
	if err != nil {
		return nil, err
	}
	v, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("secret: keychain item %q of service %q is not ours (not base64): %w", item, k.Service, err)
	}
	return v, nil
}

// Set stores value under item. A value over MaxValueSize is refused with
// ErrTooLarge, never truncated.
func (k *Keychain) Set(item string, value []byte) error {
	if err := k.checkNames(item); err != nil {
		return err
	}
	if len(value) > MaxValueSize {
		return fmt.Errorf("%w: %d bytes for %q, at most %d", ErrTooLarge, len(value), item, MaxValueSize)
	}
	s := base64.StdEncoding.EncodeToString(value)
	return k.call(func() error { return keyring.Set(k.Service, item, s) })
}

// Delete removes item.
func (k *Keychain) Delete(item string) error {
	if err := k.checkNames(item); err != nil {
		return err
	}
	return k.call(func() error { return keyring.Delete(k.Service, item) })
}

func (k *Keychain) checkNames(item string) error {
	if k.Service == "" || item == "" {
		return errors.New("secret: empty keychain service or item name")
	}
	if len(k.Service) > MaxNameSize || len(item) > MaxNameSize {
		return fmt.Errorf("%w: service or item name over %d bytes", ErrTooLarge, MaxNameSize)
	}
	return nil
}

// call runs f with the timeout and maps go-keyring's errors to ours.
func (k *Keychain) call(f func() error) error {
	if err := sessionBus(); err != nil {
		return err
	}
	timeout := k.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return mapError(err)
	case <-time.After(timeout):
		return fmt.Errorf("%w: no answer within %v", ErrUnavailable, timeout)
	}
}

func mapError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return fmt.Errorf("%w: %w", ErrTooLarge, err)
	default:
		// No bus, no Secret Service, a locked or refused keychain, an
		// unsupported platform: go-keyring gives them no type, and to
		// the caller they all mean "fall back".
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
}
