package ui

import (
	"context"
	"errors"
	"image"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/disintegration/imaging"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/scan"
)

// importExtensions are offered in the file dialog; dropping accepts any
// file and lets scan say what it cannot read.
var importExtensions = []string{".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".pdf"}

// documentsStep is step 1: the document kind and its pages.
type documentsStep struct {
	w      *wizard
	kind   *widget.RadioGroup
	labels map[string]app.DocumentKind

	pages scan.Pages
	views []pageView // parallel to pages

	gallery *fyne.Container
	busy    *widget.ProgressBarInfinite
	doing   *widget.Label
	mrz     *widget.Label
	add     *widget.Button
	scan    *widget.Button
	root    fyne.CanvasObject

	scanning *scanner // the open Scan dialog, if any
	// locked while pages are being added, read or turned: the page
	// buttons then wait, as a finished job finds its page by index.
	locked bool
	// stored is the loaded request's pages until they are decoded;
	// loads counts loads, so that only the latest one lands.
	stored []app.Page
	loads  int
}

func newDocumentsStep(w *wizard) *documentsStep {
	u := w.u
	d := &documentsStep{w: w, labels: map[string]app.DocumentKind{}}
	var options []string
	for _, k := range app.DocumentKinds {
		l := u.T("ui.kind." + string(k))
		d.labels[l] = k
		options = append(options, l)
	}
	d.kind = widget.NewRadioGroup(options, func(string) { w.changed() })
	d.kind.Horizontal = true
	d.kind.Required = true
	d.gallery = container.NewGridWrap(fyne.NewSize(220, 300))
	d.busy = widget.NewProgressBarInfinite()
	d.busy.Stop()
	d.busy.Hide()
	d.doing = widget.NewLabel("")
	d.mrz = widget.NewLabel("")
	d.mrz.Wrapping = fyne.TextWrapWord
	d.add = widget.NewButtonWithIcon(u.T("ui.docs.add"), theme.FileImageIcon(), d.openDialog)
	d.scan = widget.NewButtonWithIcon(u.T("ui.docs.scan"), theme.DocumentPrintIcon(), d.openScanner)
	if u.Scanners == nil {
		d.scan.Hide()
	}
	hint := widget.NewLabel(u.T("ui.docs.hint", "max", app.MaxPages))
	hint.Wrapping = fyne.TextWrapWord
	d.root = container.NewVBox(
		widget.NewLabelWithStyle(u.T("ui.docs.kind"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.kind,
		widget.NewSeparator(),
		container.NewHBox(d.scan, d.add),
		hint,
		d.doing, d.busy, d.mrz,
		d.gallery,
	)
	return d
}

func (d *documentsStep) title() string              { return d.w.u.T("ui.step.documents") }
func (d *documentsStep) content() fyne.CanvasObject { return d.root }

// load shows a saved request's pages. Decoding and checking them takes a
// moment per page, so it happens off the UI goroutine; until it is done
// the request keeps its stored pages (a save in between writes them
// back unchanged), and a newer load makes an older one's result stale.
func (d *documentsStep) load(r *app.Request) {
	for l, k := range d.labels {
		if k == r.Document.Kind {
			d.kind.SetSelected(l)
		}
	}
	d.pages = scan.Pages{Max: app.MaxPages}
	d.views = nil
	d.mrz.SetText("")
	d.loads++
	d.stored = nil
	if len(r.Pages) == 0 {
		d.refreshGallery()
		return
	}
	d.stored = slices.Clone(r.Pages)
	gen, stored := d.loads, d.stored
	d.working(d.w.u.T("ui.docs.importing"))
	d.w.u.goBackground(func(context.Context) {
		var pages []scan.Page
		var labels []scan.Label
		var views []pageView
		for _, p := range stored {
			page, err := scan.FromStored(p)
			if err != nil {
				d.w.u.Log.Warn("stored page unreadable", "label", p.Label, "err", err)
				continue
			}
			v := d.storedView(page)
			v.other, v.whole = p.Original, p.Whole
			pages, views = append(pages, page), append(views, v)
			labels = append(labels, scan.Label(p.Label))
		}
		d.w.u.Do(func() {
			if gen != d.loads {
				return
			}
			d.stored = nil
			for i, page := range pages {
				if d.pages.Add(page) == nil {
					d.pages.Label(d.pages.Len()-1, labels[i])
					d.views = append(d.views, views[i])
				}
			}
			d.idle()
		})
	})
}

func (d *documentsStep) save(r *app.Request) {
	r.Document.Kind = d.labels[d.kind.Selected]
	if d.stored != nil { // still loading: the stored pages stand
		r.Pages = append(r.Pages[:0], d.stored...)
		return
	}
	r.Pages = r.Pages[:0]
	for i, p := range d.pages.All() {
		r.Pages = append(r.Pages, app.Page{Label: string(p.Label), ContentType: p.ContentType, Data: p.Data, DPI: p.DPI,
			Original: d.views[i].other, Whole: d.views[i].whole})
	}
}

// validate wants a kind and one to four pages, none of which fails a
// quality check so badly that the service would send it back.
func (d *documentsStep) validate(r *app.Request) error {
	if err := r.ValidateDocuments(); err != nil {
		return err
	}
	for i, v := range d.views {
		if c, bad := v.worst(); bad && c.Level == scan.Block {
			return app.Errorf("ui.docs.page_blocked", nil, "page", i+1, "reason", d.w.u.check(c))
		}
	}
	return nil
}

func (d *documentsStep) openDialog() {
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			d.w.u.showError(app.Errorf("ui.open_failed", err))
			return
		}
		if rc == nil {
			return
		}
		name := rc.URI().Name()
		d.importAll([]func() ([]scan.Page, error){func() ([]scan.Page, error) {
			defer rc.Close()
			return scan.Import(name, rc, -1)
		}})
	}, d.w.u.win)
	fd.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	fd.Show()
}

// importURIs takes files dropped on the window.
func (w *wizard) importURIs(uris []fyne.URI) {
	w.u.tabs.SelectIndex(0)
	if w.at != 0 {
		w.show(0)
	}
	var opens []func() ([]scan.Page, error)
	for _, uri := range uris {
		opens = append(opens, func() ([]scan.Page, error) {
			rc, err := storage.Reader(uri)
			if err != nil {
				return nil, app.Errorf("ui.open_failed", err, "file", uri.Name())
			}
			defer rc.Close()
			return scan.Import(uri.Name(), io.Reader(rc), -1)
		})
	}
	w.docs.importAll(opens)
}

// ImportFiles imports files by path, as dropping them would (the
// command line and tests).
func (u *UI) ImportFiles(paths ...string) {
	uris := make([]fyne.URI, len(paths))
	for i, p := range paths {
		uris[i] = storage.NewFileURI(p)
	}
	u.wizard.importURIs(uris)
}

// importAll decodes files off the UI goroutine, adds their pages, and
// reads the MRZ of the new pages.
func (d *documentsStep) importAll(opens []func() ([]scan.Page, error)) {
	d.working(d.w.u.T("ui.docs.importing"))
	d.w.u.goBackground(func(ctx context.Context) {
		var pages []scan.Page
		var views []pageView
		var errs []error
		for _, open := range opens {
			got, err := open()
			if err != nil {
				errs = append(errs, err)
				continue
			}
			for _, p := range got {
				// A flatbed scan or photo is cut down to the document;
				// the whole scan is kept for the user to switch back to.
				var whole *app.Page
				if clean, _, err := scan.Clean(p); err == nil && !sameData(clean.Data, p.Data) {
					whole = &app.Page{ContentType: p.ContentType, Data: p.Data, DPI: p.DPI}
					p = clean
				}
				if d.w.u.Reader != nil {
					d.w.u.Do(func() { d.doing.SetText(d.w.u.T("ui.docs.reading")) })
				}
				v := d.view(ctx, p)
				v.other = whole
				pages = append(pages, p)
				views = append(views, v)
			}
		}
		d.w.u.Do(func() {
			d.idle()
			d.addPages(pages, views, errs)
		})
	})
}

// addPages puts imported or scanned pages in the request, tells what went
// wrong, saves the draft and prefills from the MRZ the pages' checks read.
func (d *documentsStep) addPages(pages []scan.Page, views []pageView, errs []error) {
	if err := d.pages.Add(pages...); err != nil {
		errs = append(errs, app.Errorf("request.too_many_pages", err, "max", app.MaxPages))
		pages = nil
	}
	d.views = append(d.views, views[:len(pages)]...)
	d.refreshGallery()
	d.w.changed()
	if len(errs) > 0 {
		d.w.u.showError(errors.Join(errs...))
	}
	if len(pages) > 0 {
		d.w.saveNow()
		d.prefillFromMRZ(pages, views)
	}
}

// prefillFromMRZ prefills steps 2 and 3 from the best MRZ the new pages'
// checks read (a valid one first), and turns its page upright.
func (d *documentsStep) prefillFromMRZ(pages []scan.Page, views []pageView) {
	if d.w.u.Reader == nil {
		d.mrz.SetText(d.w.u.T("ui.mrz.no_engine"))
		return
	}
	var best ocr.Result
	var bestPage []byte
	var firstErr error
	for i, v := range views {
		if v.mrzErr != nil && firstErr == nil {
			firstErr = v.mrzErr
		}
		if v.mrz.Found && (!best.Found || v.mrz.Valid && !best.Valid) {
			best, bestPage = v.mrz, pages[i].Data
		}
	}
	switch {
	case best.Found:
		d.turnUpright(bestPage, best.Turns)
		prefill(d.w.req, best)
		d.w.steps[1].load(d.w.req)
		d.mrz.SetText(d.describe(best))
		d.w.changed()
	case firstErr != nil:
		d.mrz.SetText(d.w.u.Catalog.Error(firstErr))
	default:
		d.mrz.SetText(d.w.u.T("ui.mrz.not_found"))
	}
}

// turnUpright turns the page whose encoded data is data the way its MRZ
// says is up, if the user has not removed it meanwhile.
func (d *documentsStep) turnUpright(data []byte, turns int) {
	if turns == 0 || len(data) == 0 {
		return
	}
	if i := d.indexOf(data); i >= 0 {
		d.rotate(i, turns)
	}
}

// indexOf is the index of the page whose encoded data is data (the same
// bytes, not equal ones), or -1 when the user has removed it.
func (d *documentsStep) indexOf(data []byte) int {
	for i, p := range d.pages.All() {
		if sameData(p.Data, data) {
			return i
		}
	}
	return -1
}

// sameData tells whether a and b are the same bytes in memory.
func sameData(a, b []byte) bool {
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

// replace puts p in the place of page i, on the same side.
func (d *documentsStep) replace(i int, p scan.Page) bool {
	label := d.pages.All()[i].Label
	if d.pages.Remove(i) != nil || d.pages.Add(p) != nil {
		return false
	}
	d.pages.Move(d.pages.Len()-1, i)
	d.pages.Label(i, label)
	return true
}

// describe says what was read and, in plain words, how far to trust it:
// which fields to compare with the document, and why. "Correct" is
// said only of a zone whose every field a check digit or its structure
// proves.
func (d *documentsStep) describe(r ocr.Result) string {
	u := d.w.u
	s := u.T("ui.mrz.found", "format", string(r.Format), "name", r.Fields.Surname+", "+r.Fields.GivenNames)
	var names []string
	for _, f := range r.Review {
		names = append(names, u.T("ui.field."+string(f)))
	}
	fields := strings.Join(names, ", ")
	switch {
	case r.Valid && len(names) == 0:
		return s + " " + u.T("ui.mrz.valid")
	case r.Valid && len(r.Corrections) > 0:
		return s + " " + u.T("ui.mrz.corrected", "fields", fields)
	case r.Valid:
		return s + " " + u.T("ui.mrz.compare", "fields", fields)
	case len(r.Checks) == 0:
		s += " " + u.T("ui.mrz.unchecked")
	case r.ChecksPassed() == len(r.Checks):
		s += " " + u.T("ui.mrz.malformed")
	default:
		s += " " + u.T("ui.mrz.invalid")
	}
	if len(names) > 0 {
		s += "\n" + u.T("ui.mrz.review", "fields", fields)
	}
	return s
}

func (d *documentsStep) working(what string) {
	d.doing.SetText(what)
	d.busy.Show()
	d.busy.Start()
	d.add.Disable()
	d.scan.Disable()
	d.locked = true
	d.refreshGallery()
}

func (d *documentsStep) idle() {
	d.doing.SetText("")
	d.busy.Stop()
	d.busy.Hide()
	d.add.Enable()
	d.scan.Enable()
	d.locked = false
	d.refreshGallery()
}

func (d *documentsStep) refreshGallery() {
	d.gallery.Objects = nil
	for i, p := range d.pages.All() {
		img := canvas.NewImageFromImage(d.views[i].thumb)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(200, 160))
		rotate := widget.NewButtonWithIcon("", theme.MediaReplayIcon(), func() { d.rotate(i, 1) })
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.remove(i) })
		left := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { d.move(i, i-1) })
		label := d.labelSelect(i, p.Label)
		row := container.NewHBox(left, rotate, remove)
		if d.views[i].other != nil {
			icon := theme.ViewFullScreenIcon() // show the whole scan
			if d.views[i].whole {
				icon = theme.ContentCutIcon() // cut the document out again
			}
			row.Add(widget.NewButtonWithIcon("", icon, func() { d.switchVersion(i) }))
		}
		if i == 0 {
			left.Disable()
		}
		if d.locked {
			for _, o := range row.Objects {
				o.(*widget.Button).Disable()
			}
			label.Disable()
		}
		buttons := container.NewCenter(row)
		d.gallery.Add(container.NewBorder(label, container.NewVBox(buttons, d.quality(d.views[i])), nil, nil, img))
	}
	d.gallery.Refresh()
}

// labelSelect says which side a page is and lets the user correct it
// (pages are labelled by position: a back imported first says "Front").
func (d *documentsStep) labelSelect(i int, current scan.Label) *widget.Select {
	u := d.w.u
	labels := []scan.Label{scan.LabelFront, scan.LabelBack, scan.LabelPage}
	var options []string
	for _, l := range labels {
		options = append(options, pageLabel(u, l, i))
	}
	sel := widget.NewSelect(options, nil)
	sel.SetSelected(pageLabel(u, current, i))
	sel.OnChanged = func(string) {
		if d.pages.Label(i, labels[sel.SelectedIndex()]) == nil {
			d.w.changed()
		}
	}
	return sel
}

func pageLabel(u *UI, l scan.Label, i int) string {
	if l == scan.LabelPage {
		return u.T("ui.page.n", "n", i+1)
	}
	return u.T("ui.page." + string(l))
}

func (d *documentsStep) remove(i int) {
	if d.pages.Remove(i) == nil {
		d.views = append(d.views[:i], d.views[i+1:]...)
	}
	d.refreshGallery()
	d.w.changed()
}

func (d *documentsStep) move(from, to int) {
	if d.pages.Move(from, to) == nil {
		v := d.views[from]
		d.views = append(d.views[:from], d.views[from+1:]...)
		d.views = append(d.views[:to], append([]pageView{v}, d.views[to:]...)...)
	}
	d.refreshGallery()
	d.w.changed()
}

// rotate turns a page by quarter turns clockwise; re-encoding a large page
// takes a moment, so it happens off the UI goroutine on a copy.
func (d *documentsStep) rotate(i, turns int) {
	one := scan.Pages{Max: 1}
	page := d.pages.All()[i]
	if err := one.Add(page.Page); err != nil {
		d.w.u.showError(err)
		return
	}
	d.working(d.w.u.T("ui.docs.rotating"))
	d.w.u.goBackground(func(context.Context) {
		err := one.Rotate(0, turns)
		d.w.u.Do(func() {
			d.idle()
			if err != nil {
				d.w.u.showError(err)
				return
			}
			if i = d.indexOf(page.Data); i < 0 || !d.replace(i, one.All()[0].Page) {
				return
			}
			for range turns {
				d.views[i].thumb = imaging.Rotate270(d.views[i].thumb)
			}
			d.refreshGallery()
			d.w.changed()
		})
	})
}

// switchVersion puts the page's other version in its place (the whole
// scan for the cut-out document, or back); decoding and checking it take a
// moment, so that happens off the UI goroutine.
func (d *documentsStep) switchVersion(i int) {
	page, v := d.pages.All()[i], d.views[i]
	if v.other == nil {
		return
	}
	other := *v.other
	d.working(d.w.u.T("ui.docs.importing"))
	d.w.u.goBackground(func(ctx context.Context) {
		got, err := scan.FromStored(other)
		var nv pageView
		if err == nil {
			nv = d.view(ctx, got)
			nv.other = &app.Page{ContentType: page.ContentType, Data: page.Data, DPI: page.DPI}
			nv.whole = !v.whole
		}
		d.w.u.Do(func() {
			d.idle()
			if err != nil {
				d.w.u.showError(err)
				return
			}
			if i = d.indexOf(page.Data); i < 0 || !d.replace(i, got) {
				return
			}
			d.views[i] = nv
			d.refreshGallery()
			d.w.changed()
		})
	})
}

func thumbnail(img image.Image) image.Image {
	return imaging.Fit(img, 400, 320, imaging.Box)
}
