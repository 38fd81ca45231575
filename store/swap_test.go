package store

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// swap exchanges two values of a bucket, as someone editing the file
// could.
func swap(t *testing.T, s *Store, bucket []byte, a, b string) {
	t.Helper()
	err := s.db.Update(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bucket)
		va, vb := bytes.Clone(bk.Get([]byte(a))), bytes.Clone(bk.Get([]byte(b)))
		if err := bk.Put([]byte(a), vb); err != nil {
			return err
		}
		return bk.Put([]byte(b), va)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSwappedValuesDoNotOpen(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "idpro.db"))
	defer s.Close()
	one := &app.Request{Status: app.Draft, Person: app.Person{Surname: "One"},
		Pages: []app.Page{{Label: "front", Data: []byte("page of one")}}}
	two := &app.Request{Status: app.Draft, Person: app.Person{Surname: "Two"},
		Pages: []app.Page{{Label: "front", Data: []byte("page of two")}}}
	for _, r := range []*app.Request{one, two} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	swap(t, s, bucketBlobs, s.seal.blobName(one.Pages[0].Data), s.seal.blobName(two.Pages[0].Data))
	if _, err := s.Request(one.ID); app.ErrorCode(err) != "store.corrupt" {
		t.Errorf("a page swapped with another request's: %v", err)
	}
	swap(t, s, bucketRequests, one.ID, two.ID)
	s.list = listCache{}
	if _, err := s.Requests(); app.ErrorCode(err) != "store.corrupt" {
		t.Errorf("two records swapped: %v", err)
	}
}
