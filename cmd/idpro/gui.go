package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/idpro/idpro/app/account"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/app/postcode"
	"github.com/idpro/idpro/app/secret"
	"github.com/idpro/idpro/app/signin"
	"github.com/idpro/idpro/app/ui"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/store"
)

const appID = "be.idpro.desktop"

// runGUI opens the desktop app on the embedded sandbox, or on the service
// set in the settings; files named on the command line start a request.
func runGUI(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("idpro", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "data directory")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	a := fyneapp.NewWithID(appID)
	a.Settings().SetTheme(ui.Theme()) // text colours with WCAG AA contrast
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))

	dir, err := dataDir(*data)
	if err != nil {
		return fatalWindow(a, cliCatalog(), err)
	}
	// The data key comes from the keychain, else from IDPRO_PASSPHRASE,
	// else from the user, asked in a window before anything else opens.
	var ask *passphraseAsk
	st, err := openStore(dir, func(first bool) (string, error) {
		if p := os.Getenv(passphraseEnv); p != "" {
			return p, nil
		}
		ask = &passphraseAsk{first: first}
		return "", errAskUser
	})
	var done func()
	switch {
	case ask != nil:
		done = unlockWindow(a, cliCatalog(), dir, ask.first, func(st *store.Store) (func(), error) {
			return openMainWindow(a, st, dir, log, fs.Args())
		})
	case err != nil:
		return fatalWindow(a, cliCatalog(), err)
	default:
		if done, err = openMainWindow(a, st, dir, log, fs.Args()); err != nil {
			st.Close()
			return fatalWindow(a, cliCatalog(), err)
		}
	}
	stopProbe := startProbe()
	a.Run()
	stopProbe()
	if done != nil {
		done()
	}
	return 0
}

// openMainWindow opens the main window on an open store; the returned function
// stops what it started, in order, once the app has quit.
func openMainWindow(a fyne.App, st *store.Store, dir string, log *slog.Logger, files []string) (func(), error) {
	var stops []func()
	stop := func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	stops = append(stops, func() { st.Close() })
	purgeCtx, stopPurge := context.WithCancel(context.Background())
	stops = append(stops, stopPurge)
	go st.PurgeEvery(purgeCtx, store.PurgeInterval, log.With("part", "store"))
	settings, err := st.Settings()
	if err != nil {
		stop()
		return nil, err
	}
	lang := settings.Language
	if lang == "" {
		lang = locale.System()
	}
	cat := mustCatalog(lang)

	embedded, err := serveSandbox(filepath.Join(dir, "sandbox.db"), log.With("part", "sandbox"))
	if err != nil {
		stop()
		return nil, err
	}
	stops = append(stops, embedded.stop)
	sandboxURL := embedded.url
	dk := desk.New(st, nil, time.Now, log.With("part", "desk"))
	dk.Pack = scan.PackPDF
	base := settings.ServiceURL
	if base == "" {
		base = sandboxURL
	}
	keeper := tokenKeeper(sandboxURL, st)
	acc, err := account.New(base, keeper, dk, st, log.With("part", "account"))
	if err != nil {
		log.Warn("service setting unusable, using the sandbox", "err", err)
		if acc, err = account.New(sandboxURL, keeper, dk, st, log.With("part", "account")); err != nil {
			stop()
			return nil, err
		}
	}
	codes, err := postcode.Parse(assets.Postcodes)
	if err != nil {
		stop()
		return nil, err
	}
	deps := ui.Deps{
		Desk: dk, History: st, Settings: st, Catalog: cat, Postcodes: codes,
		Log: log, SandboxURL: sandboxURL, DraftDelay: time.Second,
		Scanners: scanBackends(nil, true),
		Account:  acc,
		Archive:  storeArchive{st},
		MailDir:  embedded.mailDir,
		Version:  version,
		DataDir:  dir,
		UseService: func(url string) error {
			if url == "" {
				url = sandboxURL
			}
			return acc.SetService(url)
		},
	}
	reader, closeReader, err := newMRZReaderIn(dir)
	if err != nil {
		log.Warn("MRZ reading unavailable", "err", err)
	} else {
		stops = append(stops, closeReader)
		deps.Reader = reader
	}
	u := ui.New(a, deps)
	stops = append(stops, u.Close)
	u.Resume(acc.Resume)
	u.StartSync(time.Minute)
	if len(files) > 0 {
		// "Open with idpro" from a file manager: start a request with them.
		u.ImportFiles(files...)
	}
	u.Window().SetMaster()
	u.Show()
	return stop, nil
}

// tokenKeeper keeps each service's sign-in in the OS keychain (the
// embedded sandbox's under one name, whatever port it has this run);
// where no keychain answers, sealed in the store under its data key.
func tokenKeeper(sandboxURL string, st *store.Store) func(base string) signin.Keeper {
	return func(base string) signin.Keeper {
		item := "signin sandbox"
		if base != sandboxURL {
			item = "signin " + base
		}
		kc := signin.KeychainKeeper(secret.NewKeychain("idpro"), item,
			func(err error) bool { return errors.Is(err, secret.ErrNotFound) })
		sealed := signin.KeychainKeeper(storeSecrets{st}, item,
			func(err error) bool { return errors.Is(err, store.ErrNoSecret) })
		return signin.Fallback(kc, sealed)
	}
}

// storeSecrets is the store's sealed items as a keychain.
type storeSecrets struct{ st *store.Store }

func (s storeSecrets) Get(item string) ([]byte, error)     { return s.st.Secret(item) }
func (s storeSecrets) Set(item string, value []byte) error { return s.st.SetSecret(item, value) }
func (s storeSecrets) Delete(item string) error            { return s.st.DeleteSecret(item) }

// fatalWindow tells the user why idpro cannot start (a second instance, an
// unreadable disk) in a window, since a desktop user never sees stderr.
func fatalWindow(a fyne.App, cat *locale.Catalog, err error) int {
	fmt.Fprintln(os.Stderr, "idpro:", err)
	w := a.NewWindow("idpro")
	msg := widget.NewLabel(cat.Error(err))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("OK", a.Quit)), nil, nil, msg))
	w.Resize(fyne.NewSize(480, 180))
	w.ShowAndRun()
	return 1
}
