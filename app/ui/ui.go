package ui

import (
	"context"
	"image"
	"log/slog"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/app/postcode"
	"github.com/idpro/idpro/app/ui/winpos"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/ocr"
	"github.com/idpro/idpro/scan"
)

// MRZReader finds and reads the MRZ on a page image (ocr.Reader with
// Tesseract behind it).
type MRZReader interface {
	Read(ctx context.Context, img image.Image) (ocr.Result, error)
}

// SettingsStore keeps the user's settings (the store).
type SettingsStore interface {
	Settings() (app.Settings, error)
	SaveSettings(app.Settings) error
}

// Deps is what the UI is wired to; main builds it.
type Deps struct {
	Desk      *desk.Desk
	History   app.History
	Settings  SettingsStore
	Reader    MRZReader    // nil when no OCR engine is available: data is typed
	Scanners  scan.Backend // nil hides the Scan button
	Catalog   *locale.Catalog
	Postcodes postcode.Index
	Now       func() time.Time
	Log       *slog.Logger
	// SandboxURL is the embedded sandbox's address, shown when no other
	// service is set.
	SandboxURL string
	// DraftDelay is how long after the last change a draft is saved; 0
	// saves at once (tests).
	DraftDelay time.Duration
	// UseService re-points the app at a service URL ("" = the sandbox).
	UseService func(url string) error
	// Account signs in and says who works for which company; nil hides
	// the account bar (the app then only drafts and queues).
	Account Account
	// OpenURL opens an address in the system browser (nil: the app's).
	OpenURL func(*url.URL) error
	// Archive backs the store up and applies retention (nil hides both).
	Archive Archive
	// MailDir is where the embedded sandbox writes its status mail
	// (.eml files); the settings open it.
	MailDir string
	// Catalogs loads the translations of a language ("" follows the
	// system) when the user picks another (nil: the embedded ones).
	Catalogs func(lang string) (*locale.Catalog, error)
	// Version and DataDir are shown in the settings' About.
	Version, DataDir string
	// Do hands a UI update from another goroutine to the UI goroutine
	// (nil: fyne.Do). Tests pass a queue that the test goroutine runs,
	// since Fyne's test driver would run the update at once on the
	// goroutine that asks (app/ui/loop_test.go).
	Do func(func())
}

// UI is the main window and its screens.
type UI struct {
	Deps
	win     fyne.Window
	tabs    *container.AppTabs
	wizard  *wizard
	history *historyView
	status  *widget.Label
	account *accountBar
	access  *accessView
	// accessTab is shown to the company's main access manager only.
	accessTab    *container.TabItem
	signinDialog dialog.Dialog

	ctx    context.Context
	cancel context.CancelFunc
	// bg is the work running off the UI goroutine (begin, end): Close
	// waits for it; busy counts it for tests, which run the UI updates it
	// posts until it is done.
	bg   sync.WaitGroup
	busy atomic.Int64
	// native is the shown window's handle (nil in tests and where there
	// is none), lastPos where the window was last seen, kept the place
	// last written to the preferences. keptMu: once Fyne has stopped,
	// fyne.Do runs the follower's save on its own goroutine, beside
	// main's Close.
	native  *winpos.Window
	lastPos atomic.Pointer[image.Point]
	keptMu  sync.Mutex
	kept    struct {
		pos  *image.Point
		size fyne.Size
	}
}

// New builds the main window of a.
func New(a fyne.App, d Deps) *UI {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Do == nil {
		d.Do = fyne.Do
	}
	if d.Catalogs == nil {
		d.Catalogs = embeddedCatalog
	}
	u := &UI{Deps: d, win: a.NewWindow("idpro"), status: widget.NewLabel("")}
	// The status line gives way to the account bar beside it.
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.ctx, u.cancel = context.WithCancel(context.Background())
	if d.OpenURL == nil {
		u.OpenURL = a.OpenURL
	}
	u.build()
	u.shortcuts()
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.wizard.importURIs(uris) })
	u.placeWindow()
	u.win.SetCloseIntercept(func() { u.Close(); u.win.Close() })
	// The step marks are drawn in the theme's colours: a switch between
	// light and dark (the system's, or the settings') paints them again.
	a.Settings().AddListener(func(fyne.Settings) { u.Do(func() { u.wizard.paintMarks() }) })
	if d.Desk != nil {
		d.Desk.OnChange = func(*app.Request) { u.Do(func() { u.history.reload() }) }
		d.Desk.OnStatus = func(rc app.Receipt, _ app.Status) { u.Do(func() { u.notifyStatus(rc) }) }
	}
	return u
}

// build makes every screen, the menu and the tabs in the catalog's
// language: New calls it once, a change of language again.
func (u *UI) build() {
	followLanguage(u.Catalog.Lang())
	u.wizard = newWizard(u)
	u.history = newHistoryView(u)
	u.tabs = container.NewAppTabs(
		container.NewTabItem(u.T("ui.tab.new"), u.wizard.content()),
		container.NewTabItem(u.T("ui.tab.history"), u.history.content()),
	)
	u.tabs.OnSelected = func(t *container.TabItem) {
		if t.Content == u.history.root {
			u.history.reload()
		}
	}
	bottom := fyne.CanvasObject(u.status)
	if u.Account != nil {
		u.account = newAccountBar(u)
		u.access = newAccessView(u)
		u.accessTab = container.NewTabItem(u.T("ui.tab.access"), u.access.root)
		bottom = container.NewBorder(nil, nil, nil, u.account.root, u.status)
		u.showAccessTab()
	}
	u.win.SetContent(container.NewBorder(nil, bottom, nil, nil, u.tabs))
	u.win.SetMainMenu(u.menu())
	u.updateStatus()
}

// embeddedCatalog is the translations built into idpro.
func embeddedCatalog(lang string) (*locale.Catalog, error) {
	if lang == "" {
		lang = locale.System()
	}
	return locale.New(assets.Translations, "translations", lang)
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// T translates a message key.
func (u *UI) T(key string, kv ...any) string { return u.Catalog.T(key, kv...) }

// Close remembers the window's size, stops background work and waits
// for it, so nothing is written after the store closes. The window's
// close button and the app's Quit (through main) both come here.
func (u *UI) Close() {
	u.keepPlacement()
	u.cancel()
	u.bg.Wait()
}

// begin and end bracket one piece of work off the UI goroutine; begin
// runs on the UI goroutine.
func (u *UI) begin() {
	u.busy.Add(1)
	u.bg.Add(1)
}

func (u *UI) end() {
	u.bg.Done()
	u.busy.Add(-1)
}

// goBackground runs fn off the UI goroutine; fn reports back with u.Do.
func (u *UI) goBackground(fn func(ctx context.Context)) {
	u.begin()
	go func() {
		defer u.end()
		fn(u.ctx)
	}()
}

// StartSync sends queued requests and follows open ones every interval.
func (u *UI) StartSync(interval time.Duration) {
	u.goBackground(func(ctx context.Context) { u.Desk.Run(ctx, interval) })
}

func (u *UI) showError(err error) {
	// The code only: the message may name the worker's file or a
	// value they typed (docs/security.md).
	u.Log.Warn("shown to user", "code", app.ErrorCode(err))
	dialog.ShowInformation(u.T("ui.error.title"), u.Catalog.Error(err), u.win)
}

func (u *UI) updateStatus() {
	st, _ := u.Settings.Settings()
	if st.ServiceURL == "" {
		u.status.SetText(u.T("ui.statusbar.sandbox", "url", u.SandboxURL))
		return
	}
	u.status.SetText(u.T("ui.statusbar.service", "url", st.ServiceURL))
}

// Resume signs in again with the sign-in kept from the last run, off the
// UI goroutine (it asks the service who is signed in), then shows it.
func (u *UI) Resume(resume func(ctx context.Context) error) {
	u.goBackground(func(ctx context.Context) {
		err := resume(ctx)
		u.Do(func() {
			if err != nil {
				u.Log.Info("kept sign-in not resumed", "err", err)
			}
			u.accountChanged()
		})
	})
}

// notifyStatus tells the user of a change a sync found, with a desktop
// notification that names no one: the reference and the initials.
func (u *UI) notifyStatus(rc app.Receipt) {
	initials := ""
	if rc.Person != nil {
		initials = rc.Person.Initials()
	}
	status := u.T("ui.status." + string(rc.Status))
	fyne.CurrentApp().SendNotification(fyne.NewNotification(u.T("ui.notify.title", "id", rc.ID, "status", status),
		u.T("ui.notify.body", "initials", initials, "status", status)))
}

// showIf shows o when show holds and hides it otherwise.
func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}
