package store

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/app/secret/secrettest"
)

// cheap are Argon2id costs for tests only: a derivation in about 1 ms.
var cheap = secret.Params{Time: 1, MemoryKiB: 64, Threads: 1}

func passphraseKeys(pass string, asked *int) secret.Options {
	return secret.Options{
		Keyring: &secrettest.Keyring{Err: secret.ErrUnavailable},
		Params:  cheap,
		Passphrase: func(bool) (string, error) {
			*asked++
			return pass, nil
		},
	}
}

func TestPassphraseStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	asked := 0
	s, err := Open(path, Options{Keys: passphraseKeys("correct horse", &asked)})
	if err != nil {
		t.Fatal(err)
	}
	r := secretRequest()
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path, Options{Keys: passphraseKeys("wrong horse", &asked)}); app.ErrorCode(err) != "secret.wrong_passphrase" {
		t.Fatalf("wrong passphrase: %v", err)
	}
	// Another computer, whose keychain answers: the passphrase opens the
	// store and puts the key there, so the next start does not ask.
	kc := &secrettest.Keyring{}
	keys := passphraseKeys("correct horse", &asked)
	keys.Keyring = kc
	s, err = Open(path, Options{Keys: keys})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Request(r.ID); err != nil || got.Person != r.Person {
		t.Fatalf("reopened %+v, %v", got, err)
	}
	s.Close()
	asked = 0
	s, err = Open(path, Options{Keys: keys})
	if err != nil || asked != 0 {
		t.Fatalf("reopen with the keychain: asked %d times, %v", asked, err)
	}
	s.Close()
}

func TestKeychainLossAndRecoveryPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	kc := &secrettest.Keyring{}
	s, err := Open(path, Options{Keys: secret.Options{Keyring: kc, Params: cheap}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(secretRequest()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	lost := &secrettest.Keyring{} // a reinstalled computer
	if _, err := Open(path, Options{Keys: secret.Options{Keyring: lost}}); app.ErrorCode(err) != "secret.key_lost" {
		t.Fatalf("keychain lost, no passphrase: %v", err)
	}
	s, err = Open(path, Options{Keys: secret.Options{Keyring: kc, Params: cheap}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassphrase("short"); app.ErrorCode(err) != "secret.passphrase_short" {
		t.Errorf("short recovery passphrase: %v", err)
	}
	if err := s.SetPassphrase("recovery passphrase"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	asked := 0
	keys := passphraseKeys("recovery passphrase", &asked)
	keys.Keyring = lost
	s, err = Open(path, Options{Keys: keys})
	if err != nil || asked != 1 {
		t.Fatalf("recovery: asked %d, %v", asked, err)
	}
	s.Close()
}

func TestBackupIsConsistentAndSealed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "idpro.db")
	s := open(t, path)
	r := secretRequest()
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := s.WriteBackup(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Backup(path, &buf, 10*time.Millisecond); app.ErrorCode(err) != "store.locked" {
		t.Errorf("a backup of the file the app holds: %v", err)
	}
	s.Close()
	copyPath := filepath.Join(dir, "copy.db")
	if err := WriteFile(copyPath, func(w io.Writer) (int64, error) {
		return Backup(path, w, 0)
	}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(copyPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup file %v, %v", st, err)
	}
	grepFile(t, copyPath, secretsOf(r))
	c := open(t, copyPath)
	defer c.Close()
	if got, err := c.Request(r.ID); err != nil || got.Person != r.Person || len(got.Pages) != 2 {
		t.Fatalf("restored %+v, %v", got, err)
	}
	if _, err := Backup(filepath.Join(dir, "none.db"), &buf, 0); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backup of a missing file: %v", err)
	}
}
