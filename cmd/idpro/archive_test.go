package main

import (
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/app/secret/secrettest"
	"github.com/idpro/idpro/store"
)

// A backup made from the File menu, with the recovery passphrase the menu
// offers first, opens on another computer (another keychain) with that
// passphrase, and nowhere without it.
func TestBackupOpensElsewhereWithTheRecoveryPassphrase(t *testing.T) {
	dir := t.TempDir()
	here := &secrettest.Keyring{}
	st, err := store.Open(filepath.Join(dir, "idpro.db"), store.Options{Keys: secret.Options{Keyring: here}})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := &app.Request{Status: app.Draft, Person: app.Person{Surname: "Kowalska"}}
	if err := st.Save(r); err != nil {
		t.Fatal(err)
	}
	a := storeArchive{st}
	if has, err := a.HasRecovery(); err != nil || has {
		t.Fatalf("recovery before setting one: %v, %v", has, err)
	}
	if err := a.SetRecovery("correct horse battery"); err != nil {
		t.Fatal(err)
	}
	if has, _ := a.HasRecovery(); !has {
		t.Fatal("no recovery passphrase after setting one")
	}
	copyPath := filepath.Join(t.TempDir(), "backup.db")
	if err := a.Backup(copyPath); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(copyPath, store.Options{Keys: secret.Options{Keyring: &secrettest.Keyring{},
		Passphrase: func(bool) (string, error) { return "wrong passphrase", nil }}}); app.ErrorCode(err) != "secret.wrong_passphrase" {
		t.Fatalf("another computer, wrong passphrase: %v", err)
	}
	elsewhere, err := store.Open(copyPath, store.Options{Keys: secret.Options{Keyring: &secrettest.Keyring{},
		Passphrase: func(bool) (string, error) { return "correct horse battery", nil }}})
	if err != nil {
		t.Fatal(err)
	}
	defer elsewhere.Close()
	got, err := elsewhere.Request(r.ID)
	if err != nil || got.Person.Surname != "Kowalska" {
		t.Fatalf("the backup's request: %+v, %v", got, err)
	}
}
