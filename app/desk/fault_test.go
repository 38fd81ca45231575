package desk_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
)

// Faults between the app and the service (faulty.mode).
const (
	faultNone   = iota
	faultDown   // no connection
	fault500    // the service answers 500 without doing anything
	faultSlow   // no answer before the client gives up; the service does it later
	faultLostOK // the service does it, the answer is lost on the way back
	faults
)

var faultNames = [faults]string{"none", "down", "500", "slow", "lost answer"}

// faulty sits between the client and the service and breaks the
// submissions (POST .../requests) as mode says; everything else passes.
type faulty struct {
	base  http.RoundTripper
	mode  atomic.Int32
	late  sync.WaitGroup // submissions the service gets after the client gave up
	tries atomic.Int32   // submissions broken
}

func (f *faulty) RoundTrip(r *http.Request) (*http.Response, error) {
	mode := f.mode.Load()
	if mode == faultNone || r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/requests") {
		return f.base.RoundTrip(r)
	}
	f.tries.Add(1)
	switch mode {
	case faultDown:
		return nil, errors.New("dial tcp: connection refused")
	case fault500:
		return &http.Response{StatusCode: http.StatusInternalServerError, Header: http.Header{}, Request: r,
			Body: io.NopCloser(strings.NewReader("upstream error"))}, nil
	case faultSlow:
		<-r.Context().Done()
		late := r.Clone(context.Background())
		f.late.Go(func() {
			if resp, err := f.base.RoundTrip(late); err == nil {
				resp.Body.Close()
			}
		})
		return nil, r.Context().Err()
	default: // faultLostOK
		resp, err := f.base.RoundTrip(r)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		return nil, io.ErrUnexpectedEOF
	}
}

// The service down, answering 500, too slow, or losing its answer after
// it took the request: each request waits in the outbox, tries again
// while the fault lasts, and goes once the service is back, as exactly
// one request on the service's side (its idempotency key), none lost.
func TestSubmitFaultsLeaveOneRequestEach(t *testing.T) {
	srv := sandboxtest.Start(t, "", sandbox.Options{})
	clock := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	st := openStoreAt(t, func() time.Time { return clock })
	hc := srv.Session(bram).Client()
	f := &faulty{base: hc.Transport}
	hc.Transport = f
	hc.Timeout = 500 * time.Millisecond
	c, err := api.New(srv.URL, hc)
	if err != nil {
		t.Fatal(err)
	}
	d := desk.New(st, c.ForCompany(bakery), func() time.Time { return clock }, nil)
	ctx := context.Background()

	var sent []*app.Request
	for mode := int32(faultDown); mode < faults; mode++ {
		f.mode.Store(mode)
		r := request()
		r.Person.GivenNames = faultNames[mode]
		if err := d.Send(ctx, r); !errors.Is(err, app.ErrUnreachable) {
			t.Fatalf("%s: send gave %v, want it queued as unreachable", faultNames[mode], err)
		}
		// The fault lasts: the outbox tries again, an hour apart.
		for range 3 {
			clock = clock.Add(time.Hour)
			if n, err := d.SendQueued(ctx); n != 0 || !errors.Is(err, app.ErrUnreachable) {
				t.Fatalf("%s: retry sent %d (%v)", faultNames[mode], n, err)
			}
		}
		got, err := st.Request(r.ID)
		if err != nil || got.Status != app.Queued || got.RemoteID != "" {
			t.Fatalf("%s: kept as %+v (%v), want queued", faultNames[mode], got, err)
		}
		sent = append(sent, r)
	}
	f.late.Wait()
	out, err := st.Outbox()
	if err != nil || len(out) != len(sent) {
		t.Fatalf("outbox %d requests (%v), want %d", len(out), err, len(sent))
	}

	f.mode.Store(faultNone)
	clock = clock.Add(time.Hour)
	if n, err := d.SendQueued(ctx); n != len(sent) || err != nil {
		t.Fatalf("back online: sent %d of %d (%v)", n, len(sent), err)
	}
	remote := map[string]bool{}
	for _, r := range sent {
		got, err := st.Request(r.ID)
		if err != nil || got.Status == app.Queued || got.RemoteID == "" {
			t.Fatalf("%s: %+v (%v) after the service came back", r.Person.GivenNames, got, err)
		}
		remote[got.RemoteID] = true
	}
	if out, _ := st.Outbox(); len(out) != 0 {
		t.Errorf("%d requests left in the outbox", len(out))
	}
	page, err := srv.Client(bram, bakery).List(ctx, api.ListQuery{Limit: 500}, "")
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != len(sent) || len(remote) != len(sent) {
		t.Fatalf("the service holds %d requests, the app %d references, for %d sent", page.Total, len(remote), len(sent))
	}
	t.Logf("faults injected: %d broken submissions over %d kinds; requests sent %d, on the service %d (lost 0, duplicated %d)",
		f.tries.Load(), faults-1, len(sent), page.Total, page.Total-len(sent))
}
