package ui

import (
	"errors"
	"sync"

	"github.com/idpro/idpro/app"
)

// drafts keeps the wizard's drafts in the history off the UI goroutine
// (issue #15: a slow disk never freezes typing). Saves run one at a time,
// in the order they were asked for, so an older version of a draft never
// lands after a newer one; a save asked while an older one of the same
// draft still waits replaces it, since only the newest version matters.
// A save that lands after its request was queued or sent is refused by
// the history (app.ErrStale) and the queued request stays as it is.
type drafts struct {
	u       *UI
	mu      sync.Mutex
	changed *sync.Cond // a save finished (settle waits on it)
	queue   []draftSave
	running bool
	seq     uint64 // numbers the versions asked to be saved, newest highest

	// known are the drafts whose first save has not reached the wizard's
	// request yet, by request: a wizard built anew (a language change)
	// goes on with the same draft rather than adding one. UI goroutine
	// only.
	known map[*app.Request]*draft
}

// draft is one request of the wizard as drafts knows it: the history's
// identity for it (id, key, creation) as soon as its first save lands,
// for the versions asked before the wizard's copy had it.
type draft struct {
	live    *app.Request // the wizard's request; read and written on the UI goroutine only
	asked   uint64       // the newest version asked for
	pending int          // saves asked and not yet finished
	saved   app.Request  // identity of the last version saved
}

type draftSave struct {
	d    *draft
	snap *app.Request
}

func newDrafts(u *UI) *drafts {
	s := &drafts{u: u, known: map[*app.Request]*draft{}}
	s.changed = sync.NewCond(&s.mu)
	return s
}

// draft is the saving state of the wizard's request r: the one an
// earlier wizard left while r's first save was on its way, or a new one.
func (s *drafts) draft(r *app.Request) *draft {
	if d, ok := s.known[r]; ok {
		return d
	}
	return &draft{live: r}
}

// expect notes, before a save of d is asked for, a request that has no
// id yet.
func (s *drafts) expect(d *draft) {
	if d.live.ID == "" {
		s.known[d.live] = d
	}
}

// version numbers a version of a request about to be asked for.
func (s *drafts) version() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	return s.seq
}

// ask saves snap, version seq of d's request, off the UI goroutine. A
// version older than one already asked for is dropped.
func (s *drafts) ask(d *draft, snap *app.Request, seq uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= d.asked {
		return
	}
	d.asked = seq
	for i := range s.queue {
		if s.queue[i].d == d {
			s.queue[i].snap = snap
			return
		}
	}
	d.pending++
	s.queue = append(s.queue, draftSave{d, snap})
	if !s.running {
		s.running = true
		s.u.begin()
		go s.run()
	}
}

// run saves what is queued, oldest first, until nothing is.
func (s *drafts) run() {
	defer s.u.end()
	for {
		s.mu.Lock()
		if len(s.queue) == 0 {
			s.running = false
			s.mu.Unlock()
			return
		}
		job := s.queue[0]
		s.queue = s.queue[1:]
		job.d.identify(job.snap)
		s.mu.Unlock()

		err := s.u.Desk.SaveDraft(job.snap)

		s.mu.Lock()
		if err == nil {
			job.d.saved = identity(job.snap)
		}
		job.d.pending--
		s.changed.Broadcast()
		s.mu.Unlock()
		s.u.Do(func() { s.landed(job, err) })
	}
}

// landed tells the wizard's request what the history made of a save.
func (s *drafts) landed(job draftSave, err error) {
	if err != nil {
		// Stale: the request was queued or sent meanwhile, and the
		// history kept the newer version, as it should.
		if !errors.Is(err, app.ErrStale) {
			s.u.showError(err)
		}
		return
	}
	live, snap := job.d.live, job.snap
	if live.ID == "" {
		live.ID, live.Key, live.Created = snap.ID, snap.Key, snap.Created
		delete(s.known, live)
	}
	if live.ID == snap.ID && live.Status == app.Draft && snap.Updated.After(live.Updated) {
		live.Updated = snap.Updated
	}
}

// settle waits, off the UI goroutine, until every save asked for d has
// landed, and returns the history's identity for it (no id if none did).
func (s *drafts) settle(d *draft) app.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	for d.pending > 0 {
		s.changed.Wait()
	}
	return d.saved
}

// identify gives a version asked before the first save landed the id
// that save got, so that it replaces the draft rather than adding one.
// Called with drafts.mu held.
func (d *draft) identify(r *app.Request) {
	if r.ID == "" && d.saved.ID != "" {
		r.ID, r.Key, r.Created = d.saved.ID, d.saved.Key, d.saved.Created
	}
}

// identity is what the history gave r: its id, key and revision.
func identity(r *app.Request) app.Request {
	return app.Request{ID: r.ID, Key: r.Key, Created: r.Created, Updated: r.Updated}
}
