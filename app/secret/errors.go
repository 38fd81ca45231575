package secret

import "errors"

// Sentinel errors. Functions wrap them with the cause (errors.Is finds
// them); Unlock returns *app.Error values with a message key around them.
var (
	// ErrNotFound: the keychain answered, and holds no such item.
	ErrNotFound = errors.New("secret: no such keychain item")
	// ErrUnavailable: no keychain answers on this machine (no D-Bus
	// session, no Secret Service, a locked or refused keychain, a timeout,
	// an unsupported platform). Callers fall back to a passphrase.
	ErrUnavailable = errors.New("secret: no keychain available")
	// ErrTooLarge: a value over MaxValueSize, or an item or service name
	// over MaxNameSize; refused rather than truncated.
	ErrTooLarge = errors.New("secret: too large for the keychain")
	// ErrTampered: sealed data that does not open: changed, cut, from
	// another key or other additional data, or of an unknown format.
	ErrTampered = errors.New("secret: sealed data does not open (tampered, damaged or another key)")
	// ErrWrongKey: a verifier that the key does not open.
	ErrWrongKey = errors.New("secret: wrong key")
	// ErrWrongPassphrase: a passphrase whose key does not open the verifier.
	ErrWrongPassphrase = errors.New("secret: wrong passphrase")
)
