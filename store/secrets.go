package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"
)

// ErrNoSecret is Secret's answer for an item never set.
var ErrNoSecret = errors.New("store: no such secret")

// secretKey places a secret item beside the settings, sealed like them.
func secretKey(item string) []byte { return []byte("secret/" + item) }

// Secret returns an item kept with SetSecret: the sign-in's tokens where
// no OS keychain answers (sealed under the data key, never in clear).
func (s *Store) Secret(item string) ([]byte, error) {
	var out []byte
	found := false
	err := s.view(func(tx *bolt.Tx) error {
		sealed := tx.Bucket(bucketSettings).Get(secretKey(item))
		if sealed == nil {
			return nil
		}
		found = true
		data, err := s.seal.open("settings/secret/"+item, sealed)
		if err != nil {
			return s.corrupt(err)
		}
		out = data
		return nil
	})
	if err == nil && !found {
		// Not through view, which would call a plain error a damaged file.
		return nil, ErrNoSecret
	}
	return out, err
}

// SetSecret keeps an item sealed.
func (s *Store) SetSecret(item string, value []byte) error {
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSettings).Put(secretKey(item), s.seal.seal("settings/secret/"+item, value))
	})
}

// DeleteSecret forgets an item; an unknown one is no error.
func (s *Store) DeleteSecret(item string) error {
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSettings).Delete(secretKey(item)) })
}
