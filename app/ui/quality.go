package ui

import (
	"context"
	"image"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/scan"
)

// pageView is what the documents step shows of a page: its thumbnail, its
// quality report, and the MRZ its check read (which prefills the request).
type pageView struct {
	thumb  image.Image
	report scan.Report
	mrz    ocr.Result
	mrzErr error
	// other is the page's other version (app.Page.Original) and whole
	// says the page shown is the whole scan, not the document cut out.
	other *app.Page
	whole bool
	// step and id place the page in its request: its verdict depends on
	// the other pages (scan.Judge), read on the UI goroutine.
	step *documentsStep
	id   uint64
}

// viewIDs numbers the page views, to find one among the step's.
var viewIDs atomic.Uint64

// view measures a page off the UI goroutine, the MRZ check included, as
// `idpro check` does: a passport page whose MRZ cannot be read blocks.
// The MRZ is read once, for the check and for the prefill.
func (d *documentsStep) view(ctx context.Context, p scan.Page) pageView {
	v := pageView{thumb: thumbnail(p.Image), step: d, id: viewIDs.Add(1)}
	checker := scan.Checker{}
	if d.w.u.Reader != nil {
		checker.MRZ = mrzInto(func(ctx context.Context, img image.Image) (ocr.Result, error) {
			v.mrz, v.mrzErr = d.w.u.Reader.Read(ctx, img)
			return v.mrz, v.mrzErr
		})
	}
	v.report = checker.Check(ctx, p)
	return v
}

// storedView is the view of a page of a saved draft: without the MRZ
// read, which the draft's data already holds and which would make
// opening a draft wait.
func (d *documentsStep) storedView(p scan.Page) pageView {
	return pageView{thumb: thumbnail(p.Image), report: scan.Checker{}.Check(context.Background(), p), step: d, id: viewIDs.Add(1)}
}

// mrzInto makes a function a scan.MRZReader.
type mrzInto func(ctx context.Context, img image.Image) (ocr.Result, error)

func (f mrzInto) Read(ctx context.Context, img image.Image) (ocr.Result, error) { return f(ctx, img) }

// judged is the page's report judged beside the step's other pages: a
// passport's signature page needs no MRZ once its data page has one. It
// reads the step's pages, so it runs on the UI goroutine.
func (v pageView) judged() scan.Report {
	if v.step == nil {
		return v.report
	}
	reports := make([]scan.Report, len(v.step.views))
	self := -1
	for i, o := range v.step.views {
		reports[i] = o.report
		if o.id == v.id {
			self = i
		}
	}
	if self < 0 {
		return v.report
	}
	return scan.Judge(reports)[self]
}

// worst is the check to show for the page, judged in its request; bad is
// false when every check passed.
func (v pageView) worst() (scan.Check, bool) {
	return v.judged().Worst()
}

// quality is the line under a thumbnail: what is wrong and how to fix it.
func (d *documentsStep) quality(v pageView) fyne.CanvasObject {
	u := d.w.u
	l := widget.NewLabel(u.T("ui.docs.quality_ok"))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.SuccessImportance
	if c, bad := v.worst(); bad {
		l.SetText(u.check(c))
		l.Importance = widget.WarningImportance
		if c.Level == scan.Block {
			l.Importance = widget.DangerImportance
		}
	}
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// check says a quality check's message in the user's language.
func (u *UI) check(c scan.Check) string {
	kv := make([]any, 0, 2*len(c.Data))
	for k, v := range c.Data {
		kv = append(kv, k, v)
	}
	return strings.TrimSpace(u.T(c.Message, kv...))
}
