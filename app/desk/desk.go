// Package desk runs a request's life on this computer: drafts saved as
// they are typed, sending (or queueing when the service cannot be
// reached, and sending later), following the service's answers, and
// cancelling. It only uses the app.History and app.Service interfaces.
package desk

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/idpro/idpro/app"
)

// Desk coordinates the local history and the service.
type Desk struct {
	history app.History
	service app.Service
	now     func() time.Time
	log     *slog.Logger

	// mu keeps the background loop and the user from sending or updating
	// the same request at once; it is held across calls to the service,
	// so nothing the UI goroutine calls takes it (SaveDraft, SetService).
	mu sync.Mutex
	// smu guards service alone, briefly.
	smu sync.Mutex
	// OnChange, when set, is called after a request changed (from any
	// goroutine), so views can refresh.
	OnChange func(*app.Request)
	// OnStatus, when set, is told of each request a sync found in
	// another status than before (from the sync's goroutine).
	OnStatus func(rc app.Receipt, was app.Status)
	// Pack, when set, makes the pages the one file that is submitted and
	// archived (a PDF at the pages' physical size); without it the pages
	// are submitted as they are.
	Pack func(pages []app.Page) (app.Page, error)
}

// New returns a desk; now and log may be nil.
func New(h app.History, s app.Service, now func() time.Time, log *slog.Logger) *Desk {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Desk{history: h, service: s, now: now, log: log}
}

// SetService points the desk at another service (a sign-in, another
// company, a settings change). It does not wait for a send under way,
// which goes on with the service it started with.
func (d *Desk) SetService(s app.Service) {
	d.smu.Lock()
	defer d.smu.Unlock()
	d.service = s
}

// svc is the service the desk works with now.
func (d *Desk) svc() app.Service {
	d.smu.Lock()
	defer d.smu.Unlock()
	return d.service
}

// SaveDraft keeps what the user typed so far.
//
// It takes no lock of the desk's: the UI goroutine calls it, and a send
// holds the lock for as long as the service takes to answer. The store
// keeps the two apart instead: a draft saved over a request that was
// queued or sent meanwhile is refused as stale (app.ErrStale).
func (d *Desk) SaveDraft(r *app.Request) error {
	if r.Status == "" {
		r.Status = app.Draft
	}
	return d.save(r)
}

// Send validates and submits a request. When the service cannot be
// reached the request is kept as Queued and Send returns an error that
// wraps app.ErrUnreachable; SendQueued sends it later.
func (d *Desk) Send(ctx context.Context, r *app.Request) error {
	if err := r.ValidateSend(d.now()); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.Pack != nil && r.Scan == nil {
		scan, err := d.Pack(r.Pages)
		if err != nil {
			return err
		}
		r.Scan = &scan
	}
	r.Status = app.Queued
	if err := d.save(r); err != nil {
		return err
	}
	return d.submit(ctx, r)
}

func (d *Desk) submit(ctx context.Context, r *app.Request) error {
	if r.Key == "" {
		r.Key = app.NewKey()
		if err := d.save(r); err != nil {
			return err
		}
	}
	rc, err := d.svc().Submit(ctx, r)
	if waits(err) {
		d.log.Info("request queued", "id", r.ID, "err", err)
		return err
	}
	if err != nil {
		// Refused: back to a draft the user can correct.
		r.Status = app.Draft
		if serr := d.save(r); serr != nil {
			return serr
		}
		return err
	}
	r.Apply(rc)
	r.Submitted = d.now()
	d.log.Info("request sent", "id", r.ID, "remote", r.RemoteID, "status", r.Status)
	return d.save(r)
}

// SendQueued sends every queued request; it stops at the first one the
// service cannot be reached for.
func (d *Desk) SendQueued(ctx context.Context) (int, error) {
	return d.sendOutbox(ctx)
}

// Cancel withdraws a request: locally when the service never saw it,
// through the service when it is still open there.
func (d *Desk) Cancel(ctx context.Context, id string) error {
	return d.withFull(id, func(r *app.Request) error {
		switch {
		case r.Status.Local():
			r.Status = app.Cancelled
		case r.Status.Open():
			rc, err := d.svc().Cancel(ctx, r.RemoteID)
			if err != nil {
				return err
			}
			r.Apply(rc)
		default:
			return app.Errorf("desk.cannot_cancel", nil, "status", string(r.Status))
		}
		return d.save(r)
	})
}

// waits tells an error after which a request stays queued: no network,
// the service down, or nobody signed in.
func waits(err error) bool {
	return errors.Is(err, app.ErrUnreachable) || errors.Is(err, app.ErrSignInRequired)
}

// Run sends queued requests and syncs the company's history every
// interval until ctx ends.
func (d *Desk) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := d.SendQueued(ctx); err == nil {
			if _, err := d.Sync(ctx); err != nil && !waits(err) {
				d.log.Warn("sync failed", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// withFull loads a request with its pages and runs fn under the lock.
func (d *Desk) withFull(id string, fn func(*app.Request) error) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	r, err := d.history.Request(id)
	if err != nil {
		return err
	}
	return fn(r)
}

func (d *Desk) save(r *app.Request) error {
	if err := d.history.Save(r); err != nil {
		return err
	}
	if d.OnChange != nil {
		d.OnChange(r)
	}
	return nil
}
