package secret

import "crypto/subtle"

// A verifier is a known value sealed under a key. Opening it tells whether a
// key (from a passphrase, or from the keychain) is the right one before
// anything else is opened with it, so a wrong key is reported as such and
// not as damaged data.
var (
	verifierText = []byte("idpro secret verifier")
	verifierAD   = []byte("idpro/secret verifier v1")
)

// Verifier returns a new verifier for k: 50 bytes to keep beside the data.
func (k *Key) Verifier() []byte {
	return k.Seal(verifierText, verifierAD)
}

// Verify returns nil when verifier was made by k, else ErrWrongKey. A
// damaged verifier also gives ErrWrongKey: authenticated encryption cannot
// tell the two apart.
func (k *Key) Verify(verifier []byte) error {
	plain, err := k.Open(verifier, verifierAD)
	if err != nil || subtle.ConstantTimeCompare(plain, verifierText) != 1 {
		return ErrWrongKey
	}
	return nil
}
