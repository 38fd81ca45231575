package store

import (
	"os"
	"path/filepath"
	"runtime"

	bolt "go.etcd.io/bbolt"
)

// compact rewrites a migrated file into a new one holding only live data,
// then replaces it: bbolt reuses freed pages without clearing them, so
// after a migration from a clear schema the old names and images would
// stay readable in the file's free pages. A crash before the rename
// leaves the migrated file and its mark; the next Open compacts again.
func (s *Store) compact() error {
	path := s.db.Path()
	tmp := path + ".compact"
	_ = os.Remove(tmp) // a crashed earlier try
	dst, err := bolt.Open(tmp, 0o600, nil)
	if err != nil {
		return s.wrap(err)
	}
	err = bolt.Compact(dst, s.db, 0)
	if err == nil {
		err = dst.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyCompact) })
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return s.wrap(err)
	}
	if err := s.db.Close(); err != nil {
		return s.wrap(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return s.wrap(err)
	}
	if err := syncDir(path); err != nil {
		return s.wrap(err)
	}
	s.db, err = openDB(path, s.lockTimeout, false)
	return err
}

// needsCompact tells a file marked by a migration from a clear schema.
func (s *Store) needsCompact() bool {
	found := false
	_ = s.db.View(func(tx *bolt.Tx) error {
		found = tx.Bucket(bucketMeta).Get(keyCompact) != nil
		return nil
	})
	return found
}

// syncDir makes a rename in path's directory durable. Windows has no
// directory fsync; NTFS journals the rename itself.
func syncDir(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
