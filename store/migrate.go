package store

import (
	"encoding/json"
	"strconv"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

var (
	bucketMeta     = []byte("meta")
	bucketRequests = []byte("requests")
	bucketPages    = []byte("pages")
	bucketSettings = []byte("settings")
	keyVersion     = []byte("version")
)

// migrations[i] brings a file from schema version i to i+1. Append only.
var migrations = []func(tx *bolt.Tx) error{
	func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketRequests, bucketPages, bucketSettings} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	},
	// 1 -> 2: the company history synced from the service needs an index
	// from the service's ids to local ones, and a cursor per company.
	func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketRemote, bucketCursors} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketRequests).ForEach(func(k, v []byte) error {
			var r app.Request
			if err := json.Unmarshal(v, &r); err != nil {
				return app.Errorf("store.corrupt", err)
			}
			return indexRemote(tx, &r)
		})
	},
}

func migrate(db *bolt.DB) error {
	err := db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		version := 0
		if v := meta.Get(keyVersion); v != nil {
			if version, err = strconv.Atoi(string(v)); err != nil {
				return app.Errorf("store.corrupt", err, "path", db.Path())
			}
		}
		if version > len(migrations) {
			return app.Errorf("store.too_new", nil, "path", db.Path(), "version", version)
		}
		for ; version < len(migrations); version++ {
			if err := migrations[version](tx); err != nil {
				return err
			}
		}
		return meta.Put(keyVersion, []byte(strconv.Itoa(version)))
	})
	if _, ok := err.(*app.Error); err != nil && !ok {
		return app.Errorf("store.write", err, "path", db.Path())
	}
	return err
}
