package ui

import (
	"image"
	"testing"

	"fyne.io/fyne/v2/test"
)

// No position is kept until the app has seen its window; one kept may
// be negative (a monitor left of Windows' main one).
func TestSavedPosition(t *testing.T) {
	p := test.NewTempApp(t).Preferences()
	if at, ok := savedPosition(p); ok {
		t.Fatalf("first start has a position: %v", at)
	}
	for _, at := range []image.Point{{0, 0}, {90, 40}, {-1680, -200}} {
		p.SetInt(prefX, at.X)
		p.SetInt(prefY, at.Y)
		if got, ok := savedPosition(p); !ok || got != at {
			t.Errorf("kept %v, read %v (%v)", at, got, ok)
		}
	}
}
