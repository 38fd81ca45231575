package desk

import (
	"context"
	"time"

	"github.com/idpro/idpro/app"
)

// Retry delays after tries that could not reach the service. The first
// retry is the loop's next round (Run's interval, a minute); then the
// wait doubles from retryFirst up to retryMax, so a request the service
// keeps failing on (an outage of one endpoint, a rate limit) does not take
// a try every minute for hours, and the others behind it still go.
const (
	retryFirst = time.Minute
	retryMax   = 30 * time.Minute
)

// retryDelay is how long a queued request waits after its tries-th failed
// try.
func retryDelay(tries int) time.Duration {
	if tries <= 1 {
		return 0
	}
	d := retryFirst << min(tries-2, 16)
	return min(d, retryMax)
}

// sendOutbox sends the outbox's due requests in order, with the
// idempotency key each was queued with. It reads only the outbox, not the
// history. It stops at the first request the service cannot be reached
// for, recording the try.
func (d *Desk) sendOutbox(ctx context.Context) (int, error) {
	out, err := d.history.Outbox()
	if err != nil {
		return 0, err
	}
	sent := 0
	now := d.now()
	for _, o := range out {
		if o.Next.After(now) {
			continue
		}
		err := d.withFull(o.ID, func(r *app.Request) error {
			if r.Status != app.Queued {
				return nil
			}
			return d.submit(ctx, r)
		})
		if waits(err) {
			if perr := d.history.Postpone(o.ID, now.Add(retryDelay(o.Tries+1))); perr != nil {
				d.log.Warn("outbox try not recorded", "id", o.ID, "err", perr)
			}
			return sent, err
		}
		if err != nil {
			d.log.Warn("queued request refused", "id", o.ID, "err", err)
			continue
		}
		sent++
	}
	return sent, nil
}
