package ui

import (
	"image"
	"math"
	"time"

	"fyne.io/fyne/v2"

	"github.com/idpro/idpro/app/ui/winpos"
)

// The window's size and position are kept in the app's preferences (Fyne
// keeps them in the user's configuration directory, apart from the store:
// they are nothing personal, and known before the store is unlocked).
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	prefX      = "window.x"
	prefY      = "window.y"
)

// defaultSize fits the history's columns and the wizard's forms without
// scrolling; a smaller screen gets the window its window manager allows.
var defaultSize = fyne.NewSize(1280, 800)

// minSize is the smallest size kept: a window shrunk to nothing by
// accident opens at the default again.
var minSize = fyne.NewSize(800, 560)

// placeWindow gives the window the size it had when it was last closed;
// the first time it is centred, later Show puts it back where it was.
func (u *UI) placeWindow() {
	p := fyne.CurrentApp().Preferences()
	size := fyne.NewSize(float32(p.FloatWithFallback(prefWidth, float64(defaultSize.Width))),
		float32(p.FloatWithFallback(prefHeight, float64(defaultSize.Height))))
	if size.Width < minSize.Width || size.Height < minSize.Height {
		size = defaultSize
	}
	u.win.Resize(size)
	u.kept.size = size
	if at, ok := savedPosition(p); ok {
		u.kept.pos = &at
	} else {
		u.win.CenterOnScreen()
	}
}

// Show shows the window where it was when last closed, when that is
// still on a screen (winpos: X11 and Windows); elsewhere the window
// manager places it. Then it follows the window's place and keeps it as
// it changes: Fyne ends (its Quit, SIGTERM from the desktop session) by
// shutting the window system down, and its OnStopped hook, run after
// that, may be dropped while it drains its queue, so the place must be
// kept beforehand.
func (u *UI) Show() {
	u.win.Show()
	u.native = winpos.Of(u.win)
	if u.native == nil {
		return
	}
	if u.kept.pos != nil {
		u.native.Set(*u.kept.pos)
	}
	u.bg.Add(1)
	go func() {
		defer u.bg.Done()
		t := time.NewTicker(followEvery)
		defer t.Stop()
		for {
			select {
			case <-u.ctx.Done():
				return
			case <-t.C:
			}
			if at, ok := u.native.Get(); ok {
				u.lastPos.Store(&at)
			}
			u.Do(u.savePlacement)
		}
	}()
}

// followEvery is how often the window's place is looked at: a move or
// resize in the last second before the session ends may be missed.
const followEvery = time.Second

// savedPosition is the position kept, if any: it may be negative, on a
// monitor left of or above Windows' main one.
func savedPosition(p fyne.Preferences) (image.Point, bool) {
	x, y := p.IntWithFallback(prefX, math.MinInt32), p.IntWithFallback(prefY, math.MinInt32)
	return image.Pt(x, y), x != math.MinInt32 && y != math.MinInt32
}

// keepPlacement keeps the window's size and where it is now, if it can
// still be asked; the close button and Quit call it before the window
// goes, Close once more.
func (u *UI) keepPlacement() {
	if u.native != nil {
		if at, ok := u.native.Get(); ok {
			u.lastPos.Store(&at)
		}
	}
	u.savePlacement()
}

// savePlacement writes the last position seen and the window's size into
// the preferences when they changed (each write is a file written by
// Fyne). It runs on the UI goroutine.
func (u *UI) savePlacement() {
	u.keptMu.Lock()
	defer u.keptMu.Unlock()
	p := fyne.CurrentApp().Preferences()
	if at := u.lastPos.Load(); at != nil && (u.kept.pos == nil || *u.kept.pos != *at) {
		p.SetInt(prefX, at.X)
		p.SetInt(prefY, at.Y)
		u.kept.pos = at
	}
	size := u.win.Canvas().Size()
	if size == u.kept.size || size.Width < minSize.Width || size.Height < minSize.Height {
		return
	}
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	u.kept.size = size
}

// Quit ends the app as its close button does: the window's place kept
// while the window is there, then main's Close stops the background work.
func (u *UI) Quit() {
	u.keepPlacement()
	fyne.CurrentApp().Quit()
}
