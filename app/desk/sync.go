package desk

import (
	"context"

	"github.com/idpro/idpro/app"
)

// Sync brings the company's history up to date from the service: every
// request of the company, from every workstation, a page at a time, each
// page saved with the cursor that follows it. A request this history
// held in another status is reported to OnStatus (a fresh history's
// first sync reports nothing: it held nothing).
func (d *Desk) Sync(ctx context.Context) (int, error) {
	svc := d.svc()
	changed := 0
	for {
		company := companyOf(svc)
		cursor, err := d.history.Cursor(company)
		if err != nil {
			return changed, err
		}
		ch, err := svc.Changes(ctx, cursor)
		if err != nil {
			return changed, err
		}
		var before map[string]app.Status
		if len(ch.Receipts) > 0 && d.OnStatus != nil {
			if before, err = d.statuses(ch.Receipts); err != nil {
				return changed, err
			}
		}
		// Under the lock: a send that is saving its receipt finishes
		// first, and Apply's revision check keeps the newer view.
		d.mu.Lock()
		err = d.history.Merge(ch.Company, ch.Cursor, ch.Receipts)
		d.mu.Unlock()
		if err != nil {
			return changed, err
		}
		for _, rc := range ch.Receipts {
			if old, ok := before[rc.ID]; ok && old != rc.Status {
				d.OnStatus(rc, old)
			}
		}
		changed += len(ch.Receipts)
		if len(ch.Receipts) > 0 && d.OnChange != nil {
			d.OnChange(nil)
		}
		if !ch.More {
			return changed, nil
		}
	}
}

// statuses maps the service's ids of a page of changes to the statuses
// this history holds: from the store's index when it can tell them (not
// opening the whole history), else from the list.
func (d *Desk) statuses(rcs []app.Receipt) (map[string]app.Status, error) {
	if idx, ok := d.history.(interface {
		StatusesOf([]string) (map[string]app.Status, error)
	}); ok {
		ids := make([]string, len(rcs))
		for i, rc := range rcs {
			ids[i] = rc.ID
		}
		return idx.StatusesOf(ids)
	}
	list, err := d.history.Requests()
	if err != nil {
		return nil, err
	}
	out := make(map[string]app.Status, len(list))
	for _, r := range list {
		if r.RemoteID != "" {
			out[r.RemoteID] = r.Status
		}
	}
	return out, nil
}

// companyOf is the company a service works for, when it says.
func companyOf(s app.Service) string {
	if c, ok := s.(interface{ Company() string }); ok {
		return c.Company()
	}
	return ""
}

// Answer replies to the service's question about a request: the answer's
// pages join the request's here too, so the history shows what was sent.
func (d *Desk) Answer(ctx context.Context, id string, a app.Answer) error {
	if a.Empty() {
		return app.Errorf("service.empty_answer", nil)
	}
	return d.withFull(id, func(r *app.Request) error {
		if r.Status != app.InfoRequested || r.RemoteID == "" {
			return app.Errorf("service.not_asked", nil, "status", string(r.Status))
		}
		if len(r.Pages)+len(a.Pages) > app.MaxPages {
			return app.Errorf("request.too_many_pages", nil, "max", app.MaxPages)
		}
		rc, err := d.svc().Answer(ctx, r.RemoteID, a)
		if err != nil {
			return err
		}
		r.Pages = append(r.Pages, a.Pages...)
		r.Apply(rc)
		return d.save(r)
	})
}
