package main

import (
	"github.com/idpro/idpro/store"
)

// storeArchive gives the app's File menu and settings the store's backup,
// recovery passphrase and retention.
type storeArchive struct{ st *store.Store }

func (a storeArchive) Backup(path string) error { return store.WriteFile(path, a.st.WriteBackup) }

func (a storeArchive) HasRecovery() (bool, error) {
	h, err := a.st.Header()
	if err != nil {
		return false, err
	}
	return h != nil && h.Passphrase != nil, nil
}

func (a storeArchive) SetRecovery(passphrase string) error { return a.st.SetPassphrase(passphrase) }

func (a storeArchive) Purge() (int, error) { return a.st.Purge() }
