package store

import (
	"cmp"
	"crypto/rand"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// Benchmarks of docs/store.md. Run them with
//
//	CGO_ENABLED=0 go test -run '^$' -bench . -benchtime 200x ./store/

// pageSize is a scanned A4 page at 300 dpi as JPEG: about 2 MB.
const pageSize = 2 << 20

// BenchmarkDraftSave is an autosave of a draft with four 2-MB pages after
// one field changed; it reports the 99th percentile.
func BenchmarkDraftSave(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "idpro.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := &app.Request{Status: app.Draft, Person: app.Person{Surname: "Kowalska"}}
	for i := range 4 {
		data := make([]byte, pageSize)
		rand.Read(data)
		r.Pages = append(r.Pages, app.Page{Label: fmt.Sprint("page ", i+1), ContentType: "image/jpeg", Data: data})
	}
	if err := s.Save(r); err != nil {
		b.Fatal(err)
	}
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		r.Person.GivenNames = strconv.Itoa(i)
		start := time.Now()
		if err := s.Save(r); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, took)
}

func reportPercentiles(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	at := func(p float64) float64 {
		return float64(took[min(len(took)-1, int(p*float64(len(took))))]) / 1e6
	}
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// manyRequests is the history a busy company's office builds in a few
// years: the 10,000 requests.
const manyRequests = 10_000

// fill writes n requests like the ones a sync brings (no pages), a fifth
// of them finished, in one transaction.
func fill(b *testing.B, path string, n int) {
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	statuses := []app.Status{app.Draft, app.Received, app.Investigating, app.InfoRequested, app.Allocated}
	now := time.Now()
	err = s.update(func(tx *bolt.Tx) error {
		for i := range n {
			r := &app.Request{ID: newID(uint64(i + 1)), Status: statuses[i%len(statuses)], Key: app.NewKey(),
				Company: "0403170701", RemoteID: fmt.Sprint("BIS-", i), Requester: fmt.Sprintf("hr%d@example.be", i%7),
				RequestedBy: app.Requester{Name: fmt.Sprint("Staff ", i%7)},
				Document:    app.Document{Kind: app.Passport, Number: fmt.Sprint("EK", 1_000_000+i), IssuingState: "POL"},
				Person: app.Person{Surname: fmt.Sprint("Surname", i%997), GivenNames: "Anna Maria", Sex: app.Female,
					BirthDate: app.Date{Year: 1990, Month: 1 + i%12, Day: 1 + i%28}, BirthPlace: "Kraków"},
				Residence: app.Address{Street: "Ulica", Number: "1", PostalCode: "00-001", Municipality: "Warszawa", Country: "PL"},
				Timeline:  []app.Event{{At: now, Status: app.Received}, {At: now, Status: app.Investigating, Note: "checking"}},
				Created:   now, Submitted: now,
			}
			if err := s.write(tx, nil, &body{Request: r}, nil, now); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketRequests).SetSequence(uint64(n))
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkOpen opens (and closes) a store of 10,000 requests: unlock
// with the key in memory, schema check and the purge at open.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "idpro.db")
	fill(b, path, manyRequests)
	b.ResetTimer()
	for range b.N {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkRequests lists the 10,000 requests as the history tab does
// after a change: from the list cache.
func BenchmarkRequests(b *testing.B) { benchRequests(b, false) }

// BenchmarkRequestsCold is the first listing after Open: every record
// opened and decoded.
func BenchmarkRequestsCold(b *testing.B) { benchRequests(b, true) }

func benchRequests(b *testing.B, cold bool) {
	path := filepath.Join(b.TempDir(), "idpro.db")
	fill(b, path, manyRequests)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for range b.N {
		if cold {
			s.list = listCache{}
		}
		if list, err := s.Requests(); err != nil || len(list) != manyRequests {
			b.Fatal(len(list), err)
		}
	}
}

// BenchmarkSortFilter filters and sorts 10,000 loaded requests as the
// history tab does (app/ui/history.go's apply: a text filter over
// requester and worker, then a sort by requester).
func BenchmarkSortFilter(b *testing.B) {
	path := filepath.Join(b.TempDir(), "idpro.db")
	fill(b, path, manyRequests)
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	all, err := s.Requests()
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	requester := func(r *app.Request) string { return cmp.Or(r.RequestedBy.Name, r.Requester) }
	byRequester := func(a, b *app.Request) int {
		return cmp.Or(cmp.Compare(strings.ToLower(requester(a)), strings.ToLower(requester(b))), cmp.Compare(b.ID, a.ID))
	}
	rows := make([]*app.Request, 0, len(all))
	b.ResetTimer()
	for range b.N {
		rows = rows[:0]
		for _, r := range all {
			if strings.Contains(strings.ToLower(requester(r)+" "+r.Requester+" "+r.Person.Surname+" "+r.Person.GivenNames), "surname1") {
				rows = append(rows, r)
			}
		}
		slices.SortStableFunc(rows, byRequester)
	}
}
