package store

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Store is the bbolt-backed app.History and settings.
type Store struct {
	db  *bolt.DB
	now func() time.Time
}

// Options tune Open. Zero values are fine.
type Options struct {
	// Now is the clock used for Created/Updated stamps.
	Now func() time.Time
	// LockTimeout is how long to wait for another process that holds the
	// file (another idpro window).
	LockTimeout time.Duration
}

// Open opens or creates the store file at path, creating its directory.
func Open(path string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.LockTimeout == 0 {
		opt.LockTimeout = 500 * time.Millisecond
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, app.Errorf("store.open", err, "path", path)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.LockTimeout})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, app.Errorf("store.locked", err, "path", path)
	case err != nil:
		return nil, app.Errorf("store.open", err, "path", path)
	}
	if err := migrate(db); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, now: opt.Now}, nil
}

// Close releases the file for the next process.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the store lives in.
func (s *Store) Path() string { return s.db.Path() }

// update wraps bbolt's Update so that a write failure (a full disk, a
// read-only file) reaches the user as one translated error.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	err := s.db.Update(fn)
	var ae *app.Error
	if err != nil && !errors.As(err, &ae) {
		return app.Errorf("store.write", err, "path", s.db.Path())
	}
	return err
}
