package ui

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

// scanner is the Scan dialog: pick a scanner (the remembered one first),
// scan the document with the profile its kind needs, follow progress,
// cancel at any moment, and be asked to turn a card over.
type scanner struct {
	d       *documentsStep
	devices []scan.Device
	pick    *widget.Select
	address *widget.Entry
	status  *widget.Label
	bar     *widget.ProgressBar
	start   *widget.Button
	dlg     *dialog.CustomDialog

	mu     sync.Mutex
	cancel context.CancelFunc
	turn   chan error // the user's answer to "turn the card over"
}

func (d *documentsStep) openScanner() {
	u := d.w.u
	s := &scanner{d: d}
	s.pick = widget.NewSelect(nil, func(string) { s.buttons() })
	s.pick.PlaceHolder = u.T("ui.scan.looking")
	s.address = widget.NewEntry()
	s.address.SetPlaceHolder("http://192.168.1.20/eSCL")
	s.address.OnChanged = func(string) { s.buttons() }
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.bar = widget.NewProgressBar()
	s.bar.Hide()
	s.start = widget.NewButton(u.T("ui.scan.start"), s.run)
	s.start.Importance = widget.HighImportance
	cancel := widget.NewButton(u.T("ui.cancel"), s.close)
	form := widget.NewForm(
		widget.NewFormItem(u.T("ui.scan.device"), s.pick),
		widget.NewFormItem(u.T("ui.scan.address"), s.address),
	)
	form.Items[1].HintText = u.T("ui.scan.address_hint")
	content := container.NewVBox(form, s.status, s.bar)
	s.dlg = dialog.NewCustomWithoutButtons(u.T("ui.scan.title"), content, u.win)
	s.dlg.SetButtons([]fyne.CanvasObject{cancel, s.start})
	s.dlg.Resize(fyne.NewSize(560, 300))
	s.dlg.Show()
	d.scanning = s
	s.buttons()
	s.discover()
}

// discover lists the scanners of every backend off the UI goroutine.
func (s *scanner) discover() {
	u := s.d.w.u
	u.goBackground(func(ctx context.Context) {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		devs, err := u.Scanners.Devices(ctx)
		fyne.Do(func() {
			s.devices = devs
			var names []string
			for _, dv := range devs {
				names = append(names, dv.Name())
			}
			s.pick.SetOptions(names)
			s.pick.PlaceHolder = u.T("ui.scan.choose")
			switch {
			case len(devs) == 0 && err != nil:
				s.status.SetText(u.Catalog.Error(err))
			case len(devs) == 0:
				s.status.SetText(u.T("ui.scan.none"))
			}
			if dv, ok := scan.Pick(devs, s.remembered()); ok {
				s.pick.SetSelected(dv.Name())
			} else if len(devs) == 1 {
				s.pick.SetSelectedIndex(0)
			}
			s.pick.Refresh()
			s.buttons()
		})
	})
}

func (s *scanner) remembered() scan.Choice {
	var c scan.Choice
	if st, err := s.d.w.u.Settings.Settings(); err == nil && st.Scanner != "" {
		json.Unmarshal([]byte(st.Scanner), &c)
	}
	return c
}

func (s *scanner) remember(dev scan.Device) {
	u := s.d.w.u
	st, err := u.Settings.Settings()
	if err != nil {
		return
	}
	data, _ := json.Marshal(scan.Choice{Device: dev})
	st.Scanner = string(data)
	if err := u.Settings.SaveSettings(st); err != nil {
		u.Log.Warn("scanner not remembered", "err", err)
	}
}

// device is the typed address when there is one, else the picked scanner.
func (s *scanner) device() (scan.Device, bool) {
	if s.address.Text != "" {
		return scan.ParseDevice(s.address.Text), true
	}
	i := s.pick.SelectedIndex()
	if i < 0 || i >= len(s.devices) {
		return scan.Device{}, false
	}
	return s.devices[i], true
}

func (s *scanner) buttons() {
	s.mu.Lock()
	busy := s.cancel != nil
	s.mu.Unlock()
	if _, ok := s.device(); ok && !busy {
		s.start.Enable()
	} else {
		s.start.Disable()
	}
}

// profile is how the document kind is scanned.
func (s *scanner) profile() scan.Profile {
	if s.d.w.req.Document.Kind == app.Passport {
		return scan.PassportPage
	}
	return scan.IDCard
}

// run scans off the UI goroutine; pages arrive whole or not at all.
func (s *scanner) run() {
	u := s.d.w.u
	dev, ok := s.device()
	if !ok {
		return
	}
	s.d.save(s.d.w.req)
	profile := s.profile()
	s.bar.SetValue(0)
	s.bar.Show()
	s.status.SetText(u.T("ui.scan.preparing", "device", dev.Name()))
	ctx, cancel := context.WithCancel(u.ctx)
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	s.buttons()
	u.goBackground(func(context.Context) {
		defer cancel()
		caps, err := u.Scanners.Capabilities(ctx, dev)
		var pages []scan.Page
		if err == nil {
			session := scan.Session{Backend: u.Scanners, Device: dev, Caps: caps, Turn: s.askTurn,
				Progress: func(_ int, done float64) { fyne.Do(func() { s.bar.SetValue(done) }) },
				OnStep:   func(st scan.Step) { fyne.Do(func() { s.status.SetText(u.T("ui.scan.step." + string(st))) }) },
			}
			pages, err = session.Run(ctx, profile)
		}
		views := make([]pageView, len(pages))
		for i, p := range pages {
			views[i] = s.d.view(ctx, p)
		}
		fyne.Do(func() { s.done(dev, pages, views, err) })
	})
}

func (s *scanner) done(dev scan.Device, pages []scan.Page, views []pageView, err error) {
	u := s.d.w.u
	s.mu.Lock()
	s.cancel = nil
	s.mu.Unlock()
	s.bar.Hide()
	if len(pages) > 0 {
		s.remember(dev)
		s.d.addPages(pages, views, nil)
	}
	switch {
	case errors.Is(err, scan.ErrCancelled) && len(pages) == 0:
		s.status.SetText(u.T("ui.scan.cancelled"))
	case err != nil:
		s.status.SetText(u.Catalog.Error(err))
	default:
		s.dlg.Hide()
		s.d.scanning = nil
	}
	s.buttons()
}

// askTurn runs on the scanning goroutine: it asks the user to turn the
// card and waits for the answer or a cancel.
func (s *scanner) askTurn(ctx context.Context) error {
	u := s.d.w.u
	answer := make(chan error, 1)
	s.mu.Lock()
	s.turn = answer
	s.mu.Unlock()
	fyne.Do(func() {
		dialog.ShowCustomConfirm(u.T("ui.scan.turn_title"), u.T("ui.scan.turn_go"), u.T("ui.cancel"),
			widget.NewLabel(u.T("ui.scan.turn")), s.answerTurn, u.win)
	})
	select {
	case err := <-answer:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *scanner) answerTurn(ok bool) {
	s.mu.Lock()
	answer := s.turn
	s.turn = nil
	s.mu.Unlock()
	if answer == nil {
		return
	}
	if ok {
		answer <- nil
		return
	}
	answer <- scan.ErrCancelled
}

// close cancels a scan under way (the scanner stops, no half page is
// kept) and closes the dialog.
func (s *scanner) close() {
	s.mu.Lock()
	cancel := s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	s.answerTurn(false)
	s.dlg.Hide()
	s.d.scanning = nil
}
