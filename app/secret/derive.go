package secret

import (
	"crypto/rand"
	"fmt"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Params are Argon2id's costs. They are kept with what a derived key
// sealed, so they can be raised later while old records still open.
type Params struct {
	Time      uint32 `json:"t"` // passes over memory
	MemoryKiB uint32 `json:"m"` // memory in KiB
	Threads   uint8  `json:"p"` // lanes; the result depends on it
}

// DefaultParams are RFC 9106's second recommended option (t=3, 64 MiB,
// p=4), above OWASP's minimum (19 MiB, t=2, p=1). A key is derived once
// per start, so a desktop can afford it. Measured on the 2-core build
// machine: 73 ms idle (0.34-0.55 s while other builds loaded both cores),
// 64 MiB; a laptop five times slower still answers in under half a second.
var DefaultParams = Params{Time: 3, MemoryKiB: 64 * 1024, Threads: 4}

// Bounds on Params read from a record: a damaged or hostile record must not
// make DeriveKey run for hours or take all memory.
const (
	maxTime      = 64
	maxMemoryKiB = 1024 * 1024 // 1 GiB
)

// SaltSize is the size of NewSalt's salts, and the least DeriveKey takes.
const SaltSize = 16

// NewSalt returns a random salt for DeriveKey; a new one for each new
// passphrase.
func NewSalt() []byte {
	salt := make([]byte, SaltSize)
	rand.Read(salt)
	return salt
}

// DeriveKey derives a key from a passphrase with Argon2id. The same
// passphrase, salt and params give the same key; anything else, another.
// The passphrase is taken in Unicode NFC, so "é" typed as one character
// (Windows) or as e and an accent (macOS) is the same passphrase. It
// returns an error only for params out of bounds or a short salt.
func DeriveKey(passphrase string, salt []byte, p Params) (*Key, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	if len(salt) < SaltSize {
		return nil, fmt.Errorf("secret: salt of %d bytes, want at least %d", len(salt), SaltSize)
	}
	return keyFrom(argon2.IDKey([]byte(norm.NFC.String(passphrase)), salt, p.Time, p.MemoryKiB, p.Threads, KeySize)), nil
}

func (p Params) check() error {
	if p.Time < 1 || p.Time > maxTime || p.Threads < 1 ||
		p.MemoryKiB < 8*uint32(p.Threads) || p.MemoryKiB > maxMemoryKiB {
		return fmt.Errorf("secret: Argon2id params out of bounds: %+v", p)
	}
	return nil
}
