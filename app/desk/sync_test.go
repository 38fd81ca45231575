package desk_test

import (
	"context"
	"errors"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
)

// Two workstations of one company, each with a fresh store, see one
// history: what either sends, and what changes at the service, reaches
// both; another company's requests reach neither.
func TestTwoWorkstationsSyncOneHistory(t *testing.T) {
	srv := sandboxtest.Start(t, "", sandbox.Options{})
	ctx := context.Background()
	stA, stB := openStore(t), openStore(t)
	a := desk.New(stA, srv.Client(bram, bakery), nil, nil)
	b := desk.New(stB, srv.Client(an, bakery), nil, nil)

	sent := request()
	if err := a.Send(ctx, sent); err != nil {
		t.Fatal(err)
	}
	open := request()
	open.Person.BirthPlace = ""
	if err := b.Send(ctx, open); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Client("sofie.wouters@transports-lambert.be", "0417181162").Submit(ctx, &app.Request{Key: app.NewKey(),
		Person: app.Person{Surname: "Other"}, Pages: []app.Page{{Label: "p", ContentType: "image/png", Data: []byte{1}}}}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []*desk.Desk{a, b} {
		if _, err := d.Sync(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for name, st := range map[string]interface {
		Requests() ([]*app.Request, error)
	}{"A": stA, "B": stB} {
		list, _ := st.Requests()
		if len(list) != 2 {
			t.Fatalf("workstation %s holds %d requests, want the company's 2", name, len(list))
		}
		by := map[string]*app.Request{}
		for _, r := range list {
			by[r.RemoteID] = r
		}
		if r := by[sent.RemoteID]; r == nil || r.Status != app.Allocated || r.INSZ != sent.INSZ || r.RequestedBy.Name != "Bram Claes" {
			t.Errorf("workstation %s: Bram's request %+v", name, r)
		}
		if r := by[open.RemoteID]; r == nil || r.Status != app.InfoRequested || r.RequestedBy.Name != "An Peeters" || r.Person.Surname != "Rossi" {
			t.Errorf("workstation %s: An's request %+v", name, r)
		}
	}
	// A cancels An's request; B learns it at its next sync, incrementally.
	local, _ := stA.Requests()
	for _, r := range local {
		if r.RemoteID == open.RemoteID {
			if err := a.Cancel(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	n, err := b.Sync(ctx)
	if err != nil || n != 1 {
		t.Fatalf("incremental sync: %d changes, %v; want 1", n, err)
	}
	mine, _ := stB.Request(open.ID)
	if mine.Status != app.Cancelled || len(mine.Pages) != 1 {
		t.Errorf("B's own request after the sync: status %s, %d pages kept", mine.Status, len(mine.Pages))
	}
	if n, _ := b.Sync(ctx); n != 0 {
		t.Errorf("a sync with nothing new brought %d", n)
	}
}

// Nobody signed in: a request waits in the outbox and is sent once
// someone signs in.
func TestSendWaitsForSignIn(t *testing.T) {
	srv := sandboxtest.Start(t, "", sandbox.Options{})
	st := openStore(t)
	anon, _ := api.New(srv.URL, sandboxtest.HTTP(t))
	d := desk.New(st, anon.ForCompany(bakery), nil, nil)
	r := request()
	if err := d.Send(context.Background(), r); !errors.Is(err, app.ErrSignInRequired) {
		t.Fatalf("send signed out: %v", err)
	}
	if got, _ := st.Request(r.ID); got.Status != app.Queued || got.Key == "" {
		t.Fatalf("after a signed-out send: %+v", got)
	}
	d.SetService(srv.Client(bram, bakery))
	if n, err := d.SendQueued(context.Background()); n != 1 || err != nil {
		t.Fatalf("after sign-in: %d sent, %v", n, err)
	}
	if got, _ := st.Request(r.ID); got.Status != app.Allocated || got.RequestedBy.Name != "Bram Claes" {
		t.Fatalf("sent after sign-in: %+v", got)
	}
}
