package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
)

// widgets are the widgets of type T in o, in order.
func widgets[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	if w, ok := o.(T); ok {
		return []T{w}
	}
	var all []T
	if c, ok := o.(*fyne.Container); ok {
		for _, o := range c.Objects {
			all = append(all, widgets[T](o)...)
		}
	}
	return all
}

// buttons are the page buttons of the gallery (move, turn, remove, whole).
func buttons(o fyne.CanvasObject) []*widget.Button { return widgets[*widget.Button](o) }

// A page turns off the UI goroutine. Meanwhile the page buttons wait, and
// a page removed before the turn ends is not brought back or mixed up with
// another one.
func TestPageTurnFindsItsPage(t *testing.T) {
	e := newEnv(t, nil)
	first, _ := passportFile(t, e.dir, 5, specimen.Card)
	e.u.ImportFiles(first)
	e.u.Wait()
	second, _ := passportFile(t, t.TempDir(), 6, specimen.Card)
	e.u.ImportFiles(second)
	e.u.Wait()
	d := e.u.wizard.docs
	if d.pages.Len() != 2 {
		t.Fatalf("%d pages, want 2", d.pages.Len())
	}
	kept := d.pages.All()[0].Data

	d.rotate(1, 1)
	for _, b := range buttons(d.gallery) {
		if !b.Disabled() {
			t.Fatal("a page button stays active while a page turns")
		}
	}
	d.remove(1)
	e.u.Wait()

	if d.pages.Len() != 1 || len(d.views) != 1 {
		t.Fatalf("%d pages and %d views after the turned page was removed, want 1 and 1", d.pages.Len(), len(d.views))
	}
	if got := d.pages.All()[0].Data; &got[0] != &kept[0] {
		t.Fatal("the turn of a removed page replaced the other page")
	}
	all, active := buttons(d.gallery), 0
	for _, b := range all {
		if !b.Disabled() {
			active++
		}
	}
	if active != len(all)-1 {
		t.Fatalf("%d of %d page buttons active once the turn ended, want all but moving the first page left", active, len(all))
	}
}

// A page's side can be corrected, and the draft keeps it.
func TestPageLabelCanBeChanged(t *testing.T) {
	e := newEnv(t, nil)
	path, _ := passportFile(t, e.dir, 5, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	d := e.u.wizard.docs
	if d.pages.All()[0].Label != scan.LabelFront {
		t.Fatalf("first page labelled %q", d.pages.All()[0].Label)
	}
	sels := widgets[*widget.Select](d.gallery)
	if len(sels) != 1 || sels[0].Selected != "Front" {
		t.Fatalf("no side selector showing Front: %v", sels)
	}
	sel := sels[0]
	sel.SetSelected("Back")
	if d.pages.All()[0].Label != scan.LabelBack {
		t.Fatalf("label %q after choosing Back", d.pages.All()[0].Label)
	}
	e.u.wizard.saveNow()
	e.u.Wait()
	draft, err := e.store.Request(e.u.wizard.req.ID)
	if err != nil || len(draft.Pages) != 1 || draft.Pages[0].Label != "back" {
		t.Fatalf("draft pages %+v (%v)", draft.Pages, err)
	}
}

// A flatbed scan is cut down to the document, and the whole scan is kept:
// the user can switch to it and back, and a reopened draft still can.
func TestWholeScanIsKept(t *testing.T) {
	e := newEnv(t, nil)
	path, _ := passportFile(t, e.dir, 4, specimen.A4Flatbed)
	e.u.ImportFiles(path)
	e.u.Wait()
	d := e.u.wizard.docs
	width := func() int { return d.pages.All()[0].Image.Bounds().Dx() }
	cut := width()
	if d.views[0].other == nil || d.views[0].whole || cut > 2000 {
		t.Fatalf("A4 page not cut down with its whole scan kept: width %d, other %v", cut, d.views[0].other != nil)
	}
	d.switchVersion(0)
	e.u.Wait()
	if width() < 2400 || !d.views[0].whole {
		t.Fatalf("switched to the whole scan: width %d", width())
	}
	e.u.wizard.saveNow()
	id := e.u.wizard.req.ID
	e.u.newRequest()
	draft, err := e.store.Request(id)
	if err != nil || len(draft.Pages) != 1 || !draft.Pages[0].Whole || draft.Pages[0].Original == nil {
		t.Fatalf("draft pages %+v (%v)", draft.Pages, err)
	}
	e.u.wizard.edit(draft)
	e.u.Wait()
	d.switchVersion(0)
	e.u.Wait()
	if width() != cut || d.views[0].whole {
		t.Fatalf("switched back in the reopened draft: width %d, want %d", width(), cut)
	}
}

// Opening a draft decodes and checks its pages off the UI goroutine; until
// they are shown, a save keeps the stored pages instead of emptying the
// draft.
func TestOpeningADraftKeepsItsPagesWhileLoading(t *testing.T) {
	e := newEnv(t, nil)
	path, _ := passportFile(t, e.dir, 4, specimen.Card)
	e.u.ImportFiles(path)
	e.u.Wait()
	e.u.wizard.saveNow()
	id := e.u.wizard.req.ID
	e.u.newRequest()
	e.u.Wait()
	draft, err := e.store.Request(id)
	if err != nil || len(draft.Pages) != 1 {
		t.Fatalf("draft %+v (%v)", draft, err)
	}
	e.u.wizard.edit(draft)
	d := e.u.wizard.docs
	if d.pages.Len() != 0 {
		t.Fatal("the pages were decoded on the UI goroutine")
	}
	var r app.Request
	d.save(&r)
	if len(r.Pages) != 1 || !bytes.Equal(r.Pages[0].Data, draft.Pages[0].Data) {
		t.Fatalf("a save while the pages load wrote %d pages", len(r.Pages))
	}
	e.u.Wait()
	if d.pages.Len() != 1 || len(d.views) != 1 || d.locked {
		t.Fatalf("after loading: %d pages, %d views, locked %v", d.pages.Len(), len(d.views), d.locked)
	}
	d.save(&r)
	if len(r.Pages) != 1 || !bytes.Equal(r.Pages[0].Data, draft.Pages[0].Data) || r.Pages[0].Label != draft.Pages[0].Label {
		t.Fatalf("after loading, a save wrote %+v", r.Pages)
	}
}
