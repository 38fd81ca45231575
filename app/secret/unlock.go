package secret

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/idpro/idpro/app"
)

// DataKeyItem is the keychain item that holds the install's data key.
const DataKeyItem = "data-key"

// MinPassphraseLen is the shortest new passphrase accepted, in characters.
// Argon2id slows guessing; it cannot save a four-letter word.
const MinPassphraseLen = 8

// Header is what a store keeps in clear (its meta bucket) to find its data
// key again: never the key itself. Persist it as JSON.
type Header struct {
	Version int    `json:"v"`
	Check   []byte `json:"check"` // the data key's verifier: is the keychain's key this store's?
	// Passphrase is the data key wrapped under the passphrase: set where
	// no keychain answered at creation, or added as a recovery passphrase
	// (SetPassphrase). Nil when only the keychain holds the key.
	Passphrase *Wrapped `json:"passphrase,omitempty"`
}

const headerV1 = 1

// Prompt asks the user for the passphrase. When first is true there is
// none yet and the user chooses one (the GUI asks twice to confirm). Where no
// one can type, the caller answers from IDPRO_PASSPHRASE. An error (the
// user cancelled) ends Unlock with that error.
type Prompt func(first bool) (string, error)

// Options tell Unlock where the key may be.
type Options struct {
	Keyring    Keyring // nil: no keychain, the passphrase only
	Item       string  // keychain item; "" means DataKeyItem
	Passphrase Prompt  // nil: none can be asked
	Params     Params  // for a new passphrase; zero means DefaultParams
}

// Unlock returns the install's data key, and the Header to persist.
//
// For a new store (h nil) the key is the keychain's when it holds one,
// else a new key put there; where no keychain answers, a new key wrapped
// under a new passphrase (Prompt with first=true). The caller must persist
// the returned Header before it seals anything with the key.
//
// For an existing store the keychain's key is used when it matches
// h.Check; otherwise the passphrase, when h has one (Prompt with
// first=false). A key unwrapped where the keychain answers but lacks it (a
// restored backup, a new computer) is put back into the keychain, so
// later starts do not ask. The returned Header is then h.
//
// Errors a user can meet are *app.Error: secret.wrong_passphrase (call
// again to ask again), secret.passphrase_short, secret.passphrase_needed,
// secret.keychain_unavailable, secret.key_lost, secret.damaged.
func Unlock(h *Header, o Options) (*Key, *Header, error) {
	if o.Item == "" {
		o.Item = DataKeyItem
	}
	if h == nil {
		return create(o)
	}
	if h.Version != headerV1 {
		return nil, nil, app.Errorf("secret.damaged", fmt.Errorf("%w: header version %d", ErrTampered, h.Version))
	}
	key, kerr := fromKeychain(o)
	if kerr == nil && key.Verify(h.Check) == nil {
		return key, h, nil
	}
	if kerr == nil {
		kerr = fmt.Errorf("%w: the keychain's %q is another store's key", ErrWrongKey, o.Item)
	}
	if h.Passphrase == nil {
		if errors.Is(kerr, ErrUnavailable) {
			return nil, nil, app.Errorf("secret.keychain_unavailable", kerr)
		}
		return nil, nil, app.Errorf("secret.key_lost", kerr)
	}
	key, err := unwrap(h, o)
	if err != nil {
		return nil, nil, err
	}
	if errors.Is(kerr, ErrNotFound) {
		_ = o.Keyring.Set(o.Item, key.raw[:]) // best effort: the passphrase still opens it
	}
	return key, h, nil
}

// create makes the data key of a new store.
func create(o Options) (*Key, *Header, error) {
	key, err := fromKeychain(o)
	if errors.Is(err, ErrNotFound) {
		key = NewKey()
		err = o.Keyring.Set(o.Item, key.raw[:])
	}
	if err == nil {
		return key, &Header{Version: headerV1, Check: key.Verifier()}, nil
	}
	if !errors.Is(err, ErrUnavailable) {
		// A foreign item under our name: a person must look, rather
		// than a new key silently replace one that may open data.
		return nil, nil, app.Errorf("secret.damaged", err)
	}
	pass, err := ask(o, true)
	if err != nil {
		return nil, nil, err
	}
	key = NewKey()
	h := &Header{Version: headerV1, Check: key.Verifier()}
	if err := h.SetPassphrase(key, pass, o.Params); err != nil {
		return nil, nil, err
	}
	return key, h, nil
}

// fromKeychain reads the data key; a missing keychain is ErrUnavailable.
func fromKeychain(o Options) (*Key, error) {
	if o.Keyring == nil {
		return nil, ErrUnavailable
	}
	raw, err := o.Keyring.Get(o.Item)
	if err != nil {
		return nil, err
	}
	if len(raw) != KeySize {
		return nil, fmt.Errorf("%w: keychain item %q holds %d bytes, not a key", ErrWrongKey, o.Item, len(raw))
	}
	return keyFrom(raw), nil
}

func unwrap(h *Header, o Options) (*Key, error) {
	pass, err := ask(o, false)
	if err != nil {
		return nil, err
	}
	key, err := h.Passphrase.Unwrap(pass)
	switch {
	case errors.Is(err, ErrWrongPassphrase):
		return nil, app.Errorf("secret.wrong_passphrase", err)
	case err != nil:
		return nil, app.Errorf("secret.damaged", err)
	case key.Verify(h.Check) != nil:
		return nil, app.Errorf("secret.damaged", fmt.Errorf("%w: the passphrase's key is not the store's", ErrTampered))
	}
	return key, nil
}

func ask(o Options, first bool) (string, error) {
	if o.Passphrase == nil {
		return "", app.Errorf("secret.passphrase_needed", ErrUnavailable)
	}
	pass, err := o.Passphrase(first)
	if err != nil {
		return "", err
	}
	if first {
		if err := checkNew(pass); err != nil {
			return "", err
		}
	}
	return pass, nil
}

func checkNew(pass string) error {
	if utf8.RuneCountInString(pass) < MinPassphraseLen {
		return app.Errorf("secret.passphrase_short", nil, "min", MinPassphraseLen)
	}
	return nil
}
