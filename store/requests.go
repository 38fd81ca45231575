package store

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var _ app.History = (*Store)(nil)

// Save creates or replaces a request and its pages in one transaction, so
// a crash leaves either the old or the new version, never half of one.
func (s *Store) Save(r *app.Request) error {
	now := s.now()
	return s.update(func(tx *bolt.Tx) error {
		reqs := tx.Bucket(bucketRequests)
		if r.ID == "" {
			seq, err := reqs.NextSequence()
			if err != nil {
				return err
			}
			r.ID = fmt.Sprintf("%08d", seq)
			r.Created = now
		}
		if r.Key == "" {
			r.Key = app.NewKey()
		}
		r.Updated = now
		data, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if err := reqs.Put([]byte(r.ID), data); err != nil {
			return err
		}
		if err := indexRemote(tx, r); err != nil {
			return err
		}
		return putPages(tx.Bucket(bucketPages), r.ID, r.Pages, r.Scan)
	})
}

// keyScan holds the submitted PDF among a request's pages; page keys are
// digits, so it sorts after them.
var keyScan = []byte("scan")

func putPages(all *bolt.Bucket, id string, pages []app.Page, scan *app.Page) error {
	if all.Bucket([]byte(id)) != nil {
		if err := all.DeleteBucket([]byte(id)); err != nil {
			return err
		}
	}
	b, err := all.CreateBucket([]byte(id))
	if err != nil {
		return err
	}
	for i, p := range pages {
		data, err := json.Marshal(p)
		if err != nil {
			return err
		}
		if err := b.Put(fmt.Appendf(nil, "%02d", i), data); err != nil {
			return err
		}
	}
	if scan == nil {
		return nil
	}
	data, err := json.Marshal(scan)
	if err != nil {
		return err
	}
	return b.Put(keyScan, data)
}

// Request returns one request with its pages.
func (s *Store) Request(id string) (*app.Request, error) {
	var r *app.Request
	err := s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketRequests).Get([]byte(id))
		if data == nil {
			return app.Errorf("store.not_found", nil, "id", id)
		}
		r = new(app.Request)
		if err := json.Unmarshal(data, r); err != nil {
			return app.Errorf("store.corrupt", err, "path", s.db.Path())
		}
		b := tx.Bucket(bucketPages).Bucket([]byte(id))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var p app.Page
			if err := json.Unmarshal(v, &p); err != nil {
				return app.Errorf("store.corrupt", err, "path", s.db.Path())
			}
			if string(k) == string(keyScan) {
				r.Scan = &p
				return nil
			}
			r.Pages = append(r.Pages, p)
			return nil
		})
	})
	return r, err
}

// Requests returns every request without its pages, newest first.
func (s *Store) Requests() ([]*app.Request, error) {
	var out []*app.Request
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRequests).ForEach(func(_, v []byte) error {
			r := new(app.Request)
			if err := json.Unmarshal(v, r); err != nil {
				return app.Errorf("store.corrupt", err, "path", s.db.Path())
			}
			out = append(out, r)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out, err
}

// Delete removes a request and its pages; a missing id is not an error.
func (s *Store) Delete(id string) error {
	return s.update(func(tx *bolt.Tx) error {
		var r app.Request
		if data := tx.Bucket(bucketRequests).Get([]byte(id)); data != nil && json.Unmarshal(data, &r) == nil && r.RemoteID != "" {
			if err := tx.Bucket(bucketRemote).Delete([]byte(r.RemoteID)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketRequests).Delete([]byte(id)); err != nil {
			return err
		}
		if tx.Bucket(bucketPages).Bucket([]byte(id)) == nil {
			return nil
		}
		return tx.Bucket(bucketPages).DeleteBucket([]byte(id))
	})
}
