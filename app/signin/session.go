package signin

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
)

// Keeper keeps the tokens between runs.
type Keeper interface {
	Load() (*oauth2.Token, error) // nil and no error when there are none
	Save(*oauth2.Token) error
	Clear() error
}

// Session is one user's sign-in to one service.
type Session struct {
	base   string
	keeper Keeper
	hc     *http.Client
	log    *slog.Logger

	mu  sync.Mutex
	src oauth2.TokenSource // nil while signed out
}

// New returns a signed-out session for the service at base. hc makes the
// calls to the token endpoint and carries the API calls (nil: a client
// with a 60 s timeout).
func New(base string, keeper Keeper, hc *http.Client, log *slog.Logger) *Session {
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Session{base: strings.TrimRight(base, "/"), keeper: keeper, hc: hc, log: log}
}

func (s *Session) config(redirect string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:    api.ClientID,
		RedirectURL: redirect,
		Endpoint: oauth2.Endpoint{
			AuthURL:   s.base + api.PathAuthorize,
			TokenURL:  s.base + api.PathToken,
			AuthStyle: oauth2.AuthStyleInParams, // a public client: no secret
		},
	}
}

// Resume signs in again with the tokens kept from an earlier run; it tells
// whether there were any.
func (s *Session) Resume() bool {
	tok, err := s.keeper.Load()
	if err != nil || tok == nil || tok.RefreshToken == "" {
		if err != nil {
			s.log.Warn("kept sign-in unreadable", "err", err)
		}
		return false
	}
	s.use(tok)
	return true
}

// use starts refreshing from tok, keeping every rotated pair.
func (s *Session) use(tok *oauth2.Token) {
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, s.hc)
	src := &keeping{s: s, src: s.config("").TokenSource(ctx, tok), last: tok.RefreshToken}
	s.mu.Lock()
	s.src = oauth2.ReuseTokenSource(tok, src)
	s.mu.Unlock()
}

// SignedIn tells whether the session holds tokens.
func (s *Session) SignedIn() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.src != nil
}

// drop forgets the tokens (sign-out, or a refresh the service refused).
func (s *Session) drop() {
	s.mu.Lock()
	s.src = nil
	s.mu.Unlock()
	if err := s.keeper.Clear(); err != nil {
		s.log.Warn("could not clear the kept sign-in", "err", err)
	}
}

// SignOut revokes the sign-in at the service (RFC 7009) and forgets it
// here. The tokens are forgotten even when the service cannot be reached.
func (s *Session) SignOut(ctx context.Context) error {
	s.mu.Lock()
	src := s.src
	s.mu.Unlock()
	if src == nil {
		return nil
	}
	tok, err := src.Token()
	s.drop()
	if err != nil {
		return nil // already unusable at the service
	}
	form := url.Values{"token": {tok.RefreshToken}, "token_type_hint": {"refresh_token"}, "client_id": {api.ClientID}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+api.PathRevoke, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.hc.Do(req)
	if err != nil {
		return app.Errorf("service.unreachable", fmt.Errorf("%w: %w", app.ErrUnreachable, err), "url", s.base)
	}
	resp.Body.Close()
	return nil
}

// token is the current access token, refreshed when due.
func (s *Session) token() (*oauth2.Token, error) {
	s.mu.Lock()
	src := s.src
	s.mu.Unlock()
	if src == nil {
		return nil, app.Errorf("auth.required", app.ErrSignInRequired)
	}
	tok, err := src.Token()
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		// The service refused the refresh token (revoked, expired or
		// reused): the sign-in is over.
		s.log.Info("sign-in ended by the service", "error", re.ErrorCode)
		s.drop()
		return nil, app.Errorf("auth.expired", fmt.Errorf("%w: %s", app.ErrSignInRequired, re.ErrorCode))
	}
	if err != nil {
		return nil, app.Errorf("service.unreachable", fmt.Errorf("%w: %w", app.ErrUnreachable, err), "url", s.base)
	}
	return tok, nil
}

// keeping saves each new token pair the service rotates to.
type keeping struct {
	s    *Session
	src  oauth2.TokenSource
	mu   sync.Mutex
	last string
}

func (k *keeping) Token() (*oauth2.Token, error) {
	tok, err := k.src.Token()
	if err != nil {
		return nil, err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if tok.RefreshToken != k.last {
		k.last = tok.RefreshToken
		if err := k.s.keeper.Save(tok); err != nil {
			k.s.log.Warn("could not keep the refreshed sign-in", "err", err)
		}
	}
	return tok, nil
}

// expire makes the next call refresh tok's access token.
func (s *Session) expire(tok *oauth2.Token) {
	s.mu.Lock()
	live := s.src != nil
	s.mu.Unlock()
	if live {
		s.use(&oauth2.Token{RefreshToken: tok.RefreshToken, Expiry: time.Unix(1, 0)})
	}
}
