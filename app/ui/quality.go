package ui

import (
	"context"
	"image"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/scan"
)

// pageView is what the documents step shows of a page: its thumbnail and
// its quality report.
type pageView struct {
	thumb  image.Image
	report scan.Report
}

// view measures a page off the UI goroutine. The MRZ check is left to the
// MRZ read that follows, which reports on its own.
func (d *documentsStep) view(ctx context.Context, p scan.Page) pageView {
	return pageView{thumb: thumbnail(p.Image), report: scan.Checker{}.Check(ctx, p)}
}

// worst is the first check at the report's worst level; bad is false when
// every check passed.
func (v pageView) worst() (scan.Check, bool) {
	level := v.report.Level()
	if level == scan.OK {
		return scan.Check{}, false
	}
	for _, c := range v.report.Checks {
		if c.Level == level {
			return c, true
		}
	}
	return scan.Check{}, false
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
