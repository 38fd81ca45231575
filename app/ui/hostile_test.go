package ui

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/hostile"
)

// Hostile files dropped on the window, one after the other, onto a draft
// with one good page: each is refused in the words the importer gives it,
// shown in a dialog, and the draft keeps its one page, on screen and in
// the store.
func TestHostileFilesLeaveTheDraft(t *testing.T) {
	e := newEnv(t, nil)
	good := filepath.Join(e.dir, "card.jpg")
	if err := os.WriteFile(good, hostile.Card(), 0o600); err != nil {
		t.Fatal(err)
	}
	e.u.ImportFiles(good)
	e.u.Wait()
	w := e.u.wizard
	if w.docs.pages.Len() != 1 || w.req.ID == "" {
		t.Fatalf("the good page: %d pages, draft %q", w.docs.pages.Len(), w.req.ID)
	}
	page := w.docs.pages.All()[0].Data
	id := w.req.ID

	pick := map[string]bool{
		"jpeg-cut-in-half.jpg": true, "png-100000x100000.png": true, "png-bomb-20000x20000.png": true,
		"tiff-ifd-past-the-end.tif": true, "webp-16384x16384.webp": true, "pdf-encrypted.pdf": true,
		"pdf-50-pages.pdf": true, "pdf-image-100000x100000.pdf": true, "notes.jpg": true, "empty.jpg": true,
		"--help.pdf": true,
	}
	files, err := hostile.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	tried := 0
	for _, f := range files {
		if !pick[f.Name] {
			continue
		}
		tried++
		path := filepath.Join(e.dir, f.Name)
		if err := os.WriteFile(path, f.Data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, want := scan.Import(f.Name, bytes.NewReader(f.Data), -1)
		if app.ErrorCode(want) != f.Code {
			t.Fatalf("%s: the importer says %v, want %s", f.Name, want, f.Code)
		}
		before := len(e.u.win.Canvas().Overlays().List())
		e.u.ImportFiles(path)
		e.u.Wait()
		overlays := e.u.win.Canvas().Overlays()
		shown := ""
		if top := overlays.Top(); top != nil && len(overlays.List()) > before {
			shown = markup(top)
		}
		if msg := html.EscapeString(e.u.Catalog.Error(want)); !strings.Contains(shown, msg) {
			t.Errorf("%s: the dialog does not say %q:\n%s", f.Name, msg, shown)
		}
		if n := w.docs.pages.Len(); n != 1 || !bytes.Equal(w.docs.pages.All()[0].Data, page) {
			t.Fatalf("after %s: %d pages on screen", f.Name, n)
		}
	}
	if tried != len(pick) {
		t.Fatalf("%d of the %d files picked are in the corpus", tried, len(pick))
	}
	stored, err := e.store.Request(id)
	if err != nil || stored.Status != app.Draft || len(stored.Pages) != 1 || !bytes.Equal(stored.Pages[0].Data, page) {
		t.Fatalf("the stored draft: %v, %+v", err, stored)
	}
	if w.req.ID != id {
		t.Errorf("the window moved to draft %q from %q", w.req.ID, id)
	}
}
