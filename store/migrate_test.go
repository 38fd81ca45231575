package store

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// writeV2 writes requests as schema 2 kept them: clear JSON, pages in
// pages/<id>/<nn|scan>, settings in clear.
func writeV2(t *testing.T, path string, st app.Settings, rs ...*app.Request) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"meta", "requests", "pages", "settings", "remote", "cursors"} {
			if _, err := tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		put := func(b *bolt.Bucket, k string, v any) {
			data, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Put([]byte(k), data); err != nil {
				t.Fatal(err)
			}
		}
		for i, r := range rs {
			r.ID = fmt.Sprintf("%08d", i+1)
			put(tx.Bucket([]byte("requests")), r.ID, r)
			pb, err := tx.Bucket([]byte("pages")).CreateBucket([]byte(r.ID))
			if err != nil {
				return err
			}
			for j, p := range r.Pages {
				put(pb, fmt.Sprintf("%02d", j), p)
			}
			if r.Scan != nil {
				put(pb, "scan", r.Scan)
			}
			if r.RemoteID != "" {
				if err := tx.Bucket([]byte("remote")).Put([]byte(r.RemoteID), []byte(r.ID)); err != nil {
					return err
				}
			}
		}
		if err := tx.Bucket([]byte("requests")).SetSequence(uint64(len(rs))); err != nil {
			return err
		}
		put(tx.Bucket([]byte("settings")), "app", st)
		if err := tx.Bucket([]byte("cursors")).Put([]byte("0403170701"), []byte("c9")); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("version"), []byte("2"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrationFromSchema2SealsEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	created := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	draft := secretRequest()
	draft.Created, draft.Updated = created, created
	sent := secretRequest()
	sent.Person.Surname, sent.Status, sent.RemoteID, sent.INSZ = "Brzęczyszczykiewicz", app.Allocated, "BIS-4", "98472899765"
	sent.Scan = &app.Page{Label: "document", ContentType: "application/pdf", Data: []byte("%PDF-1.7 sent")}
	sent.Created, sent.Updated = created, created.Add(time.Hour)
	queued := &app.Request{Status: app.Queued, Key: "k-queued", Person: app.Person{Surname: "Queued"}}
	st := app.Settings{Requester: "hr.wachowiak@bakkerij.example", Language: "nl"}
	writeV2(t, path, st, draft, sent, queued)
	secrets := secretsOf(draft)
	for k, v := range secretsOf(sent) {
		secrets["sent "+k] = v
	}
	// Schema 2 kept pages as base64 in JSON.
	secrets["page as base64"] = []byte(base64.StdEncoding.EncodeToString(draft.Pages[1].Data[3000:3048]))

	s := open(t, path)
	got, err := s.Request(draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Person != draft.Person || got.Document.Number != draft.Document.Number || len(got.Pages) != 2 ||
		string(got.Pages[1].Data) != string(draft.Pages[1].Data) || got.Pages[0].Original == nil ||
		!got.Created.Equal(created) || !got.Updated.Equal(created) {
		t.Fatalf("migrated draft %+v", got)
	}
	got, err = s.Request(sent.ID)
	if err != nil || got.INSZ != sent.INSZ || got.Scan == nil || string(got.Scan.Data) != "%PDF-1.7 sent" {
		t.Fatalf("migrated sent request %+v, %v", got, err)
	}
	if out, _ := s.Outbox(); len(out) != 1 || out[0].ID != queued.ID || out[0].Key != "k-queued" {
		t.Errorf("outbox after migration %+v", out)
	}
	if got, _ := s.Settings(); got != st {
		t.Errorf("settings %+v", got)
	}
	if c, _ := s.Cursor("0403170701"); c != "c9" {
		t.Errorf("cursor %q", c)
	}
	s.Close()
	grepFile(t, path, secrets)

	s = open(t, path)
	defer s.Close()
	// The synced request is still found by its service id, and new ids
	// follow the old ones.
	if err := s.Merge("0403170701", "c10", []app.Receipt{{ID: "BIS-4", Rev: 9, Status: app.Allocated, INSZ: sent.INSZ}}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Requests(); len(list) != 3 {
		t.Errorf("a merge after migration made a new entry: %d requests", len(list))
	}
	fresh := &app.Request{Status: app.Draft}
	if err := s.Save(fresh); err != nil || fresh.ID != "00000004" {
		t.Errorf("new id %q, %v", fresh.ID, err)
	}
	s.Close()
	grepFile(t, path, secrets)
}
