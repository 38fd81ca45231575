//go:build linux || freebsd || openbsd || netbsd

package winpos

import (
	"image"
	"io"
	"log"
	"sync"

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
		return &x11Window{id: xproto.Window(c.WindowHandle)}
	}
	return nil
}

// x11Window talks to the X server over a connection of its own (DISPLAY),
// the protocol being the same whichever client made the window. The
// connection is made at the first call and kept: the UI reads the
// position every second.
type x11Window struct {
	id xproto.Window

	mu sync.Mutex
	c  *xgb.Conn
}

// conn is the kept connection, made again after an error.
func (w *x11Window) conn() (*xgb.Conn, error) {
	if w.c == nil {
		c, err := xgb.NewConn()
		if err != nil {
			return nil, err
		}
		w.c = c
	}
	return w.c, nil
}

// failed drops the connection after an error on it.
func (w *x11Window) failed() {
	w.c.Close()
	w.c = nil
}

func (w *x11Window) get() (image.Point, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	c, err := w.conn()
	if err != nil {
		return image.Point{}, false
	}
	g, err := xproto.GetGeometry(c, xproto.Drawable(frame(c, w.id))).Reply()
	if err != nil {
		// A protocol error (the window gone) leaves the connection fine.
		if _, ok := err.(xgb.Error); !ok {
			w.failed()
		}
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

func (w *x11Window) set(p image.Point) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	c, err := w.conn()
	if err != nil {
		return false
	}
	if !onScreen(xproto.Setup(c).DefaultScreen(c), p) {
		return false
	}
	// A window manager takes the position asked of a client window as
	// its frame's (ICCCM 4.1.2.3, north-west gravity), where get reads it.
	err = xproto.ConfigureWindowChecked(c, w.id, xproto.ConfigWindowX|xproto.ConfigWindowY,
		[]uint32{uint32(p.X), uint32(p.Y)}).Check()
	if _, ok := err.(xgb.Error); err != nil && !ok {
		w.failed()
	}
	return err == nil
}

// onScreen keeps a corner of the title bar reachable: X's root window
// spans every monitor from 0,0.
func onScreen(s *xproto.ScreenInfo, p image.Point) bool {
	return p.X >= 0 && p.Y >= 0 && p.X < int(s.WidthInPixels)-minVisible && p.Y < int(s.HeightInPixels)-minVisible
}
