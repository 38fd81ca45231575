package store

import (
	"fmt"
	"sort"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var _ app.History = (*Store)(nil)

var bucketRequests = []byte("requests")

// Save creates or replaces a request and its pages in one transaction, so
// a crash leaves either the old or the new version, never half of one.
// Only what changed is written: the sealed record, and the pages no
// request held before.
//
// r.Updated is the revision the caller holds; Save sets it to the new one.
// A request that is no longer a draft in the store is only replaced from
// its current revision: an older one (a late autosave of the draft it
// was) is refused with an error wrapping app.ErrStale (store.stale), and
// the newer version stays. Drafts are one person's typing, saved in
// order by the desk: the last save of a draft wins.
func (s *Store) Save(r *app.Request) error {
	if r.Key == "" {
		r.Key = app.NewKey()
	}
	refs, scan, blobs := s.pageRefs(r.ID, r.Pages, r.Scan)
	now := s.now()
	err := s.update(func(tx *bolt.Tx) error {
		reqs := tx.Bucket(bucketRequests)
		var old *index
		if r.ID != "" {
			if v := reqs.Get([]byte(r.ID)); v != nil {
				ix, _, err := splitRecord(v)
				if err != nil {
					return s.corrupt(err)
				}
				old = ix
			}
		}
		if old != nil && old.Status != app.Draft && r.Updated.UnixNano() != old.Updated {
			return app.Errorf("store.stale", app.ErrStale, "id", r.ID, "status", string(old.Status))
		}
		if r.ID == "" {
			seq, err := reqs.NextSequence()
			if err != nil {
				return err
			}
			r.ID = newID(seq)
		}
		switch {
		case old == nil:
			r.Created = now
		case r.Created.IsZero() && old.Created != 0:
			r.Created = time.Unix(0, old.Created).In(now.Location())
		}
		return s.write(tx, old, &body{Request: r, Pages: refs, Scan: scan}, blobs, now)
	})
	if err == nil {
		s.memo.remember(r.ID, blobs)
	}
	return err
}

// newID makes ids from the requests bucket's sequence, zero-padded so that
// keys sort in creation order.
func newID(seq uint64) string { return fmt.Sprintf("%08d", seq) }

// write stores a request's record over old (nil for a new one), with its
// blobs, and keeps the remote index, the outbox and the retention index in
// step. It stamps b.Request.Updated with the new revision.
func (s *Store) write(tx *bolt.Tx, old *index, b *body, blobs []blob, now time.Time) error {
	r := b.Request
	if old != nil && old.Purged {
		strip(r)
		b.Pages, b.Scan, blobs = nil, nil, nil
	}
	ix := &index{Status: r.Status, RemoteID: r.RemoteID, Company: r.Company, Blobs: names(blobs)}
	rev := now.UnixNano()
	var oldBlobs []string
	if old != nil {
		rev = max(rev, old.Updated+1)
		ix.Closed, ix.Purged, oldBlobs = old.Closed, old.Purged, old.Blobs
		if old.RemoteID != "" && old.RemoteID != r.RemoteID {
			if err := tx.Bucket(bucketRemote).Delete([]byte(old.RemoteID)); err != nil {
				return err
			}
		}
	}
	r.Updated = time.Unix(0, rev).In(now.Location())
	ix.Updated = rev
	if !r.Created.IsZero() {
		ix.Created = r.Created.UnixNano()
	}
	if err := s.relink(tx, oldBlobs, blobs); err != nil {
		return err
	}
	if err := s.keepRetention(tx, r.ID, old, ix); err != nil {
		return err
	}
	if err := s.keepOutbox(tx, r, now); err != nil {
		return err
	}
	if err := indexRemote(tx, r); err != nil {
		return err
	}
	sealed, err := s.sealBody(r.ID, b)
	if err != nil {
		return err
	}
	v, err := encodeRecord(ix, sealed)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketRequests).Put([]byte(r.ID), v)
}

// Request returns one request with its pages.
func (s *Store) Request(id string) (*app.Request, error) {
	var r *app.Request
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketRequests).Get([]byte(id))
		if v == nil {
			return app.Errorf("store.not_found", nil, "id", id)
		}
		_, sealed, err := splitRecord(v)
		if err != nil {
			return err
		}
		b, err := s.openBody(id, sealed)
		if err != nil {
			return err
		}
		r = b.Request
		for i := range b.Pages {
			p, err := s.page(tx, &b.Pages[i])
			if err != nil {
				return err
			}
			r.Pages = append(r.Pages, *p)
		}
		if b.Scan != nil {
			if r.Scan, err = s.page(tx, b.Scan); err != nil {
				return err
			}
		}
		return nil
	})
	return r, err
}

// Requests returns every request without its pages, newest first.
// Requests unchanged since the last listing come from the list cache
// instead of being opened and decoded again.
func (s *Store) Requests() ([]*app.Request, error) {
	var out []*app.Request
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRequests).ForEach(func(k, v []byte) error {
			if r := s.list.get(k, recordRev(v)); r != nil {
				out = append(out, r)
				return nil
			}
			_, sealed, err := splitRecord(v)
			if err != nil {
				return s.corrupt(err)
			}
			b, err := s.openBody(string(k), sealed)
			if err != nil {
				return err
			}
			s.list.put(string(k), recordRev(v), b.Request)
			out = append(out, b.Request)
			return nil
		})
	})
	if err == nil {
		s.list.prune(len(out))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out, err
}

// Delete removes a request and the pages no other request holds; a
// missing id is not an error.
func (s *Store) Delete(id string) error {
	err := s.update(func(tx *bolt.Tx) error {
		reqs := tx.Bucket(bucketRequests)
		v := reqs.Get([]byte(id))
		if v == nil {
			return nil
		}
		ix, _, err := splitRecord(v)
		if err != nil {
			return s.corrupt(err)
		}
		if ix.RemoteID != "" {
			if err := tx.Bucket(bucketRemote).Delete([]byte(ix.RemoteID)); err != nil {
				return err
			}
		}
		if err := s.relink(tx, ix.Blobs, nil); err != nil {
			return err
		}
		if err := tx.Bucket(bucketOutbox).Delete([]byte(id)); err != nil {
			return err
		}
		if err := dropRetention(tx, id, ix); err != nil {
			return err
		}
		return reqs.Delete([]byte(id))
	})
	s.memo.forget(id)
	return err
}
