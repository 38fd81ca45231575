package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	clock := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRequestsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "idpro.db")
	s := open(t, path)
	first := &app.Request{Requester: "a@example.be", Person: app.Person{Surname: "First"},
		Pages: []app.Page{{Label: "front", ContentType: "image/png", Data: []byte{1, 2}}, {Label: "back", Data: []byte{3}}}}
	second := &app.Request{Person: app.Person{Surname: "Second", BirthDate: app.Date{Year: 1990, Month: 4}}}
	for _, r := range []*app.Request{first, second} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	if first.ID == "" || first.ID == second.ID || first.Created.IsZero() {
		t.Fatalf("ids %q %q, created %v", first.ID, second.ID, first.Created)
	}
	first.Status = app.Allocated
	first.INSZ = "98472899765"
	first.Pages = first.Pages[1:]
	first.Scan = &app.Page{Label: "document", ContentType: "application/pdf", Data: []byte("%PDF")}
	if err := s.Save(first); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = open(t, path)
	defer s.Close()
	list, err := s.Requests()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != second.ID || list[1].Status != app.Allocated || list[1].Pages != nil {
		t.Fatalf("list after reopen = %+v", list)
	}
	got, err := s.Request(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.INSZ != "98472899765" || len(got.Pages) != 1 || got.Pages[0].Label != "back" || got.Pages[0].Data[0] != 3 {
		t.Fatalf("request after reopen = %+v", got)
	}
	if got.Scan == nil || string(got.Scan.Data) != "%PDF" || got.Scan.ContentType != "application/pdf" {
		t.Fatalf("submitted PDF after reopen = %+v", got.Scan)
	}
	if s2, _ := s.Request(second.ID); s2.Person.BirthDate != (app.Date{Year: 1990, Month: 4}) {
		t.Errorf("partial birth date = %v", s2.Person.BirthDate)
	}
	if err := s.Delete(first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Request(first.ID); app.ErrorCode(err) != "store.not_found" {
		t.Errorf("deleted request: %v", err)
	}
}

func TestSecondInstanceIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	s := open(t, path)
	defer s.Close()
	_, err := Open(path, Options{LockTimeout: 50 * time.Millisecond})
	if app.ErrorCode(err) != "store.locked" {
		t.Fatalf("second open: %v, want store.locked", err)
	}
}

func TestNewerFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket(bucketMeta)
		return b.Put(keyVersion, []byte("99"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{}); app.ErrorCode(err) != "store.too_new" {
		t.Fatalf("open newer file: %v", err)
	}
}

func TestSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	s := open(t, path)
	if st, err := s.Settings(); err != nil || st != (app.Settings{}) {
		t.Fatalf("first settings = %+v, %v", st, err)
	}
	want := app.Settings{ServiceURL: "http://127.0.0.1:1", Requester: "hr@example.be", Language: "nl"}
	if err := s.SaveSettings(want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Settings(); got != want {
		t.Errorf("settings = %+v", got)
	}
	// Settings are served from memory after the first read: what a later
	// start reads is what was written to the file.
	s.Close()
	s = open(t, path)
	defer s.Close()
	if got, err := s.Settings(); err != nil || got != want {
		t.Errorf("settings after reopening = %+v, %v", got, err)
	}
}
