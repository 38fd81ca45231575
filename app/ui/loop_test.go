package ui

import (
	"sync"
	"testing"
	"time"
)

// uiLoop stands in for the real driver's UI goroutine. Fyne's test driver
// runs a fyne.Do update at once on the goroutine that asks, so the updates
// of two background jobs, or one and the test itself, touch the widgets at
// the same time: data races that the real driver, which runs updates one
// by one on its UI goroutine, cannot have (and that `go test -race` finds
// in Fyne's own caches under migrated_fynedo). Here updates wait in a
// queue; the test goroutine, which plays the UI goroutine, runs them when
// it waits (UI.Wait, env.waitUntil), as the real driver's event loop does.
type uiLoop struct {
	mu    sync.Mutex
	queue []func()
	ready chan struct{} // has a value once an update is queued
}

func newLoop() *uiLoop { return &uiLoop{ready: make(chan struct{}, 1)} }

// do is Deps.Do: it queues fn and returns, as fyne.Do does.
func (l *uiLoop) do(fn func()) {
	l.mu.Lock()
	l.queue = append(l.queue, fn)
	l.mu.Unlock()
	select {
	case l.ready <- struct{}{}:
	default:
	}
}

// run runs the queued updates, and those they queue, on the calling
// goroutine; it tells whether there were any.
func (l *uiLoop) run() bool {
	ran := false
	for {
		l.mu.Lock()
		q := l.queue
		l.queue = nil
		l.mu.Unlock()
		if len(q) == 0 {
			return ran
		}
		for _, fn := range q {
			fn()
		}
		ran = true
	}
}

// loops holds the loop of each UI under test (serve).
var loops sync.Map // *UI -> *uiLoop

// serve makes l run u's updates in Wait, for the test's duration.
func (l *uiLoop) serve(t *testing.T, u *UI) {
	loops.Store(u, l)
	t.Cleanup(func() { loops.Delete(u) })
}

// Wait runs the UI's updates until no background work is left and none
// is queued. A job queues its last update before it ends, so once busy
// reads 0 an empty queue means that everything has been shown. A UI
// without a loop (Deps.Do left to Fyne's test driver) only waits.
func (u *UI) Wait() {
	v, ok := loops.Load(u)
	if !ok {
		u.bg.Wait()
		return
	}
	l := v.(*uiLoop)
	for {
		l.run()
		if u.busy.Load() == 0 && !l.run() {
			return
		}
		select {
		case <-l.ready:
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// waitUntil runs the UI's updates until ok (which runs on the UI
// goroutine) holds, for at most 2 minutes (a scan under -race on a busy
// machine takes a while).
func (e *env) waitUntil(t *testing.T, ok func() bool) {
	t.Helper()
	e.waitWithin(t, 2*time.Minute, "timed out", ok)
}

// waitWithin is waitUntil with a time limit and what to say past it.
func (e *env) waitWithin(t *testing.T, limit time.Duration, late string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for e.loop.run(); !ok(); e.loop.run() {
		if time.Now().After(deadline) {
			t.Fatal(late)
		}
		select {
		case <-e.loop.ready:
		case <-time.After(20 * time.Millisecond):
		}
	}
}
