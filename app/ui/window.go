package ui

import "fyne.io/fyne/v2"

// The window's size is kept in the app's preferences (Fyne keeps them in
// the user's configuration directory, apart from the store: a window size
// is nothing personal, and it is known before the store is unlocked).
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// defaultSize fits the history's columns and the wizard's forms without
// scrolling; a smaller screen gets the window its window manager allows.
var defaultSize = fyne.NewSize(1280, 800)

// minSize is the smallest size kept: a window shrunk to nothing by
// accident opens at the default again.
var minSize = fyne.NewSize(800, 560)

// placeWindow gives the window the size it had when it was last closed,
// centred. Fyne 2.7 can neither read nor set a window's position, nor
// tell the screen's size, so the position is not remembered; the window
// manager keeps a window larger than the screen within it.
func (u *UI) placeWindow() {
	p := fyne.CurrentApp().Preferences()
	size := fyne.NewSize(float32(p.FloatWithFallback(prefWidth, float64(defaultSize.Width))),
		float32(p.FloatWithFallback(prefHeight, float64(defaultSize.Height))))
	if size.Width < minSize.Width || size.Height < minSize.Height {
		size = defaultSize
	}
	u.win.Resize(size)
	u.win.CenterOnScreen()
}

// keepPlacement remembers the window's size; Close calls it.
func (u *UI) keepPlacement() {
	size := u.win.Canvas().Size()
	if size.Width < minSize.Width || size.Height < minSize.Height {
		return
	}
	p := fyne.CurrentApp().Preferences()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
}
