package secret_test

import (
	"testing"

	"github.com/idpro/idpro/app/secret"
)

// A scanned page as the store keeps it: about 2 MB.
const pageSize = 2 << 20

func BenchmarkSeal2MB(b *testing.B) {
	k, page := secret.NewKey(), make([]byte, pageSize)
	b.SetBytes(pageSize)
	for b.Loop() {
		k.Seal(page, []byte("blob/sha256"))
	}
}

func BenchmarkOpen2MB(b *testing.B) {
	k := secret.NewKey()
	sealed := k.Seal(make([]byte, pageSize), []byte("blob/sha256"))
	b.SetBytes(pageSize)
	for b.Loop() {
		if _, err := k.Open(sealed, []byte("blob/sha256")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeriveKey measures DefaultParams: the wait for the passphrase's
// key once per start.
func BenchmarkDeriveKey(b *testing.B) {
	salt := secret.NewSalt()
	for b.Loop() {
		if _, err := secret.DeriveKey("correct horse battery staple", salt, secret.DefaultParams); err != nil {
			b.Fatal(err)
		}
	}
}
