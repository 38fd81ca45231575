//go:build cgo

package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/app/postcode"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/ocr/tesseract"
	"github.com/idpro/idpro/store"
)

// TestEndToEnd drives the real wizard from importing a rendered passport
// page, read by Tesseract with idpro's MRZ data, to the INSZ in the
// history, and finds it there again after a restart.
func TestEndToEnd(t *testing.T) {
	tessdata := t.TempDir()
	reader := ocr.NewReader(func() (ocr.Recognizer, error) { return tesseract.NewMRZ(tessdata) }, ocr.ReaderOptions{})
	defer reader.Close()
	e := newEnv(t, reader)
	w := e.u.wizard

	seed := uint64(7)
	for specimen.Random(seed, specimen.Passport).Sex == "X" {
		seed++ // an X passport is investigated, not answered at once
	}
	path, doc := passportFile(t, e.dir, seed, specimen.A4Flatbed, 90)
	e.u.ImportFiles(path)
	e.u.Wait()
	want := doc.Fields()
	p := e.person()
	for name, got := range map[string][2]string{
		"surname":         {p.surname.Text, want.Surname},
		"given names":     {p.given.Text, want.GivenNames},
		"birth date":      {p.birthDate.Text, want.BirthDate},
		"sex":             {string(p.sexes[p.sex.Selected]), want.Sex},
		"nationality":     {p.nationality.Text, want.Nationality},
		"document number": {p.docNumber.Text, want.DocumentNumber},
	} {
		if got[0] != got[1] {
			t.Errorf("%s prefilled %q, want %q (MRZ info: %s)", name, got[0], got[1], w.docs.mrz.Text)
		}
	}
	if w.docs.labels[w.docs.kind.Selected] != app.Passport {
		t.Errorf("kind %q", w.docs.kind.Selected)
	}
	// The page was cut to the passport and turned the right way up: read
	// again, it needs no more turning.
	page := w.docs.pages.All()[0].Image
	if again, err := reader.Read(context.Background(), page); err != nil || !again.Valid || again.Turns != 0 {
		t.Errorf("page after import: valid %v, still %d quarter turns from upright (%v)", again.Valid, again.Turns, err)
	}
	e.next(t)
	typeInto(p.birthPlace, "Utopia City")
	e.next(t)
	e.next(t)
	typeInto(e.send().requester, "hr@example.be")
	test.Tap(e.send().send)
	e.u.Wait()
	insz := e.send().insz.Text
	if _, err := app.ParseINSZ(insz); err != nil {
		t.Fatalf("no valid INSZ after sending: %q (%s)", insz, e.send().result.Text)
	}

	// Restart: a new UI on the same files shows the request.
	e.u.Close()
	e.store.Close()
	st, err := store.Open(filepath.Join(e.dir, "idpro.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cat, _ := locale.New(assets.Translations, "translations", "en")
	codes, _ := postcode.Parse(assets.Postcodes)
	u := New(fyne.CurrentApp(), Deps{Desk: desk.New(st, e.live, nil, nil), History: st, Settings: st,
		Catalog: cat, Postcodes: codes})
	defer u.Close()
	u.tabs.SelectIndex(1)
	h := u.history
	if len(h.rows) != 1 || h.cell(widget.TableCellID{Row: 0, Col: 4}) != insz ||
		h.cell(widget.TableCellID{Row: 0, Col: 1}) != want.Surname+", "+want.GivenNames {
		t.Fatalf("history after restart: %d rows, %q", len(h.rows), h.cell(widget.TableCellID{Row: 0, Col: 4}))
	}
}
