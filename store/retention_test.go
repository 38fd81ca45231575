package store

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
)

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestRetentionPurgesFinishedRequests(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	c := &clock{time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)}
	s, err := Open(path, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	done := secretRequest()
	done.Status, done.RemoteID, done.INSZ, done.Requester = app.Allocated, "BIS-1", "98472899765", "hr@example.be"
	done.Scan = &app.Page{Label: "document", ContentType: "application/pdf", Data: []byte("%PDF")}
	open := secretRequest()
	open.Status, open.RemoteID = app.Investigating, "BIS-2"
	for _, r := range []*app.Request{done, open} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	c.t = c.t.Add(29 * 24 * time.Hour)
	if n, err := s.Purge(); n != 0 || err != nil {
		t.Fatalf("purge before 30 days: %d, %v", n, err)
	}
	c.t = c.t.Add(24*time.Hour + time.Second)
	if n, err := s.Purge(); n != 1 || err != nil {
		t.Fatalf("purge after 30 days: %d, %v", n, err)
	}
	got, err := s.Request(done.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Pages != nil || got.Scan != nil || got.Person != (app.Person{}) || got.Document.Number != "" || got.Residence != (app.Address{}) {
		t.Errorf("purged request keeps personal data: %+v", got)
	}
	if got.RemoteID != "BIS-1" || got.Status != app.Allocated || got.INSZ != done.INSZ ||
		got.Requester != "hr@example.be" || !got.Created.Equal(done.Created) {
		t.Errorf("minimal record %+v", got)
	}
	if got, _ := s.Request(open.ID); len(got.Pages) != 2 || got.Person.Surname == "" {
		t.Errorf("an open request was purged: %+v", got.Person)
	}
	// A later sync of the finished request brings no personal data back.
	if err := s.Merge("0403170701", "c", []app.Receipt{{ID: "BIS-1", Rev: 5, Status: app.Allocated, INSZ: done.INSZ, Person: &done.Person}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Request(done.ID); got.Person.Surname != "" {
		t.Errorf("a merge restored a purged person: %+v", got.Person)
	}
	if n, _ := s.Purge(); n != 0 {
		t.Errorf("second purge: %d", n)
	}
	s.Close()
	grepFile(t, path, map[string][]byte{"purged page": done.Pages[1].Data[5000:5064]})
}

func TestRetentionSettingAndPurgeAtOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	c := &clock{time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)}
	s, err := Open(path, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSettings(app.Settings{RetentionDays: 7}); err != nil {
		t.Fatal(err)
	}
	r := secretRequest()
	r.Status = app.Rejected
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	s.Close()
	c.t = c.t.Add(8 * 24 * time.Hour)
	s, err = Open(path, Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ := s.Request(r.ID); got.Person.Surname != "" || got.Pages != nil {
		t.Errorf("not purged at open after the 7-day setting: %+v", got.Person)
	}
}

func TestReopenedRequestLeavesRetention(t *testing.T) {
	c := &clock{time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)}
	s, err := Open(filepath.Join(t.TempDir(), "idpro.db"), Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := secretRequest()
	r.Status, r.RemoteID = app.Rejected, "BIS-3"
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	if err := s.Merge("0403170701", "c", []app.Receipt{{ID: "BIS-3", Rev: 2, Status: app.Investigating, Person: &r.Person}}); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(31 * 24 * time.Hour)
	if n, err := s.Purge(); n != 0 || err != nil {
		t.Fatalf("purged a request that is open again: %d, %v", n, err)
	}
}

func TestPurgeEveryRunsOnItsTimer(t *testing.T) {
	var mu sync.Mutex
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return at }
	s, err := Open(filepath.Join(t.TempDir(), "idpro.db"), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := secretRequest()
	r.Status = app.Cancelled
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.PurgeEvery(ctx, time.Millisecond, nil); close(done) }()
	mu.Lock()
	at = at.Add(31 * 24 * time.Hour)
	mu.Unlock()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := s.Request(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Person.Surname == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the timer never purged")
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	<-done
}
