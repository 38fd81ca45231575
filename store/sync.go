package store

import (
	"encoding/json"
	"fmt"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var (
	bucketRemote  = []byte("remote")
	bucketCursors = []byte("cursors")
)

// Merge records a page of the service's changes to a company's requests
// and the cursor that follows it, in one transaction: a crash leaves the
// history and the cursor in step, and the next sync starts where this one
// stopped.
func (s *Store) Merge(company, cursor string, rcs []app.Receipt) error {
	now := s.now()
	return s.update(func(tx *bolt.Tx) error {
		reqs, remote := tx.Bucket(bucketRequests), tx.Bucket(bucketRemote)
		for _, rc := range rcs {
			var r *app.Request
			if id := remote.Get([]byte(rc.ID)); id != nil {
				r = new(app.Request)
				if err := json.Unmarshal(reqs.Get(id), r); err != nil {
					return app.Errorf("store.corrupt", err, "path", s.db.Path())
				}
				if !r.Apply(rc) {
					continue
				}
			} else {
				r = app.FromReceipt(rc)
				seq, err := reqs.NextSequence()
				if err != nil {
					return err
				}
				r.ID = fmt.Sprintf("%08d", seq)
			}
			r.Updated = now
			data, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if err := reqs.Put([]byte(r.ID), data); err != nil {
				return err
			}
			if err := remote.Put([]byte(rc.ID), []byte(r.ID)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketCursors).Put([]byte(company), []byte(cursor))
	})
}

// Cursor is where the company's last sync stopped.
func (s *Store) Cursor(company string) (string, error) {
	var c string
	err := s.db.View(func(tx *bolt.Tx) error {
		c = string(tx.Bucket(bucketCursors).Get([]byte(company)))
		return nil
	})
	return c, err
}

// indexRemote keeps remote/<service id> -> local id for a saved request.
func indexRemote(tx *bolt.Tx, r *app.Request) error {
	if r.RemoteID == "" {
		return nil
	}
	return tx.Bucket(bucketRemote).Put([]byte(r.RemoteID), []byte(r.ID))
}
