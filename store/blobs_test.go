package store

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// blobCount counts stored blobs and their references.
func blobCount(t *testing.T, s *Store) (blobs, refs int) {
	t.Helper()
	_ = s.db.View(func(tx *bolt.Tx) error {
		blobs = tx.Bucket(bucketBlobs).Stats().KeyN
		refs = tx.Bucket(bucketRefs).Stats().KeyN
		return nil
	})
	return
}

func TestPagesAreStoredOnceAndWrittenOnlyWhenNew(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "idpro.db"))
	defer s.Close()
	front := app.Page{Label: "front", Data: bytes.Repeat([]byte{1}, 4096)}
	back := app.Page{Label: "back", Data: bytes.Repeat([]byte{2}, 4096)}
	r := &app.Request{Status: app.Draft, Pages: []app.Page{front, back}}
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	sealed := func(name string) []byte {
		var v []byte
		_ = s.db.View(func(tx *bolt.Tx) error {
			v = bytes.Clone(tx.Bucket(bucketBlobs).Get([]byte(name)))
			return nil
		})
		return v
	}
	name := s.seal.blobName(front.Data)
	first := sealed(name)
	r.Person.Surname = "Changed"
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	// Sealing draws a new nonce: the same bytes mean the blob was not
	// written again.
	if !bytes.Equal(first, sealed(name)) {
		t.Error("an unchanged page was written again")
	}
	other := &app.Request{Status: app.Draft, Pages: []app.Page{front}}
	if err := s.Save(other); err != nil {
		t.Fatal(err)
	}
	if b, _ := blobCount(t, s); b != 2 {
		t.Errorf("%d blobs for two distinct pages", b)
	}
	r.Pages = []app.Page{back}
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(other.ID); err != nil {
		t.Fatal(err)
	}
	if b, refs := blobCount(t, s); b != 1 || refs != 1 {
		t.Errorf("after dropping the front page everywhere: %d blobs, %d refs", b, refs)
	}
	if s.seal.blobName(front.Data) == s.seal.blobName(back.Data) {
		t.Error("two pages share a name")
	}
	other2 := open(t, filepath.Join(t.TempDir(), "idpro.db"))
	defer other2.Close()
	if other2.seal.blobName(front.Data) == name {
		t.Error("a page has the same name in two stores: names are not keyed")
	}
}
