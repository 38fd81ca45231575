package desk_test

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/store"
)

const (
	bakery = "0403170701"
	bram   = "bram.claes@sociaal-secretariaat.be"
	an     = "an.peeters@bakkerij-janssens.be"
)

func setup(t *testing.T) (*desk.Desk, *store.Store, *api.Client) {
	t.Helper()
	srv := sandboxtest.Start(t, "", sandbox.Options{})
	st := openStore(t)
	live := srv.Client(bram, bakery)
	return desk.New(st, live, nil, nil), st, live
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	return openStoreAt(t, nil)
}

// openStoreAt opens a store whose stamps (an outbox entry's next try)
// follow the test's clock, so that the test does not depend on the day
// it runs.
func openStoreAt(t *testing.T, now func() time.Time) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "idpro.db"), store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func deadService(t *testing.T) app.Service {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, _ := api.New("http://"+addr, nil)
	return c.ForCompany(bakery)
}

func request() *app.Request {
	return &app.Request{
		Requester: "hr@example.be",
		Document:  app.Document{Kind: app.IDCard},
		Pages:     []app.Page{{Label: "front", ContentType: "image/png", Data: []byte{1}}},
		Person: app.Person{Surname: "Rossi", GivenNames: "Maria", Sex: app.Female,
			BirthDate: app.Date{Year: 1988, Month: 2, Day: 29}, BirthPlace: "Napoli"},
	}
}

func TestOfflineRequestIsQueuedThenSent(t *testing.T) {
	d, st, live := setup(t)
	ctx := context.Background()
	d.SetService(deadService(t))
	r := request()
	if err := d.Send(ctx, r); !errors.Is(err, app.ErrUnreachable) {
		t.Fatalf("send offline: %v", err)
	}
	stored, err := st.Request(r.ID)
	if err != nil || stored.Status != app.Queued || len(stored.Pages) != 1 {
		t.Fatalf("after offline send: %+v, %v", stored, err)
	}
	if n, err := d.SendQueued(ctx); n != 0 || !errors.Is(err, app.ErrUnreachable) {
		t.Fatalf("still offline: %d, %v", n, err)
	}
	d.SetService(live)
	if n, err := d.SendQueued(ctx); n != 1 || err != nil {
		t.Fatalf("back online: %d, %v", n, err)
	}
	done, _ := st.Request(r.ID)
	if done.Status != app.Allocated || done.INSZ == "" || done.RemoteID == "" || done.Submitted.IsZero() {
		t.Fatalf("after sending queued: %+v", done)
	}
}

func TestCancel(t *testing.T) {
	d, st, _ := setup(t)
	ctx := context.Background()

	draft := request()
	if err := d.SaveDraft(draft); err != nil {
		t.Fatal(err)
	}
	if err := d.Cancel(ctx, draft.ID); err != nil {
		t.Fatal(err)
	}
	if r, _ := st.Request(draft.ID); r.Status != app.Cancelled {
		t.Errorf("draft status %s", r.Status)
	}

	open := request()
	open.Person.BirthPlace = ""
	if err := d.Send(ctx, open); err != nil {
		t.Fatal(err)
	}
	if open.Status != app.InfoRequested || len(open.Asked) != 1 {
		t.Fatalf("want a question, got %+v", open)
	}
	if _, err := d.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Cancel(ctx, open.ID); err != nil {
		t.Fatal(err)
	}
	if r, _ := st.Request(open.ID); r.Status != app.Cancelled {
		t.Errorf("investigated request status %s", r.Status)
	}

	done := request()
	if err := d.Send(ctx, done); err != nil {
		t.Fatal(err)
	}
	if err := d.Cancel(ctx, done.ID); app.ErrorCode(err) != "desk.cannot_cancel" {
		t.Errorf("cancel completed: %v", err)
	}
}

func TestRefusedRequestReturnsToDraft(t *testing.T) {
	d, st, _ := setup(t)
	r := request()
	r.Pages[0].ContentType = "text/plain"
	if err := d.Send(context.Background(), r); app.ErrorCode(err) != "service.bad_page" {
		t.Fatalf("send: %v", err)
	}
	if got, _ := st.Request(r.ID); got.Status != app.Draft {
		t.Errorf("status %s, want draft", got.Status)
	}
	invalid := request()
	invalid.Requester = ""
	if err := d.Send(context.Background(), invalid); app.ErrorCode(err) != "request.email_invalid" || invalid.ID != "" {
		t.Errorf("invalid request: %v, id %q", err, invalid.ID)
	}
}
