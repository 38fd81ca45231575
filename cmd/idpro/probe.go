package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// probeEnv names a file that, when set, receives how long the UI goroutine
// took to run an empty function posted to it every probeEvery: one line
// "unix-milliseconds wait-microseconds" per probe. docs/performance.md
// reads the longest wait per phase from it (TestUIResponsiveness); it
// measures, and never changes what the app does.
const probeEnv = "IDPRO_UI_PROBE"

const probeEvery = 10 * time.Millisecond

// startProbe starts the probe when probeEnv is set; the returned function
// stops it and flushes the file.
func startProbe() (stop func()) {
	path := os.Getenv(probeEnv)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "idpro: UI probe:", err)
		return func() {}
	}
	var mu sync.Mutex // the file, between the probe and stop
	out := bufio.NewWriter(f)
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(probeEvery)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
			}
			posted := time.Now()
			fyne.DoAndWait(func() {})
			mu.Lock()
			fmt.Fprintf(out, "%d %d\n", posted.UnixMilli(), time.Since(posted).Microseconds())
			mu.Unlock()
		}
	}()
	return func() {
		close(quit)
		// Once the app has quit, nothing runs what the probe posted.
		select {
		case <-done:
		case <-time.After(time.Second):
		}
		mu.Lock()
		defer mu.Unlock()
		out.Flush()
		f.Close()
	}
}
