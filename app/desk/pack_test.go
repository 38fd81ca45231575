package desk_test

import (
	"context"
	"errors"
	"testing"

	"github.com/idpro/idpro/app"
)

// The desk packs the pages once, before the request is queued: the packed
// file is what the service gets, now or later, and what the history keeps.
func TestPackedPagesAreQueuedSentAndKept(t *testing.T) {
	d, st, live := setup(t)
	packed := 0
	d.Pack = func(pages []app.Page) (app.Page, error) {
		packed++
		return app.Page{Label: "document", ContentType: "image/png", Data: append([]byte("packed:"), pages[0].Data...)}, nil
	}
	ctx := context.Background()
	d.SetService(deadService(t))
	r := request()
	if err := d.Send(ctx, r); !errors.Is(err, app.ErrUnreachable) {
		t.Fatalf("send offline: %v", err)
	}
	queued, err := st.Request(r.ID)
	if err != nil || queued.Scan == nil || string(queued.Scan.Data) != "packed:\x01" || len(queued.Pages) != 1 {
		t.Fatalf("queued request: %+v, %v", queued, err)
	}
	d.SetService(live)
	if n, err := d.SendQueued(ctx); n != 1 || err != nil {
		t.Fatalf("back online: %d, %v", n, err)
	}
	done, _ := st.Request(r.ID)
	if done.Status != app.Allocated || done.Scan == nil || packed != 1 {
		t.Fatalf("after sending: status %s, scan %v, packed %d times", done.Status, done.Scan != nil, packed)
	}
}

func TestPackFailureKeepsTheDraft(t *testing.T) {
	d, st, _ := setup(t)
	d.Pack = func([]app.Page) (app.Page, error) { return app.Page{}, app.Errorf("scan.corrupt_image", nil) }
	r := request()
	if err := d.SaveDraft(r); err != nil {
		t.Fatal(err)
	}
	if err := d.Send(context.Background(), r); app.ErrorCode(err) != "scan.corrupt_image" {
		t.Fatalf("send: %v", err)
	}
	if stored, _ := st.Request(r.ID); stored.Status != app.Draft || stored.Scan != nil {
		t.Fatalf("after a failed pack: %+v", stored)
	}
}
