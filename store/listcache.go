package store

import (
	"maps"
	"slices"
	"sync"

	"github.com/idpro/idpro/app"
)

// listCache keeps the requests Requests decoded, by id with the revision
// they were decoded at: the history tab lists 10,000 requests after every
// change, and opening and decoding a sealed record costs about 30 µs of
// CPU (BenchmarkRequestsCold, pprof), a copy from here about 2 µs
// (BenchmarkRequests; docs/store.md).
type listCache struct {
	mu   sync.Mutex
	byID map[string]cached
}

type cached struct {
	rev int64
	r   *app.Request
}

// get returns a copy of the cached request if it is at revision rev.
func (c *listCache) get(id []byte, rev int64) *app.Request {
	c.mu.Lock()
	e, ok := c.byID[string(id)]
	c.mu.Unlock()
	if !ok || e.rev != rev {
		return nil
	}
	return clone(e.r)
}

// put caches a copy of r, decoded at revision rev.
func (c *listCache) put(id string, rev int64, r *app.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byID == nil {
		c.byID = map[string]cached{}
	}
	c.byID[id] = cached{rev, clone(r)}
}

// prune forgets deleted requests once the cache holds more than the store.
func (c *listCache) prune(live int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.byID) > live {
		c.byID = nil
	}
}

// clone copies a listed request so that a caller changing it (its
// slices included) never changes the cache.
func clone(r *app.Request) *app.Request {
	c := *r
	c.Asked = slices.Clone(r.Asked)
	c.Timeline = slices.Clone(r.Timeline)
	c.Document.MRZ = slices.Clone(r.Document.MRZ)
	c.Completed = slices.Clone(r.Completed)
	c.MessageData = maps.Clone(r.MessageData)
	if r.Question != nil {
		q := *r.Question
		c.Question = &q
	}
	return &c
}
