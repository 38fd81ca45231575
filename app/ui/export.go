package ui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

// exportDialog saves the selected request's pages as one PDF, the form in
// which they are archived.
func (h *historyView) exportDialog() {
	r := h.current()
	if r == nil {
		return
	}
	id, name := r.ID, r.Person.Surname
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			h.u.showError(app.Errorf("ui.open_failed", err))
			return
		}
		if wc == nil {
			return
		}
		h.info.SetText(h.u.T("ui.history.exporting"))
		h.u.goBackground(func(context.Context) {
			err := h.u.exportPDF(id, wc)
			if cerr := wc.Close(); err == nil && cerr != nil {
				err = app.Errorf("scan.write_failed", cerr)
			}
			h.u.Do(func() {
				if err != nil {
					h.u.showError(err)
					return
				}
				h.info.SetText(h.u.T("ui.history.exported", "file", wc.URI().Name()))
			})
		})
	}, h.u.win)
	fd.SetFileName(fmt.Sprintf("idpro-%s-%s.pdf", id, name))
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	fd.Show()
}

// exportPDF writes request id as its archived PDF: the one submitted, or
// for a request not sent yet, its pages packed the same way.
func (u *UI) exportPDF(id string, w io.Writer) error {
	r, err := u.History.Request(id)
	if err != nil {
		return err
	}
	pdf := r.Scan
	if pdf == nil {
		packed, err := scan.PackPDF(r.Pages)
		if err != nil {
			return err
		}
		pdf = &packed
	}
	if _, err := w.Write(pdf.Data); err != nil {
		return app.Errorf("scan.write_failed", err)
	}
	return nil
}
