package desk_test

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
	"github.com/idpro/idpro/store"
)

// The company history the sync benchmarks start from: syncHistory
// requests, one in ten of them open (the service asks for a missing field,
// so they can still change), sent by syncSenders staff members at once.
const (
	syncHistory = 10_000
	syncOpen    = syncHistory / 10
	syncSenders = 8
	syncChanges = 100 // per incremental sync: half new requests, half cancellations
)

// BenchmarkSync measures desk.Sync against the sandbox over loopback HTTP:
// a first sync of a 10,000-request company history into a fresh store,
// and an incremental sync after 100 changes made by other workstations
// (50 new requests, 50 cancellations of requests already synced), with
// the desk wired as the app wires it (a status report for notifications)
// and without that report. The history is seeded once, through the API,
// outside the timings.
//
//	go test ./app/desk/ -run '^$' -bench Sync
func BenchmarkSync(b *testing.B) {
	srv := sandboxtest.Start(b, "", sandbox.Options{})
	ctx := context.Background()
	hc := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: syncSenders + 1}}
	b.Cleanup(hc.CloseIdleConnections)
	senders := make([]*api.Client, syncSenders)
	for i := range senders {
		senders[i] = staffClient(b, srv, hc, fmt.Sprintf("desk%d@example.be", i))
	}
	reader := staffClient(b, srv, hc, "reader@example.be")

	start := time.Now()
	open := seedHistory(b, senders, syncHistory, syncOpen)
	b.Logf("seeded %d requests (%d open) through the API in %v", syncHistory, len(open), time.Since(start).Round(time.Millisecond))

	b.Run(fmt.Sprintf("first/requests=%d", syncHistory), func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			st := benchStore(b)
			d := appDesk(st, reader, nil)
			b.StartTimer()
			n, err := d.Sync(ctx)
			b.StopTimer()
			if err != nil || n != syncHistory {
				b.Fatalf("first sync: %d requests, %v; want %d", n, err, syncHistory)
			}
			st.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(syncHistory)*float64(b.N)/b.Elapsed().Seconds(), "requests/s")
	})

	// As the app runs it (with the status report), then without the
	// report, to show what the report costs.
	for _, report := range []bool{true, false} {
		name := fmt.Sprintf("incremental/changes=%d", syncChanges)
		if !report {
			name += "/no-status-report"
		}
		b.Run(name, func(b *testing.B) {
			st := benchStore(b)
			b.Cleanup(func() { st.Close() })
			var reported atomic.Int64
			d := appDesk(st, reader, &reported)
			want := int64(syncChanges / 2) // the cancellations
			if !report {
				d.OnStatus, want = nil, 0
			}
			if _, err := d.Sync(ctx); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				open = change(b, senders, open)
				reported.Store(0)
				b.StartTimer()
				n, err := d.Sync(ctx)
				if err != nil || n != syncChanges || reported.Load() != want {
					b.Fatalf("incremental sync: %d changes, %d status changes reported, %v; want %d and %d", n, reported.Load(), err, syncChanges, want)
				}
			}
		})
	}
}

// appDesk is a desk wired as the app wires it: with a status report (the
// UI's notifications), which makes a sync read the statuses it holds
// before merging; reported counts the reports.
func appDesk(st *store.Store, svc app.Service, reported *atomic.Int64) *desk.Desk {
	d := desk.New(st, svc, nil, nil)
	d.OnStatus = func(app.Receipt, app.Status) {
		if reported != nil {
			reported.Add(1)
		}
	}
	return d
}

// change makes syncChanges changes to the company's history: it cancels
// the oldest open requests (synced already) and sends as many new open
// ones, which it returns at the end of the open list.
func change(b *testing.B, senders []*api.Client, open []string) []string {
	b.Helper()
	ctx := context.Background()
	half := syncChanges / 2
	for i, id := range open[:half] {
		if _, err := senders[i%len(senders)].Cancel(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
	return append(open[half:], seedHistory(b, senders, half, half)...)
}

// seedHistory sends n requests through the API, spread over the senders:
// the first open ones lack the place of birth (the service asks for it,
// so they stay open), the rest are complete (given a BIS number). It
// returns the open ones' ids, in the order sent.
func seedHistory(b *testing.B, senders []*api.Client, n, open int) []string {
	b.Helper()
	ctx := context.Background()
	ids := make([]string, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, len(senders))
	for _, c := range senders {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				r := syncRequest(i < open)
				rc, err := c.Submit(ctx, r)
				if err != nil {
					errs <- err
					return
				}
				ids[i] = rc.ID
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
	return ids[:open]
}

// sent counts the requests built, so that each has a birth date and sex
// whose BIS sequence (499 at most) is far from full.
var sent atomic.Int64

// syncRequest is a request for a new person; open leaves out the place of
// birth, so the service asks for it and the request stays open.
func syncRequest(open bool) *app.Request {
	n := sent.Add(1)
	birth := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n/2%20000))
	r := &app.Request{
		Key: app.NewKey(), Requester: "hr@example.be",
		Document: app.Document{Kind: app.Passport, Number: fmt.Sprintf("X%07d", n), IssuingState: "POL"},
		Pages:    []app.Page{{Label: "front", ContentType: "image/png", Data: []byte("png")}},
		Person: app.Person{Surname: fmt.Sprintf("Worker%06d", n), GivenNames: "Jan", Sex: []app.Sex{app.Male, app.Female}[n%2],
			BirthDate:  app.Date{Year: birth.Year(), Month: int(birth.Month()), Day: birth.Day()},
			BirthPlace: "Gdańsk"},
	}
	if open {
		r.Person.BirthPlace = ""
	}
	return r
}

// staffClient adds a staff member with access to the bakery, signs them in
// through the sign-in form and returns their API client over hc: the
// app's plain keep-alive client, not the tests' contract-checking one,
// so the figures are the service's, the store's and the wire's.
func staffClient(b *testing.B, srv *sandboxtest.Server, hc *http.Client, email string) *api.Client {
	b.Helper()
	if _, err := srv.Sandbox.AddStaff(bakery, email, email, true); err != nil {
		b.Fatal(err)
	}
	ss := signin.New(srv.URL, signin.Memory(), hc, nil)
	if err := srv.SignIn(ss, "code", email, sandbox.DemoCode); err != nil {
		b.Fatal(err)
	}
	c, err := api.New(srv.URL, ss.Client())
	if err != nil {
		b.Fatal(err)
	}
	return c.ForCompany(bakery)
}

// benchStore is a fresh store in a new temporary directory.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "idpro.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return st
}
