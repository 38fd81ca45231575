package store

import (
	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// StatusesOf returns the status this history holds for each of the
// service's ids it knows, reading only the records' clear index: a sync
// tells what changed without opening the whole history.
func (s *Store) StatusesOf(remoteIDs []string) (map[string]app.Status, error) {
	out := make(map[string]app.Status, len(remoteIDs))
	err := s.view(func(tx *bolt.Tx) error {
		reqs, remote := tx.Bucket(bucketRequests), tx.Bucket(bucketRemote)
		for _, rid := range remoteIDs {
			id := remote.Get([]byte(rid))
			if id == nil {
				continue
			}
			v := reqs.Get(id)
			if v == nil {
				continue
			}
			ix, _, err := splitRecord(v)
			if err != nil {
				return s.corrupt(err)
			}
			out[rid] = ix.Status
		}
		return nil
	})
	return out, err
}
