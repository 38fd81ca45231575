// Package winpos reads and sets where a window sits on the screen, which
// Fyne 2.7 does not offer: through the window's native handle (X11 and
// Windows; macOS and Wayland report nothing and move nothing, and the
// window manager places the window there).
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

// Get tells where w's frame is; false when the platform cannot say or the
// window is not shown. It runs on the UI goroutine.
func Get(w fyne.Window) (p image.Point, ok bool) {
	native(w, func(h handle) { p, ok = h.get() })
	return p, ok
}

// Set moves w's frame to p when p lies on a screen; false when it does
// not (a monitor since unplugged) or the platform cannot move windows.
// It runs on the UI goroutine, after w is shown.
func Set(w fyne.Window, p image.Point) (ok bool) {
	native(w, func(h handle) { ok = h.set(p) })
	return ok
}

// minVisible is how much of a window's top-left corner must lie on a
// screen for Set to move it there: enough to grab the title bar.
const minVisible = 48

// handle is a native window that can report and change its position.
type handle interface {
	get() (image.Point, bool)
	set(image.Point) bool
}

func native(w fyne.Window, fn func(handle)) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		if h := handleOf(ctx); h != nil {
			fn(h)
		}
	})
}
