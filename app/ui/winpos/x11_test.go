//go:build linux

package winpos

import (
	"image"
	"testing"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/idpro/idpro/app/ui/xvfbtest"
)

// xvfb points DISPLAY at a private X server.
func xvfb(t *testing.T) {
	t.Setenv("DISPLAY", xvfbtest.Start(t))
}

// window makes a mapped window at x,y inside parent (the root when 0).
func window(t *testing.T, c *xgb.Conn, parent xproto.Window, x, y int16) xproto.Window {
	t.Helper()
	if parent == 0 {
		parent = xproto.Setup(c).DefaultScreen(c).Root
	}
	id, err := xproto.NewWindowId(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := xproto.CreateWindowChecked(c, 0, id, parent, x, y, 400, 300, 0,
		xproto.WindowClassInputOutput, 0, 0, nil).Check(); err != nil {
		t.Fatal(err)
	}
	if err := xproto.MapWindowChecked(c, id).Check(); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestX11WindowIsPutBackWhereItWasRead(t *testing.T) {
	xvfb(t)
	c, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	w := &x11Window{id: window(t, c, 0, 10, 20)}
	if p, ok := w.get(); !ok || p != image.Pt(10, 20) {
		t.Fatalf("new window at %v (%v), want 10,20", p, ok)
	}
	if !w.set(image.Pt(300, 150)) {
		t.Fatal("set 300,150 failed")
	}
	if p, ok := w.get(); !ok || p != image.Pt(300, 150) {
		t.Errorf("moved window at %v (%v), want 300,150", p, ok)
	}
	// Off the 1280x800 screen (a monitor since unplugged): left where it is.
	for _, off := range []image.Point{{1270, 10}, {10, 790}, {-400, 10}, {5000, 5000}} {
		if w.set(off) {
			t.Errorf("set %v on a 1280x800 screen succeeded", off)
		}
	}
	if p, _ := w.get(); p != image.Pt(300, 150) {
		t.Errorf("refused moves moved the window to %v", p)
	}
	// Once the window is gone (Fyne has shut down), the answer is no.
	if err := xproto.DestroyWindowChecked(c, w.id).Check(); err != nil {
		t.Fatal(err)
	}
	if p, ok := w.get(); ok {
		t.Errorf("a destroyed window is at %v", p)
	}
}

// A window manager reparents the app's window into its frame; the
// position kept is the frame's, so the window does not creep down by its
// title bar at every start.
func TestX11PositionIsTheFrames(t *testing.T) {
	xvfb(t)
	c, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	frame := window(t, c, 0, 200, 100)
	client := &x11Window{id: window(t, c, frame, 0, 24)}
	if p, ok := client.get(); !ok || p != image.Pt(200, 100) {
		t.Errorf("framed window at %v (%v), want the frame's 200,100", p, ok)
	}
}
