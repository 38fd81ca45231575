package secret_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/idpro/idpro/app/secret"
)

// cheap are Argon2id params that keep tests fast; never for real data.
var cheap = secret.Params{Time: 1, MemoryKiB: 64, Threads: 1}

func TestDeriveKey(t *testing.T) {
	salt := secret.NewSalt()
	derive := func(pass string, salt []byte, p secret.Params) *secret.Key {
		t.Helper()
		k, err := secret.DeriveKey(pass, salt, p)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	v := derive("correct horse", salt, cheap).Verifier()
	if err := derive("correct horse", salt, cheap).Verify(v); err != nil {
		t.Errorf("same passphrase, salt and params: %v", err)
	}
	others := map[string]*secret.Key{
		"other passphrase": derive("correct horsf", salt, cheap),
		"other salt":       derive("correct horse", secret.NewSalt(), cheap),
		"other params":     derive("correct horse", salt, secret.Params{Time: 2, MemoryKiB: 64, Threads: 1}),
		"other threads":    derive("correct horse", salt, secret.Params{Time: 1, MemoryKiB: 64, Threads: 2}),
	}
	for name, k := range others {
		if err := k.Verify(v); !errors.Is(err, secret.ErrWrongKey) {
			t.Errorf("%s: Verify = %v, want ErrWrongKey", name, err)
		}
	}
	// The same passphrase typed on two systems: é composed, or e + U+0301.
	if err := derive("caf\u0065\u0301 liégeois", salt, cheap).Verify(derive("caf\u00e9 li\u00e9geois", salt, cheap).Verifier()); err != nil {
		t.Errorf("NFD and NFC spellings give two keys: %v", err)
	}
	if bytes.Equal(secret.NewSalt(), secret.NewSalt()) {
		t.Error("two salts are equal")
	}
}

func TestDeriveKeyRefuses(t *testing.T) {
	for name, c := range map[string]struct {
		salt []byte
		p    secret.Params
	}{
		"short salt":   {make([]byte, 8), cheap},
		"zero time":    {secret.NewSalt(), secret.Params{Time: 0, MemoryKiB: 64, Threads: 1}},
		"zero threads": {secret.NewSalt(), secret.Params{Time: 1, MemoryKiB: 64, Threads: 0}},
		"4 GiB":        {secret.NewSalt(), secret.Params{Time: 1, MemoryKiB: 4 << 20, Threads: 1}},
		"1000 passes":  {secret.NewSalt(), secret.Params{Time: 1000, MemoryKiB: 64, Threads: 1}},
	} {
		if _, err := secret.DeriveKey("pass", c.salt, c.p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestWrap(t *testing.T) {
	key := secret.NewKey()
	sealed := key.Seal([]byte("data"), nil)
	w, err := secret.Wrap(key, "correct horse", cheap)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.Unwrap("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if plain, err := got.Open(sealed, nil); err != nil || string(plain) != "data" {
		t.Errorf("the unwrapped key opens %q, %v", plain, err)
	}
	if _, err := w.Unwrap("Correct horse"); !errors.Is(err, secret.ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	// Right passphrase, damaged record: damaged, not "wrong passphrase".
	damaged := *w
	damaged.Key = flip(w.Key, len(w.Key)-1)
	if _, err := damaged.Unwrap("correct horse"); !errors.Is(err, secret.ErrTampered) {
		t.Errorf("damaged key: %v, want ErrTampered", err)
	}
	hostile := *w
	hostile.Params.MemoryKiB = 1 << 31
	if _, err := hostile.Unwrap("correct horse"); !errors.Is(err, secret.ErrTampered) {
		t.Errorf("absurd params: %v, want ErrTampered", err)
	}
}
