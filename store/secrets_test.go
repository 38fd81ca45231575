package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/store"
)

// Where no keychain answers, the sign-in's tokens are kept sealed in the
// store: readable back, never in clear in the file, and forgotten on
// sign-out.
func TestSecretsAreSealed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Secret("signin sandbox"); !errors.Is(err, store.ErrNoSecret) {
		t.Fatalf("unknown item: %v", err)
	}
	token := []byte(`{"r":"refresh-token-that-must-not-leak"}`)
	if err := st.SetSecret("signin sandbox", token); err != nil {
		t.Fatal(err)
	}
	got, err := st.Secret("signin sandbox")
	if err != nil || !bytes.Equal(got, token) {
		t.Fatalf("read back %q, %v", got, err)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("refresh-token-that-must-not-leak")) {
		t.Error("the token is in clear in the file")
	}
	if err := st.DeleteSecret("signin sandbox"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Secret("signin sandbox"); !errors.Is(err, store.ErrNoSecret) {
		t.Errorf("after delete: %v", err)
	}
}
