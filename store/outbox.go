package store

import (
	"encoding/json"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// bucketOutbox holds what waits to be sent: <id> -> app.Outgoing as JSON
// (ids, the idempotency key, times: nothing personal).
var bucketOutbox = []byte("outbox")

// keepOutbox puts a queued request into the outbox (keeping its tries)
// and takes any other out, in the transaction that saves it.
func (s *Store) keepOutbox(tx *bolt.Tx, r *app.Request, now time.Time) error {
	ob := tx.Bucket(bucketOutbox)
	if r.Status != app.Queued {
		return ob.Delete([]byte(r.ID))
	}
	o := app.Outgoing{ID: r.ID, Key: r.Key, Queued: now, Next: now}
	if v := ob.Get([]byte(r.ID)); v != nil {
		if err := json.Unmarshal(v, &o); err != nil {
			return s.corrupt(err)
		}
		if o.Key == r.Key {
			return nil
		}
		o.Key = r.Key
	}
	return putOutgoing(ob, &o)
}

func putOutgoing(ob *bolt.Bucket, o *app.Outgoing) error {
	v, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return ob.Put([]byte(o.ID), v)
}

// Outbox lists the queued requests in the order they were created,
// reading only the outbox.
func (s *Store) Outbox() ([]app.Outgoing, error) {
	var out []app.Outgoing
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketOutbox).ForEach(func(_, v []byte) error {
			var o app.Outgoing
			if err := json.Unmarshal(v, &o); err != nil {
				return s.corrupt(err)
			}
			out = append(out, o)
			return nil
		})
	})
	return out, err
}

// Postpone records a try that could not reach the service; a request no
// longer in the outbox (sent meanwhile) is left alone.
func (s *Store) Postpone(id string, next time.Time) error {
	return s.update(func(tx *bolt.Tx) error {
		ob := tx.Bucket(bucketOutbox)
		v := ob.Get([]byte(id))
		if v == nil {
			return nil
		}
		var o app.Outgoing
		if err := json.Unmarshal(v, &o); err != nil {
			return s.corrupt(err)
		}
		o.Tries++
		o.Next = next
		return putOutgoing(ob, &o)
	})
}
