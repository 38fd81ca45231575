package store

import (
	"encoding/json"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var keySettings = []byte("app")

// Settings returns the saved settings, or the zero value on first start.
func (s *Store) Settings() (app.Settings, error) {
	var st app.Settings
	err := s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketSettings).Get(keySettings)
		if data == nil {
			return nil
		}
		if err := json.Unmarshal(data, &st); err != nil {
			return app.Errorf("store.corrupt", err, "path", s.db.Path())
		}
		return nil
	})
	return st, err
}

// SaveSettings replaces the saved settings.
func (s *Store) SaveSettings(st app.Settings) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSettings).Put(keySettings, data)
	})
}
