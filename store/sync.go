package store

import (
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
// stopped. A merged request keeps its pages.
func (s *Store) Merge(company, cursor string, rcs []app.Receipt) error {
	now := s.now()
	return s.update(func(tx *bolt.Tx) error {
		reqs, remote := tx.Bucket(bucketRequests), tx.Bucket(bucketRemote)
		for _, rc := range rcs {
			id := remote.Get([]byte(rc.ID))
			if id == nil {
				r := app.FromReceipt(rc)
				seq, err := reqs.NextSequence()
				if err != nil {
					return err
				}
				r.ID = newID(seq)
				if err := s.write(tx, nil, &body{Request: r}, nil, now); err != nil {
					return err
				}
				continue
			}
			v := reqs.Get(id)
			if v == nil {
				return s.corrupt(fmt.Errorf("remote %s points to missing request %s", rc.ID, id))
			}
			ix, sealed, err := splitRecord(v)
			if err != nil {
				return s.corrupt(err)
			}
			b, err := s.openBody(string(id), sealed)
			if err != nil {
				return err
			}
			if !b.Request.Apply(rc) {
				continue
			}
			if err := s.write(tx, ix, b, blobsOf(b), now); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketCursors).Put([]byte(company), []byte(cursor))
	})
}

// blobsOf lists the blobs a stored body refers to (their data is stored
// already: write only moves references).
func blobsOf(b *body) []blob {
	var out []blob
	var add func(r *pageRef)
	add = func(r *pageRef) {
		out = append(out, blob{name: r.Blob})
		if r.Original != nil {
			add(r.Original)
		}
	}
	for i := range b.Pages {
		add(&b.Pages[i])
	}
	if b.Scan != nil {
		add(b.Scan)
	}
	return out
}

// Cursor is where the company's last sync stopped.
func (s *Store) Cursor(company string) (string, error) {
	var c string
	err := s.view(func(tx *bolt.Tx) error {
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
