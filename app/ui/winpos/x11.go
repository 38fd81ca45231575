//go:build linux || freebsd || openbsd || netbsd

package winpos

import (
	"image"
	"io"
	"log"

	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// xgb logs connection troubles (no ~/.Xauthority, for one) to stderr
// through its package logger; here a failure only means the window is not
// moved, which the caller hears.
func init() { xgb.Logger = log.New(io.Discard, "", 0) }

func handleOf(ctx any) handle {
	if c, ok := ctx.(driver.X11WindowContext); ok && c.WindowHandle != 0 {
		return x11Window(c.WindowHandle)
	}
	return nil
}

// x11Window talks to the X server over a connection of its own (DISPLAY),
// the protocol being the same whichever client made the window.
type x11Window uint32

func (w x11Window) get() (image.Point, bool) {
	c, err := xgb.NewConn()
	if err != nil {
		return image.Point{}, false
	}
	defer c.Close()
	g, err := xproto.GetGeometry(c, xproto.Drawable(frame(c, xproto.Window(w)))).Reply()
	if err != nil {
		return image.Point{}, false
	}
	return image.Pt(int(g.X), int(g.Y)), true
}

// frame is the window manager's frame around win, the root's child that
// holds it; win itself where no window manager reparents it.
func frame(c *xgb.Conn, win xproto.Window) xproto.Window {
	for {
		t, err := xproto.QueryTree(c, win).Reply()
		if err != nil || t.Parent == 0 || t.Parent == t.Root {
			return win
		}
		win = t.Parent
	}
}

func (w x11Window) set(p image.Point) bool {
	c, err := xgb.NewConn()
	if err != nil {
		return false
	}
	defer c.Close()
	if !onScreen(xproto.Setup(c).DefaultScreen(c), p) {
		return false
	}
	// A window manager takes the position asked of a client window as
	// its frame's (ICCCM 4.1.2.3, north-west gravity), where get reads it.
	return xproto.ConfigureWindowChecked(c, xproto.Window(w), xproto.ConfigWindowX|xproto.ConfigWindowY,
		[]uint32{uint32(p.X), uint32(p.Y)}).Check() == nil
}

// onScreen keeps a corner of the title bar reachable: X's root window
// spans every monitor from 0,0.
func onScreen(s *xproto.ScreenInfo, p image.Point) bool {
	return p.X >= 0 && p.Y >= 0 && p.X < int(s.WidthInPixels)-minVisible && p.Y < int(s.HeightInPixels)-minVisible
}
