package store

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var (
	bucketMeta = []byte("meta")
	keyVersion = []byte("version")
	// keyCompact marks a file whose free pages may still hold data of an
	// older, clear schema: Open rewrites it (compact.go) and drops the mark.
	keyCompact = []byte("compact")
)

// migrations[i] brings a file from schema version i to i+1, in the
// transaction that records the new version. Append only.
var migrations = []func(s *Store, tx *bolt.Tx) error{
	func(_ *Store, tx *bolt.Tx) error {
		return createBuckets(tx, bucketRequests, bucketPagesV2, bucketSettings)
	},
	// 1 -> 2: the company history synced from the service needs an index
	// from the service's ids to local ones, and a cursor per company.
	func(_ *Store, tx *bolt.Tx) error {
		if err := createBuckets(tx, bucketRemote, bucketCursors); err != nil {
			return err
		}
		return tx.Bucket(bucketRequests).ForEach(func(k, v []byte) error {
			var r app.Request
			if err := json.Unmarshal(v, &r); err != nil {
				return app.Errorf("store.corrupt", err)
			}
			return indexRemote(tx, &r)
		})
	},
	// 2 -> 3: personal data sealed under the data key, pages as blobs
	// named by a keyed hash, the outbox and the retention index.
	migrateSealed,
}

// clearDataGone is the first schema that keeps nothing personal in clear.
const clearDataGone = 3

func createBuckets(tx *bolt.Tx, names ...[]byte) error {
	for _, b := range names {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// version reads the file's schema version, refusing a newer one.
func (s *Store) version() (int, error) {
	version := 0
	err := s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || meta.Get(keyVersion) == nil {
			return nil
		}
		var err error
		if version, err = strconv.Atoi(string(meta.Get(keyVersion))); err != nil {
			return s.corrupt(err)
		}
		return nil
	})
	if err == nil && version > len(migrations) {
		return 0, app.Errorf("store.too_new", nil, "path", s.db.Path(), "version", version)
	}
	return version, err
}

// migrate runs the migrations after version, in one transaction.
func (s *Store) migrate(version int) error {
	if version == len(migrations) {
		return nil
	}
	return s.update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		hadData := version > 0
		for v := version; v < len(migrations); v++ {
			if err := migrations[v](s, tx); err != nil {
				return err
			}
		}
		if hadData && version < clearDataGone {
			if err := meta.Put(keyCompact, []byte("1")); err != nil {
				return err
			}
		}
		return meta.Put(keyVersion, []byte(strconv.Itoa(len(migrations))))
	})
}

// bucketPagesV2 is schema 2's pages/<id>/<nn|scan> -> app.Page as JSON.
var bucketPagesV2 = []byte("pages")

// migrateSealed moves every request of schema 2 (clear JSON, pages in
// pages/<id>/) into sealed records and blobs, and seals the settings.
func migrateSealed(s *Store, tx *bolt.Tx) error {
	if err := createBuckets(tx, bucketBlobs, bucketRefs, bucketOutbox, bucketRetention); err != nil {
		return err
	}
	var old []*app.Request
	err := tx.Bucket(bucketRequests).ForEach(func(k, v []byte) error {
		r := new(app.Request)
		if err := json.Unmarshal(v, r); err != nil {
			return s.corrupt(fmt.Errorf("request %s: %w", k, err))
		}
		if err := pagesV2(tx, string(k), r); err != nil {
			return s.corrupt(err)
		}
		old = append(old, r)
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range old {
		refs, scan, blobs := s.pageRefs(r.ID, r.Pages, r.Scan)
		at := r.Updated
		if at.IsZero() {
			at = s.now()
		}
		if err := s.write(tx, nil, &body{Request: r, Pages: refs, Scan: scan}, blobs, at); err != nil {
			return err
		}
	}
	if err := tx.DeleteBucket(bucketPagesV2); err != nil {
		return err
	}
	settings := tx.Bucket(bucketSettings)
	if data := settings.Get(keySettings); data != nil {
		return settings.Put(keySettings, s.seal.seal(placeSettings, data))
	}
	return nil
}

// pagesV2 reads a request's pages as schema 2 kept them.
func pagesV2(tx *bolt.Tx, id string, r *app.Request) error {
	b := tx.Bucket(bucketPagesV2).Bucket([]byte(id))
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		var p app.Page
		if err := json.Unmarshal(v, &p); err != nil {
			return fmt.Errorf("page %s/%s: %w", id, k, err)
		}
		if string(k) == "scan" {
			r.Scan = &p
			return nil
		}
		r.Pages = append(r.Pages, p)
		return nil
	})
}
