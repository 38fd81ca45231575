package secret

import (
	"errors"
	"fmt"

	"github.com/idpro/idpro/app"
)

// SetPassphrase wraps the open data key under a new passphrase and keeps it
// in h, replacing any: a recovery passphrase for a store whose key is in
// the keychain (the only way to open a backup on another computer), or a
// change of passphrase. Persist h afterwards. key must be h's data key.
func (h *Header) SetPassphrase(key *Key, passphrase string, p Params) error {
	if h.Check != nil && key.Verify(h.Check) != nil {
		return fmt.Errorf("%w: not this store's data key", ErrWrongKey)
	}
	if err := checkNew(passphrase); err != nil {
		return err
	}
	w, err := Wrap(key, passphrase, p)
	if err != nil {
		return err
	}
	h.Passphrase = w
	return nil
}

// ChangePassphrase replaces the passphrase once the old one is given, so
// that only a person who knows it can change it. Persist h afterwards.
func (h *Header) ChangePassphrase(old, newPass string, p Params) error {
	if h.Passphrase == nil {
		return app.Errorf("secret.wrong_passphrase", fmt.Errorf("%w: the store has no passphrase", ErrWrongPassphrase))
	}
	key, err := h.Passphrase.Unwrap(old)
	if err != nil {
		if errors.Is(err, ErrWrongPassphrase) {
			return app.Errorf("secret.wrong_passphrase", err)
		}
		return app.Errorf("secret.damaged", err)
	}
	return h.SetPassphrase(key, newPass, p)
}
