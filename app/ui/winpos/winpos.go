// Package winpos reads and sets where a window sits on the screen, which
// Fyne 2.7 does not offer: through the window's native handle (X11 and
// Windows; macOS and Wayland have none here, and the window manager
// places the window there).
//
// Positions are the outer frame's top-left corner in screen pixels, the
// same in Get and Set, so that a window put back where it was read does
// not creep down by its title bar at every start.
package winpos

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// minVisible is how much of a window's top-left corner must lie on a
// screen for Set to move it there: enough to grab the title bar.
const minVisible = 48

// Window is a shown window's native handle. Its methods call the window
// system only, never Fyne or GLFW, so they may run on any goroutine and
// after Fyne has shut down (they then report false).
type Window struct{ h handle }

// Of takes w's native handle; nil when the platform gives none. It runs
// on the UI goroutine, after w is shown.
func Of(w fyne.Window) *Window {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return nil
	}
	var h handle
	nw.RunNative(func(ctx any) { h = handleOf(ctx) })
	if h == nil {
		return nil
	}
	return &Window{h}
}

// Get tells where the window's frame is; false when the window is gone.
func (w *Window) Get() (image.Point, bool) { return w.h.get() }

// Set moves the window's frame to p when p lies on a screen; false when
// it does not (a monitor since unplugged).
func (w *Window) Set(p image.Point) bool { return w.h.set(p) }

// handle is a native window that can report and change its position.
type handle interface {
	get() (image.Point, bool)
	set(image.Point) bool
}
