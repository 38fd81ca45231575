package store

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/app/secret/secrettest"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Store is the bbolt-backed app.History and settings, sealed under the
// install's data key.
type Store struct {
	db          *bolt.DB
	now         func() time.Time
	seal        *sealer
	lockTimeout time.Duration

	// memo remembers the blob names of recently saved pages, so an
	// autosave compares pages with bytes.Equal instead of hashing 8 MB.
	memo memo
	// list caches what Requests decoded.
	list listCache
	// settings is what Settings last read or SaveSettings wrote: the
	// screens read settings on the UI goroutine, and this process alone
	// writes the file it holds locked.
	settings atomic.Pointer[app.Settings]
	// purging keeps one Purge at a time (at open, on the daily timer).
	purging sync.Mutex
}

// Options tune Open. Zero values are fine in tests.
type Options struct {
	// Now is the clock used for Created/Updated stamps and retention.
	Now func() time.Time
	// LockTimeout is how long to wait for another process that holds the
	// file (another idpro window).
	LockTimeout time.Duration
	// Keys tell where the data key is (secret.Unlock): the OS keychain and
	// a passphrase prompt. When neither Keyring nor Passphrase is set, the
	// key lives in this process's memory only (testKeyring): a file made
	// so cannot be opened by another process. cmd/idpro always sets them.
	Keys secret.Options
}

// testKeyring is the zero Options' keychain: tests open, close and reopen
// stores in one process without an OS keychain.
var testKeyring = &secrettest.Keyring{}

// defaultLockTimeout: a second idpro gives up quickly with "already
// running" rather than looking frozen.
const defaultLockTimeout = 500 * time.Millisecond

// Open opens or creates the store file at path, creating its directory,
// unlocks its data key, brings its schema up to date and purges what the
// retention period says is due.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.LockTimeout == 0 {
		opt.LockTimeout = defaultLockTimeout
	}
	if opt.Keys.Keyring == nil && opt.Keys.Passphrase == nil {
		opt.Keys.Keyring = testKeyring
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, app.Errorf("store.open", err, "path", path)
	}
	db, err := openDB(path, opt.LockTimeout, false)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, now: opt.Now, lockTimeout: opt.LockTimeout}
	if err := s.start(opt.Keys); err != nil {
		s.db.Close()
		return nil, err
	}
	if _, err := s.Purge(); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

func openDB(path string, timeout time.Duration, readOnly bool) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: readOnly})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, app.Errorf("store.locked", err, "path", path)
	case err != nil:
		return nil, app.Errorf("store.open", err, "path", path)
	}
	return db, nil
}

// start unlocks the data key and migrates: the version is checked first,
// so a newer file is refused before any key is asked for.
func (s *Store) start(keys secret.Options) error {
	version, err := s.version()
	if err != nil {
		return err
	}
	if err := s.unlock(keys); err != nil {
		return err
	}
	if err := s.migrate(version); err != nil {
		return err
	}
	if s.needsCompact() {
		return s.compact()
	}
	return nil
}

// Close releases the file for the next process.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the store lives in.
func (s *Store) Path() string { return s.db.Path() }

// update wraps bbolt's Update so that a write failure (a full disk, a
// read-only file) reaches the user as one translated error.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	return s.wrap(s.db.Update(fn))
}

// view is bbolt's View; a failure that is not already an *app.Error is
// a damaged file.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	err := s.db.View(fn)
	var ae *app.Error
	if err != nil && !errors.As(err, &ae) {
		return s.corrupt(err)
	}
	return err
}

func (s *Store) wrap(err error) error {
	var ae *app.Error
	if err != nil && !errors.As(err, &ae) {
		return app.Errorf("store.write", err, "path", s.db.Path())
	}
	return err
}

func (s *Store) corrupt(err error) error {
	return app.Errorf("store.corrupt", err, "path", s.db.Path())
}
