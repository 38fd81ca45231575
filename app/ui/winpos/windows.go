//go:build windows

package winpos

import (
	"image"
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2/driver"
)

var (
	user32            = syscall.NewLazyDLL("user32.dll")
	procGetWindowRect = user32.NewProc("GetWindowRect")
	procSetWindowPos  = user32.NewProc("SetWindowPos")
	procMonitorOfRect = user32.NewProc("MonitorFromRect")
)

func handleOf(ctx any) handle {
	if c, ok := ctx.(driver.WindowsWindowContext); ok && c.HWND != 0 {
		return hwnd(c.HWND)
	}
	return nil
}

// hwnd is a Win32 window; GetWindowRect and SetWindowPos both speak of
// its outer frame.
type hwnd uintptr

type rect struct{ left, top, right, bottom int32 }

func (h hwnd) get() (image.Point, bool) {
	var r rect
	if ok, _, _ := procGetWindowRect.Call(uintptr(h), uintptr(unsafe.Pointer(&r))); ok == 0 {
		return image.Point{}, false
	}
	return image.Pt(int(r.left), int(r.top)), true
}

const (
	swpNoSize           = 0x0001
	swpNoZOrder         = 0x0004
	swpNoActivate       = 0x0010
	monitorDefaultToNil = 0
)

func (h hwnd) set(p image.Point) bool {
	// The title bar's corner must lie on a monitor that is still there
	// (Windows, unlike X, has monitors left of and above 0,0).
	corner := rect{int32(p.X), int32(p.Y), int32(p.X + minVisible), int32(p.Y + minVisible)}
	if m, _, _ := procMonitorOfRect.Call(uintptr(unsafe.Pointer(&corner)), monitorDefaultToNil); m == 0 {
		return false
	}
	ok, _, _ := procSetWindowPos.Call(uintptr(h), 0, uintptr(int32(p.X)), uintptr(int32(p.Y)), 0, 0,
		swpNoSize|swpNoZOrder|swpNoActivate)
	return ok != 0
}
