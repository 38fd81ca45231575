// Package account is the signed-in side of the app: the sign-in session,
// who is signed in, and the company they work for. It points the desk at
// the service as that person for that company, so that sending, syncing
// the company history and cancelling all happen in their name; signed
// out, the desk's calls fail with app.ErrSignInRequired and requests wait
// in the outbox.
package account

import (
	"context"
	"log/slog"
	"sync"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/signin"
)

// Desk is where the account points the service (app/desk.Desk).
type Desk interface {
	SetService(app.Service)
}

// Settings remembers the company last worked for.
type Settings interface {
	Settings() (app.Settings, error)
	SaveSettings(app.Settings) error
}

// Account is one user's sign-in to one service.
type Account struct {
	desk     Desk
	settings Settings
	keeper   func(base string) signin.Keeper
	log      *slog.Logger

	mu       sync.Mutex
	base     string
	session  *signin.Session
	client   *api.Client // as the session signs in, for no company yet
	identity *app.Identity
	company  string
}

// New returns a signed-out account on the service at base; keeper gives
// where a service's sign-in is kept (one place per service: a sign-in
// means nothing to another).
func New(base string, keeper func(base string) signin.Keeper, d Desk, settings Settings, log *slog.Logger) (*Account, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &Account{desk: d, settings: settings, keeper: keeper, log: log}
	return a, a.SetService(base)
}

// SetService moves to another service address (a settings change): the
// sign-in of one service means nothing to another.
func (a *Account) SetService(base string) error {
	session := signin.New(base, a.keeper(base), nil, a.log)
	client, err := api.New(base, session.Client())
	if err != nil {
		return err
	}
	st, _ := a.settings.Settings()
	a.mu.Lock()
	a.base, a.session, a.client, a.identity, a.company = base, session, client, nil, st.Company
	a.mu.Unlock()
	a.desk.SetService(client.ForCompany(st.Company))
	return nil
}

// Resume signs in with the tokens kept from the last run, if any.
func (a *Account) Resume(ctx context.Context) error {
	a.mu.Lock()
	s := a.session
	a.mu.Unlock()
	if !s.Resume() {
		return nil
	}
	return a.load(ctx)
}

// SignIn runs the browser sign-in (see signin.Session.SignIn), then
// learns who signed in and picks their company.
func (a *Account) SignIn(ctx context.Context, lang string, open func(url string)) error {
	a.mu.Lock()
	s := a.session
	a.mu.Unlock()
	if err := s.SignIn(ctx, lang, open); err != nil {
		return err
	}
	return a.load(ctx)
}

// load asks who is signed in and works for the company last used, or the
// first they have access to.
func (a *Account) load(ctx context.Context) error {
	a.mu.Lock()
	c := a.client
	a.mu.Unlock()
	id, err := c.Me(ctx)
	if err != nil {
		return err
	}
	a.mu.Lock()
	a.identity = &id
	pick := ""
	for _, co := range id.Companies {
		if co.Number == a.company || (pick == "" && co.Access) {
			pick = co.Number
		}
	}
	if _, ok := id.Company(a.company); ok {
		pick = a.company
	}
	a.mu.Unlock()
	switch {
	case pick == "" && len(id.Companies) > 0:
		return app.Errorf("access.not_granted", nil)
	case pick == "":
		return app.Errorf("signin.no_company", nil)
	}
	return a.UseCompany(pick)
}

// SignOut ends the sign-in here and at the service.
func (a *Account) SignOut(ctx context.Context) error {
	a.mu.Lock()
	s := a.session
	a.identity = nil
	a.mu.Unlock()
	return s.SignOut(ctx)
}

// SignedIn tells whether someone is signed in.
func (a *Account) SignedIn() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.identity != nil && a.session.SignedIn()
}

// Identity is who is signed in.
func (a *Account) Identity() (app.Identity, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.identity == nil || !a.session.SignedIn() {
		return app.Identity{}, false
	}
	return *a.identity, true
}

// Company is the company the user works for now.
func (a *Account) Company() (app.Company, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.identity == nil {
		return app.Company{}, false
	}
	return a.identity.Company(a.company)
}

// UseCompany makes the user work for another of their companies.
func (a *Account) UseCompany(number string) error {
	a.mu.Lock()
	if a.identity != nil {
		if _, ok := a.identity.Company(number); !ok {
			a.mu.Unlock()
			return app.Errorf("service.not_found", nil)
		}
	}
	a.company = number
	c := a.client.ForCompany(number)
	a.mu.Unlock()
	a.desk.SetService(c)
	st, err := a.settings.Settings()
	if err != nil {
		return err
	}
	st.Company = number
	return a.settings.SaveSettings(st)
}

// Service is the API client working for the current company.
func (a *Account) Service() *api.Client {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.client.ForCompany(a.company)
}

// Staff lists the company's people and their access (main access manager).
func (a *Account) Staff(ctx context.Context) ([]app.Member, error) {
	return a.Service().Staff(ctx)
}

// SetAccess grants or revokes a member's access (main access manager).
func (a *Account) SetAccess(ctx context.Context, id string, access bool) (app.Member, error) {
	return a.Service().SetAccess(ctx, id, access)
}

// Lookup asks the register whether it knows the worker on a form.
func (a *Account) Lookup(ctx context.Context, doc app.Document, p app.Person) (app.Known, error) {
	return a.Service().Lookup(ctx, doc, p)
}
