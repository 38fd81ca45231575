package secret_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/idpro/idpro/app/secret"
)

func TestSealRoundTrip(t *testing.T) {
	k := secret.NewKey()
	for _, plain := range [][]byte{nil, []byte("x"), bytes.Repeat([]byte("page "), 10000)} {
		sealed := k.Seal(plain, []byte("request/42"))
		if len(sealed) != len(plain)+secret.Overhead {
			t.Errorf("sealed %d bytes into %d, want overhead %d", len(plain), len(sealed), secret.Overhead)
		}
		if len(plain) > 4 && bytes.Contains(sealed, plain[:5]) {
			t.Error("plaintext visible in the sealed value")
		}
		got, err := k.Open(sealed, []byte("request/42"))
		if err != nil || !bytes.Equal(got, plain) {
			t.Errorf("Open = %q, %v; want the plaintext", got, err)
		}
	}
}

func TestOpenRefuses(t *testing.T) {
	k := secret.NewKey()
	sealed := k.Seal([]byte("Jan Janssens 85.07.30-033.61"), []byte("ad"))
	cases := map[string]struct {
		key    *secret.Key
		sealed []byte
		ad     string
	}{
		"wrong key":       {secret.NewKey(), sealed, "ad"},
		"wrong AAD":       {k, sealed, "ae"},
		"no AAD":          {k, sealed, ""},
		"cut tag":         {k, sealed[:len(sealed)-1], "ad"},
		"too short":       {k, sealed[:secret.Overhead-1], "ad"},
		"empty":           {k, nil, "ad"},
		"appended":        {k, append(append([]byte(nil), sealed...), 0), "ad"},
		"unknown version": {k, flip(sealed, 0), "ad"},
	}
	for i := range sealed { // every byte: version, nonce, ciphertext, tag
		cases[fmt.Sprintf("byte %d changed", i)] = struct {
			key    *secret.Key
			sealed []byte
			ad     string
		}{k, flip(sealed, i), "ad"}
	}
	for name, c := range cases {
		got, err := c.key.Open(c.sealed, []byte(c.ad))
		if !errors.Is(err, secret.ErrTampered) || got != nil {
			t.Errorf("%s: Open = %q, %v; want nil, ErrTampered", name, got, err)
		}
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x01
	return c
}

func TestNoncesUnique(t *testing.T) {
	k := secret.NewKey()
	seen := make(map[string]bool)
	for range 100000 {
		nonce := string(k.Seal([]byte("same"), nil)[1:13])
		if seen[nonce] {
			t.Fatal("a nonce came twice")
		}
		seen[nonce] = true
	}
}

func TestVerifier(t *testing.T) {
	k := secret.NewKey()
	v := k.Verifier()
	if err := k.Verify(v); err != nil {
		t.Errorf("Verify(own verifier) = %v", err)
	}
	if err := secret.NewKey().Verify(v); !errors.Is(err, secret.ErrWrongKey) {
		t.Errorf("Verify with another key = %v, want ErrWrongKey", err)
	}
	if bytes.Equal(v, k.Verifier()) {
		t.Error("two verifiers of one key are equal: the nonce is not random")
	}
}

func TestKeyNotPrinted(t *testing.T) {
	if s := fmt.Sprintf("%v %s %+v", secret.NewKey(), secret.NewKey(), secret.NewKey()); s != "secret.Key(redacted) secret.Key(redacted) secret.Key(redacted)" {
		t.Errorf("a key prints as %q", s)
	}
}
