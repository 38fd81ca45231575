package desk_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/desk"
)

// flakyService cannot be reached for the requests named in down; it
// counts submissions by idempotency key.
type flakyService struct {
	app.Service // only Submit is called
	down        map[string]bool
	submitted   map[string]int
}

func (s *flakyService) Submit(_ context.Context, r *app.Request) (app.Receipt, error) {
	if s.down[r.ID] {
		return app.Receipt{}, fmt.Errorf("%w: test", app.ErrUnreachable)
	}
	s.submitted[r.Key]++
	return app.Receipt{ID: "BIS-" + r.ID, Rev: 1, Status: app.Received}, nil
}

func TestOutboxBacksOffAFailingRequestAndSendsTheOthers(t *testing.T) {
	clock := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	st := openStoreAt(t, func() time.Time { return clock })
	var ids []string
	for range 2 {
		r := request()
		r.Status = app.Queued
		if err := st.Save(r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	svc := &flakyService{down: map[string]bool{ids[0]: true}, submitted: map[string]int{}}
	d := desk.New(st, svc, func() time.Time { return clock }, nil)
	ctx := context.Background()
	// The first failure is retried at the next round; the second waits.
	for try := 1; try <= 2; try++ {
		if n, err := d.SendQueued(ctx); n != 0 || !errors.Is(err, app.ErrUnreachable) {
			t.Fatalf("try %d: %d, %v", try, n, err)
		}
	}
	out, err := st.Outbox()
	if err != nil || len(out) != 2 || out[0].Tries != 2 || !out[0].Next.After(clock) {
		t.Fatalf("outbox after two failed tries: %+v, %v", out, err)
	}
	// While the first waits, the one behind it goes.
	if n, err := d.SendQueued(ctx); n != 1 || err != nil {
		t.Fatalf("with the first backed off: %d, %v", n, err)
	}
	clock = out[0].Next
	delete(svc.down, ids[0])
	if n, err := d.SendQueued(ctx); n != 1 || err != nil {
		t.Fatalf("when due again: %d, %v", n, err)
	}
	if out, _ := st.Outbox(); len(out) != 0 {
		t.Fatalf("outbox %+v", out)
	}
	for key, n := range svc.submitted {
		if n != 1 {
			t.Errorf("key %s submitted %d times", key, n)
		}
	}
	if n, err := d.SendQueued(ctx); n != 0 || err != nil {
		t.Errorf("an empty outbox sends %d, %v", n, err)
	}
}
