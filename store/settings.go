package store

import (
	"encoding/json"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var (
	bucketSettings = []byte("settings")
	keySettings    = []byte("app")
)

// Settings returns the saved settings, or the zero value on first start.
// They are sealed: the default requester is a person's e-mail. After the
// first call they come from memory.
func (s *Store) Settings() (app.Settings, error) {
	if st := s.settings.Load(); st != nil {
		return *st, nil
	}
	var st app.Settings
	err := s.view(func(tx *bolt.Tx) error {
		sealed := tx.Bucket(bucketSettings).Get(keySettings)
		if sealed == nil {
			return nil
		}
		data, err := s.seal.open(placeSettings, sealed)
		if err != nil {
			return s.corrupt(err)
		}
		if err := json.Unmarshal(data, &st); err != nil {
			return s.corrupt(err)
		}
		return nil
	})
	if err == nil {
		// A save that ran meanwhile keeps its newer settings.
		s.settings.CompareAndSwap(nil, &st)
	}
	return st, err
}

// SaveSettings replaces the saved settings.
func (s *Store) SaveSettings(st app.Settings) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSettings).Put(keySettings, s.seal.seal(placeSettings, data))
	})
	if err == nil {
		s.settings.Store(&st)
	}
	return err
}
