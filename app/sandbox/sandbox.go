package sandbox

import (
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox/mail"
	"github.com/idpro/idpro/app/sandbox/register"
	bolt "go.etcd.io/bbolt"
)

// Sandbox serves the belgianIDpro API from a local bbolt file.
type Sandbox struct {
	db       *bolt.DB
	opt      Options
	now      func() time.Time
	log      *slog.Logger
	mux      *http.ServeMux
	register *register.Register
	mailing  sync.WaitGroup // messages on their way
	clerkKey string
}

// Options tune Open; zero values are fine.
type Options struct {
	Now func() time.Time
	Log *slog.Logger
	// AccessTTL is how long an access token lives (default 10 minutes);
	// RefreshTTL a refresh token (default 30 days).
	AccessTTL, RefreshTTL time.Duration
	// NoDemo leaves a new file without the demo companies and people.
	NoDemo bool
	// Register is the Crossroads Bank's register of known persons
	// (default: register.Generate(DemoRegisterSeed, DemoRegisterSize)).
	Register *register.Register
	// Mail tells requesters of every status change (nil: no mail).
	Mail mail.Sender
}

// The demo register: a few hundred known persons, the same every run.
const (
	DemoRegisterSeed = 1
	DemoRegisterSize = 300
)

// Open opens or creates the sandbox's data file; a new one gets the demo
// companies and people (demo.go).
func Open(path string, opt Options) (*Sandbox, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.AccessTTL == 0 {
		opt.AccessTTL = 10 * time.Minute
	}
	if opt.RefreshTTL == 0 {
		opt.RefreshTTL = 30 * 24 * time.Hour
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, app.Errorf("store.open", err, "path", path)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, app.Errorf("sandbox.open", err, "path", path)
	}
	if opt.Register == nil {
		opt.Register = register.New(register.Generate(DemoRegisterSeed, DemoRegisterSize))
	}
	s := &Sandbox{db: db, opt: opt, now: opt.Now, log: opt.Log, mux: http.NewServeMux(), register: opt.Register}
	if err := db.Update(s.migrate); err != nil {
		db.Close()
		return nil, app.Errorf("sandbox.open", err, "path", path)
	}
	s.routes()
	return s, nil
}

// Close waits for the mail on its way and closes the data file.
func (s *Sandbox) Close() error {
	s.mailing.Wait()
	return s.db.Close()
}

// ServeHTTP bounds every body: a submission may carry four pages, nothing
// else needs more than a few kilobytes.
func (s *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	limit := int64(maxSmallBody)
	if r.Method == http.MethodPost && r.URL.Path != "" && isSubmission(r.URL.Path) {
		limit = api.MaxRequestBody
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	s.mux.ServeHTTP(w, r)
}

// maxSmallBody bounds every body that is not a submission or an answer.
const maxSmallBody = 64 << 10

func (s *Sandbox) routes() {
	s.mux.HandleFunc("GET "+api.PathHealth, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.HandleFunc("GET "+api.PathAuthorize, s.authorizePage)
	s.mux.HandleFunc("POST "+api.PathAuthorize, s.authorize)
	s.mux.HandleFunc("POST "+api.PathToken, s.token)
	s.mux.HandleFunc("POST "+api.PathRevoke, s.revoke)

	s.mux.Handle("GET "+api.PathMe, s.signedIn(s.me))
	c := api.PathCompanies + "/{company}"
	s.mux.Handle("GET "+c+"/staff", s.member(true, s.staff))
	s.mux.Handle("PUT "+c+"/staff/{person}", s.member(true, s.setAccess))
	s.mux.Handle("POST "+c+"/requests", s.member(false, s.submit))
	s.mux.Handle("GET "+c+"/requests", s.member(false, s.list))
	s.mux.Handle("GET "+c+"/changes", s.member(false, s.changes))
	s.mux.Handle("GET "+c+"/requests/{id}", s.member(false, s.status))
	s.mux.Handle("POST "+c+"/requests/{id}/cancel", s.member(false, s.cancel))
	s.mux.Handle("POST "+c+"/requests/{id}/answer", s.member(false, s.answer))
	s.mux.Handle("POST "+c+"/persons/lookup", s.member(false, s.lookup))
	s.clerkRoutes()
}
