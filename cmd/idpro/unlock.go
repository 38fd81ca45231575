package main

import (
	"os"
	"path/filepath"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/store"
)

// storeFile is the history's file in the data directory.
const storeFile = "idpro.db"

// passphraseEnv supplies the store's passphrase where no one can type
// (scripts, CI, the commands below when the computer has no keychain).
const passphraseEnv = "IDPRO_PASSPHRASE"

// openStore opens the history in dir with its data key from the OS
// keychain, or from the passphrase prompt.
func openStore(dir string, prompt secret.Prompt) (*store.Store, error) {
	return store.Open(filepath.Join(dir, storeFile), store.Options{Keys: secret.Options{
		Keyring:    secret.NewKeychain("idpro"),
		Passphrase: prompt,
	}})
}

// envPassphrase answers the prompt from IDPRO_PASSPHRASE, the same for a
// new passphrase and an existing one.
func envPassphrase(bool) (string, error) {
	if p := os.Getenv(passphraseEnv); p != "" {
		return p, nil
	}
	return "", app.Errorf("secret.passphrase_needed", secret.ErrUnavailable)
}
