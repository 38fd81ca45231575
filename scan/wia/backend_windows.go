//go:build windows

package wia

import (
	"runtime"
	"sync"

	"github.com/go-ole/go-ole"

	"github.com/idpro/idpro/scan"
)

const isWindows = true

// Backend returns the WIA scan.Backend.
func Backend() scan.Backend { return &Scanner{} }

// Scanner is the WIA scan.Backend. WIA's automation objects live in a
// single-threaded apartment: every call runs on one goroutine locked to one
// OS thread with COM initialised there.
type Scanner struct {
	once  sync.Once
	calls chan func()
}

// do runs f on the COM thread and returns its error.
func (s *Scanner) do(f func() error) error {
	s.once.Do(func() {
		s.calls = make(chan func())
		ready := make(chan struct{})
		go func() {
			runtime.LockOSThread()
			// S_FALSE (already initialised) is no failure.
			_ = ole.CoInitializeEx(0, ole.COINIT_APARTMENTTHREADED)
			close(ready)
			for call := range s.calls {
				call()
			}
		}()
		<-ready
	})
	done := make(chan error, 1)
	s.calls <- func() { done <- f() }
	return <-done
}
