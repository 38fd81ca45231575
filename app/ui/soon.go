package ui

import (
	"context"
	"sync"
	"time"
)

// uiBudget is how long the UI goroutine waits for a store read before it
// lets the window go on and shows the result when it comes: a read that
// answers in time shows without a flicker of emptiness, a slow disk never
// freezes the window for longer (issue #15 allows 100 ms).
const uiBudget = 50 * time.Millisecond

// soon runs read off the UI goroutine and calls show with its result on
// the UI goroutine: at once if it came within uiBudget, else through u.Do
// once it comes. soon itself runs on the UI goroutine.
func soon[T any](u *UI, read func() (T, error), show func(T, error)) {
	type result struct {
		v   T
		err error
	}
	var (
		mu      sync.Mutex
		gaveUp  bool
		arrived = make(chan result, 1)
	)
	u.goBackground(func(context.Context) {
		v, err := read()
		mu.Lock()
		defer mu.Unlock()
		if gaveUp {
			u.Do(func() { show(v, err) })
			return
		}
		arrived <- result{v, err}
	})
	timer := time.NewTimer(uiBudget)
	defer timer.Stop()
	select {
	case r := <-arrived:
		show(r.v, r.err)
	case <-timer.C:
		mu.Lock()
		select {
		case r := <-arrived:
			mu.Unlock()
			show(r.v, r.err)
		default:
			gaveUp = true
			mu.Unlock()
		}
	}
}
