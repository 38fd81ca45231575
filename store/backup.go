package store

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// WriteBackup writes a consistent copy of the open store to w: one read
// transaction, so saves go on meanwhile and the copy is the file as of one
// moment. The copy is as sealed as the store; it opens with this
// computer's keychain or the store's passphrase. The app's File menu
// calls it (the running app holds the file's lock).
func (s *Store) WriteBackup(w io.Writer) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, app.Errorf("store.backup", err, "path", s.db.Path())
	}
	return n, nil
}

// Backup writes a consistent copy of the store file at path to w without
// its key (nothing is opened): for `idpro backup` while the app is closed.
// A running app holds the file: store.locked.
func Backup(path string, w io.Writer, lockTimeout time.Duration) (int64, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, app.Errorf("store.open", err, "path", path)
	}
	if lockTimeout == 0 {
		lockTimeout = defaultLockTimeout
	}
	db, err := openDB(path, lockTimeout, true)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	return (&Store{db: db}).WriteBackup(w)
}

// WriteFile writes a backup made by write to path atomically: a temporary
// file beside it, synced, then renamed, so a crash or a full disk never
// leaves half a backup under the name. The file is private (0600).
func WriteFile(path string, write func(io.Writer) (int64, error)) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return app.Errorf("store.backup", err, "path", path)
	}
	defer os.Remove(tmp.Name())
	_, err = write(tmp)
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err == nil {
		err = syncDir(path)
	}
	if err != nil && app.ErrorCode(err) == "" {
		return app.Errorf("store.backup", err, "path", path)
	}
	return err
}
