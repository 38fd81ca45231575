package secret

import "fmt"

// Wrapped is a key sealed under a passphrase: what is kept, instead of the
// key, where no keychain holds it. It is safe to store in clear (JSON); only
// the passphrase opens it.
type Wrapped struct {
	Params   Params `json:"params"`
	Salt     []byte `json:"salt"`
	Verifier []byte `json:"verifier"` // tells a wrong passphrase from a damaged Key
	Key      []byte `json:"key"`      // the wrapped key, sealed under the passphrase's key
}

var wrappedAD = []byte("idpro/secret wrapped key v1")

// Wrap seals key under a key derived from passphrase with a new salt; zero
// p means DefaultParams.
func Wrap(key *Key, passphrase string, p Params) (*Wrapped, error) {
	if p == (Params{}) {
		p = DefaultParams
	}
	salt := NewSalt()
	pk, err := DeriveKey(passphrase, salt, p)
	if err != nil {
		return nil, err
	}
	return &Wrapped{Params: p, Salt: salt, Verifier: pk.Verifier(), Key: pk.Seal(key.raw[:], wrappedAD)}, nil
}

// Unwrap returns the wrapped key. The error wraps ErrWrongPassphrase when
// the passphrase does not open the verifier, and ErrTampered when it does
// but the record is damaged.
func (w *Wrapped) Unwrap(passphrase string) (*Key, error) {
	pk, err := DeriveKey(passphrase, w.Salt, w.Params)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrTampered, err)
	}
	if err := pk.Verify(w.Verifier); err != nil {
		return nil, ErrWrongPassphrase
	}
	raw, err := pk.Open(w.Key, wrappedAD)
	if err != nil {
		return nil, err
	}
	if len(raw) != KeySize {
		return nil, fmt.Errorf("%w: wrapped key of %d bytes", ErrTampered, len(raw))
	}
	return keyFrom(raw), nil
}
