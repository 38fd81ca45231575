package ui

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	d *documentsStep
	// deliver takes the scanned pages (the documents step's, or an
	// answer's); kind is the document scanned, for its profile.
	deliver func(pages []scan.Page, views []pageView)
	kind    app.DocumentKind
	devices []scan.Device
	pick    *widget.Select
	address *widget.Entry
	// source offers where the device can scan the document from (flatbed,
	// feeder, duplex feeder), once its capabilities are known; rotateBack
	// turns a duplex feeder's back sides.
	source     *widget.Select
	sources    []scan.Source
	rotateBack *widget.Check
	caps       scan.Capabilities
	prefs      scanPrefs   // what was remembered, read with the devices
	capsOf     scan.Device // the device caps and sources belong to
	status     *widget.Label
	preview    *canvas.Image // the glass as the preview scan saw it
	turnKey    string        // what to say when the card must be turned
	bar        *widget.ProgressBar
	start      *widget.Button
	dlg        *dialog.CustomDialog

	mu     sync.Mutex
	cancel context.CancelFunc
	turn   chan error // the user's answer to "turn the card over"
}

func (d *documentsStep) openScanner() {
	d.save(d.w.req)
	d.openScannerTo(d.w.req.Document.Kind, func(pages []scan.Page, views []pageView) { d.addPages(pages, views, nil) })
}

// openScannerTo opens the Scan dialog for pages of a document of kind,
// handed to deliver.
func (d *documentsStep) openScannerTo(kind app.DocumentKind, deliver func([]scan.Page, []pageView)) {
	u := d.w.u
	s := &scanner{d: d, deliver: deliver, kind: kind}
	s.pick = widget.NewSelect(nil, func(string) { s.buttons(); s.loadSources() })
	s.pick.PlaceHolder = u.T("ui.scan.looking")
	s.address = widget.NewEntry()
	// An example, said as one: a bare address in the entry reads as a
	// value already typed.
	s.address.SetPlaceHolder(u.T("ui.scan.address_placeholder"))
	s.address.OnChanged = func(string) { s.buttons() }
	s.address.OnSubmitted = func(string) { s.loadSources() }
	s.source = widget.NewSelect(nil, func(string) { s.showRotateBack() })
	s.source.PlaceHolder = u.T("ui.scan.source_choose")
	s.source.Disable()
	s.rotateBack = widget.NewCheck(u.T("ui.scan.rotate_back"), nil)
	s.rotateBack.Hide()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.bar = widget.NewProgressBar()
	s.bar.Hide()
	s.preview = canvas.NewImageFromImage(nil)
	s.preview.FillMode = canvas.ImageFillContain
	s.preview.SetMinSize(fyne.NewSize(200, 140))
	s.preview.Hide()
	s.start = widget.NewButton(u.T("ui.scan.start"), s.run)
	s.start.Importance = widget.HighImportance
	cancel := widget.NewButton(u.T("ui.cancel"), s.close)
	form := widget.NewForm(
		widget.NewFormItem(u.T("ui.scan.device"), s.pick),
		widget.NewFormItem(u.T("ui.scan.address"), s.address),
		widget.NewFormItem(u.T("ui.scan.source"), container.NewVBox(s.source, s.rotateBack)),
	)
	form.Items[1].HintText = u.T("ui.scan.address_hint")
	content := container.NewVBox(form, s.preview, s.status, s.bar)
	s.dlg = dialog.NewCustomWithoutButtons(u.T("ui.scan.title"), content, u.win)
	s.dlg.SetButtons([]fyne.CanvasObject{cancel, s.start})
	s.dlg.Resize(fyne.NewSize(560, 360))
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
		prefs := u.scanPrefs()
		u.Do(func() {
			s.devices, s.prefs = devs, prefs
			s.pick.SetOptions(scan.Names(devs))
			s.pick.PlaceHolder = u.T("ui.scan.choose")
			switch {
			case len(devs) == 0 && err != nil:
				s.status.SetText(u.Catalog.Error(err))
			case len(devs) == 0:
				s.status.SetText(u.T("ui.scan.none"))
			}
			if dv, ok := scan.Pick(devs, prefs.Choice); ok {
				s.pick.SetSelectedIndex(slices.Index(devs, dv))
			} else if len(devs) == 1 {
				s.pick.SetSelectedIndex(0)
			}
			s.pick.Refresh()
			s.buttons()
		})
	})
}

// scanPrefs is what the app remembers of scanning, as JSON in
// Settings.Scanner: the last scanner and how it scanned (scan.Choice,
// whose fields stay at the top), and the resolution and colour the
// settings ask for (zero: the profile's).
type scanPrefs struct {
	scan.Choice
	DPI  int       `json:"dpi,omitempty"`
	Mode scan.Mode `json:"mode,omitempty"`
}

func (u *UI) scanPrefs() scanPrefs {
	st, _ := u.Settings.Settings()
	return decodeScanPrefs(st.Scanner)
}

// decodeScanPrefs reads Settings.Scanner ("" or unreadable: nothing
// remembered).
func decodeScanPrefs(s string) scanPrefs {
	var p scanPrefs
	if s != "" {
		json.Unmarshal([]byte(s), &p)
	}
	return p
}

// encode is p as Settings.Scanner keeps it.
func (p scanPrefs) encode() string {
	data, _ := json.Marshal(p)
	return string(data)
}

// remember keeps the scanner, and where and how it scanned, as the
// default for next time; it runs off the UI goroutine.
func (s *scanner) remember(c scan.Choice) {
	u := s.d.w.u
	st, err := u.Settings.Settings()
	if err != nil {
		return
	}
	p := u.scanPrefs()
	p.Choice = c
	st.Scanner = p.encode()
	if err := u.Settings.SaveSettings(st); err != nil {
		u.Log.Warn("scanner not remembered", "err", err)
	}
}

// device is the typed address when there is one, else the picked scanner.
func (s *scanner) device() (scan.Device, bool) {
	if s.address.Text != "" {
		d, err := scan.ParseAddress(s.address.Text)
		return d, err == nil
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
	dev, ok := s.device()
	if ok && !busy {
		s.start.Enable()
	} else {
		s.start.Disable()
	}
	if s.address.Text != "" && !ok {
		_, err := scan.ParseAddress(s.address.Text)
		s.status.SetText(s.d.w.u.Catalog.Error(err))
	} else if s.address.Text != "" {
		s.status.SetText("")
	}
	if dev != s.capsOf {
		s.source.Disable()
	}
}

// loadSources asks the chosen scanner where it can scan from, off the UI
// goroutine, and offers those sources for the document, the remembered one
// (or the profile's default) selected.
func (s *scanner) loadSources() {
	u := s.d.w.u
	dev, ok := s.device()
	if !ok {
		return
	}
	profile := s.profile()
	u.goBackground(func(ctx context.Context) {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		caps, err := u.Scanners.Capabilities(ctx, dev)
		u.Do(func() {
			if now, _ := s.device(); now != dev || err != nil {
				if err != nil {
					s.status.SetText(u.Catalog.Error(err))
				}
				return
			}
			s.caps, s.capsOf = caps, dev
			s.sources = scan.Sources(profile, caps)
			var names []string
			for _, src := range s.sources {
				names = append(names, u.T("scanner.source."+string(src)))
			}
			s.source.SetOptions(names)
			mem := s.prefs.Choice
			if _, same := scan.Pick([]scan.Device{dev}, mem); !same {
				mem = scan.Choice{}
			}
			want := scan.Choice{Device: dev, Source: mem.Source}.Session(u.Scanners, caps).SourceFor(profile)
			for i, src := range s.sources {
				if src == want {
					s.source.SetSelectedIndex(i)
				}
			}
			s.rotateBack.SetChecked(mem.RotateBack)
			s.source.Enable()
			s.showRotateBack()
		})
	})
}

// chosenSource is the selected source, "" before the scanner answered.
func (s *scanner) chosenSource() scan.Source {
	if i := s.source.SelectedIndex(); i >= 0 && i < len(s.sources) {
		return s.sources[i]
	}
	return ""
}

func (s *scanner) showRotateBack() {
	if s.chosenSource() == scan.Duplex && s.profile() == scan.IDCard {
		s.rotateBack.Show()
	} else {
		s.rotateBack.Hide()
	}
}

// profile is how the document kind is scanned.
func (s *scanner) profile() scan.Profile {
	if s.kind == app.Passport {
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
	profile := s.profile()
	choice := scan.Choice{Device: dev, Source: s.chosenSource(), RotateBack: s.rotateBack.Checked}
	prefs := s.prefs
	known, caps := dev == s.capsOf, s.caps
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
		var err error
		if !known {
			caps, err = u.Scanners.Capabilities(ctx, dev)
		}
		var pages []scan.Page
		if err == nil {
			session := choice.Session(u.Scanners, caps)
			session.DPI, session.Mode = prefs.DPI, prefs.Mode
			session.Turn = s.askTurn
			session.Progress = func(_ int, done float64) { u.Do(func() { s.bar.SetValue(done) }) }
			session.OnStep = func(st scan.Step) { u.Do(func() { s.status.SetText(u.T("ui.scan.step." + string(st))) }) }
			session.OnPreview = func(p scan.Page) {
				thumb := thumbnail(p.Image)
				u.Do(func() { s.preview.Image = thumb; s.preview.Show(); s.preview.Refresh() })
			}
			s.turnKey = "ui.scan.turn"
			if session.SourceFor(profile) == scan.Feeder {
				s.turnKey = "ui.scan.turn_feeder"
			}
			pages, err = session.Run(ctx, profile)
		}
		views := make([]pageView, len(pages))
		for i, p := range pages {
			views[i] = s.d.view(ctx, p)
		}
		if len(pages) > 0 {
			s.remember(choice)
		}
		u.Do(func() { s.done(pages, views, err) })
	})
}

func (s *scanner) done(pages []scan.Page, views []pageView, err error) {
	u := s.d.w.u
	s.mu.Lock()
	s.cancel = nil
	s.mu.Unlock()
	s.bar.Hide()
	if len(pages) > 0 {
		s.deliver(pages, views)
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
	u.Do(func() {
		dialog.ShowCustomConfirm(u.T("ui.scan.turn_title"), u.T("ui.scan.turn_go"), u.T("ui.cancel"),
			widget.NewLabel(u.T(s.turnKey)), s.answerTurn, u.win)
		// Set once the question is on screen: a test that sees it may
		// read the window, as nothing else is drawn until the answer.
		s.mu.Lock()
		s.turn = answer
		s.mu.Unlock()
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
