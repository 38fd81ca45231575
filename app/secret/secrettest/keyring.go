// Package secrettest gives tests a keychain in memory, so that code using a
// secret.Keyring is tested without an operating system keychain.
package secrettest

import (
	"fmt"
	"sync"

	"github.com/idpro/idpro/app/secret"
)

// Keyring is a secret.Keyring in memory, safe for concurrent use. Set Err
// (for example secret.ErrUnavailable) to make every call fail with it.
type Keyring struct {
	mu    sync.Mutex
	items map[string][]byte
	Err   error
}

// Get returns a copy of the item's value.
func (k *Keyring) Get(item string) ([]byte, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Err != nil {
		return nil, k.Err
	}
	v, ok := k.items[item]
	if !ok {
		return nil, fmt.Errorf("%w: %q", secret.ErrNotFound, item)
	}
	return append([]byte(nil), v...), nil
}

// Set keeps a copy of value, with the keychain's size limit.
func (k *Keyring) Set(item string, value []byte) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Err != nil {
		return k.Err
	}
	if len(value) > secret.MaxValueSize {
		return fmt.Errorf("%w: %d bytes", secret.ErrTooLarge, len(value))
	}
	if k.items == nil {
		k.items = make(map[string][]byte)
	}
	k.items[item] = append([]byte(nil), value...)
	return nil
}

// Delete removes the item.
func (k *Keyring) Delete(item string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Err != nil {
		return k.Err
	}
	if _, ok := k.items[item]; !ok {
		return fmt.Errorf("%w: %q", secret.ErrNotFound, item)
	}
	delete(k.items, item)
	return nil
}
