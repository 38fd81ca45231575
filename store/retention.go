package store

import (
	"context"
	"encoding/binary"
	"log/slog"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// bucketRetention indexes finished requests by when they finished:
// <closed, 8 bytes big-endian Unix nanoseconds><id> -> nothing. Purging
// reads it from the start up to the cutoff, never the whole history.
var bucketRetention = []byte("retention")

func retentionKey(closed int64, id string) []byte {
	return append(binary.BigEndian.AppendUint64(nil, uint64(closed)), id...)
}

// keepRetention notes when a request reaches a final status, once; a
// request the service reopens leaves the retention index.
func (s *Store) keepRetention(tx *bolt.Tx, id string, old, ix *index) error {
	if !ix.Status.Final() && ix.Closed != 0 && !ix.Purged {
		err := dropRetention(tx, id, ix)
		ix.Closed = 0
		return err
	}
	if !ix.Status.Final() || ix.Closed != 0 {
		return nil
	}
	ix.Closed = ix.Updated
	if old != nil && old.Closed != 0 {
		ix.Closed = old.Closed
	}
	return tx.Bucket(bucketRetention).Put(retentionKey(ix.Closed, id), nil)
}

func dropRetention(tx *bolt.Tx, id string, ix *index) error {
	if ix.Closed == 0 {
		return nil
	}
	return tx.Bucket(bucketRetention).Delete(retentionKey(ix.Closed, id))
}

// Purge removes the scans, PDFs and personal data of requests that have
// been final for longer than the settings' retention period, leaving a
// minimal record (reference, status, INSZ, dates, requester). It runs at
// Open; the app runs it daily (PurgeEvery). It returns how many requests
// it purged.
func (s *Store) Purge() (int, error) {
	s.purging.Lock()
	defer s.purging.Unlock()
	st, err := s.Settings()
	if err != nil {
		return 0, err
	}
	now := s.now()
	cutoff := now.Add(-st.Retention()).UnixNano()
	n := 0
	err = s.update(func(tx *bolt.Tx) error {
		var due [][]byte
		c := tx.Bucket(bucketRetention).Cursor()
		for k, _ := c.First(); k != nil && int64(binary.BigEndian.Uint64(k)) < cutoff; k, _ = c.Next() {
			due = append(due, append([]byte(nil), k...))
		}
		for _, k := range due {
			if err := s.purge(tx, string(k[8:]), now); err != nil {
				return err
			}
			if err := tx.Bucket(bucketRetention).Delete(k); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// purge strips one request; write keeps a purged request stripped.
func (s *Store) purge(tx *bolt.Tx, id string, now time.Time) error {
	v := tx.Bucket(bucketRequests).Get([]byte(id))
	if v == nil {
		return nil
	}
	ix, sealed, err := splitRecord(v)
	if err != nil {
		return s.corrupt(err)
	}
	b, err := s.openBody(id, sealed)
	if err != nil {
		return err
	}
	ix.Purged = true
	s.memo.forget(id)
	return s.write(tx, ix, &body{Request: b.Request}, nil, now)
}

// strip keeps of a request only its minimal record: reference, status,
// INSZ, dates and requester (and the document's kind, which is not
// personal).
func strip(r *app.Request) {
	*r = app.Request{
		ID: r.ID, RemoteID: r.RemoteID, Key: r.Key, Company: r.Company,
		RequestedBy: r.RequestedBy, Requester: r.Requester,
		Document: app.Document{Kind: r.Document.Kind},
		Status:   r.Status, INSZ: r.INSZ, Rev: r.Rev,
		Created: r.Created, Updated: r.Updated, Submitted: r.Submitted,
	}
}

// PurgeEvery runs Purge every interval until ctx ends: the app's daily
// timer (Open has purged already). Failures are logged (log may be nil);
// the next round tries again.
func (s *Store) PurgeEvery(ctx context.Context, every time.Duration, log *slog.Logger) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if n, err := s.Purge(); err != nil {
			log.Warn("retention purge failed", "err", err)
		} else if n > 0 {
			log.Info("retention purge", "requests", n)
		}
	}
}

// PurgeInterval is how often the app purges: daily, as the issue's
// retention rule asks; the period is counted in days.
const PurgeInterval = 24 * time.Hour
