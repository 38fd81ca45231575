package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"fmt"
)

// KeySize is the size of a Key: AES-256.
const KeySize = 32

// Overhead is how many bytes Seal adds to the plaintext. The sealed format,
// version 1, is
//
//	version (1 byte, 0x01) | nonce (12 bytes, random) | AES-256-GCM ciphertext and tag (16 bytes)
//
// The version byte is also authenticated (it leads the additional data), so
// a later format can be told apart and a changed byte does not open.
const Overhead = 1 + nonceSize + tagSize

const (
	formatV1  = 1
	nonceSize = 12
	tagSize   = 16
)

// A Key seals and opens data with AES-256-GCM. Make one with NewKey,
// DeriveKey or Unlock; the zero Key is not usable. It is safe for
// concurrent use. Its bytes never leave the package but to the keychain or
// sealed under another key.
type Key struct {
	raw  [KeySize]byte
	aead cipher.AEAD
}

// NewKey returns a new random key (crypto/rand).
func NewKey() *Key {
	var raw [KeySize]byte
	rand.Read(raw[:]) // never fails since Go 1.24
	return keyFrom(raw[:])
}

// keyFrom makes a Key of exactly KeySize bytes.
func keyFrom(raw []byte) *Key {
	k := &Key{}
	copy(k.raw[:], raw)
	block, err := aes.NewCipher(k.raw[:])
	if err != nil {
		panic(err) // only on a wrong length, which callers check
	}
	k.aead, err = cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return k
}

// String hides the key, so that a log line or %v never prints it.
func (k *Key) String() string { return "secret.Key(redacted)" }

// Seal encrypts and authenticates plaintext, binding additionalData (for
// example the record's id, so a sealed value cannot be moved to another
// record). Each call draws a random 96-bit nonce: keep it under 2^32 calls
// per key (the store seals far fewer).
func (k *Key) Seal(plaintext, additionalData []byte) []byte {
	out := make([]byte, 1+nonceSize, Overhead+len(plaintext))
	out[0] = formatV1
	rand.Read(out[1:])
	return k.aead.Seal(out, out[1:1+nonceSize], plaintext, aad(formatV1, additionalData))
}

// Open returns the plaintext of a Seal with the same key and additional
// data, or an error wrapping ErrTampered; never unauthenticated bytes.
func (k *Key) Open(sealed, additionalData []byte) ([]byte, error) {
	if len(sealed) < Overhead {
		return nil, fmt.Errorf("%w: %d bytes, shorter than any sealed value", ErrTampered, len(sealed))
	}
	if sealed[0] != formatV1 {
		return nil, fmt.Errorf("%w: unknown format version %d", ErrTampered, sealed[0])
	}
	plain, err := k.aead.Open(nil, sealed[1:1+nonceSize], sealed[1+nonceSize:], aad(sealed[0], additionalData))
	if err != nil {
		return nil, ErrTampered
	}
	return plain, nil
}

func aad(version byte, additionalData []byte) []byte {
	return append([]byte{version}, additionalData...)
}
