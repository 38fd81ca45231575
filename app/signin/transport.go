package signin

import (
	"net/http"

	"golang.org/x/oauth2"
)

// Client returns an HTTP client that sends the session's access token
// with every request. Signed out, its requests fail with an error that
// wraps app.ErrSignInRequired, without reaching the network.
func (s *Session) Client() *http.Client {
	return &http.Client{Timeout: s.hc.Timeout, Transport: &bearer{s: s, base: s.hc.Transport}}
}

type bearer struct {
	s    *Session
	base http.RoundTripper
}

func (b *bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	tok, err := b.s.token()
	if err != nil {
		if r.Body != nil {
			r.Body.Close()
		}
		return nil, err
	}
	resp, err := b.send(r, tok)
	if err != nil || resp.StatusCode != http.StatusUnauthorized || (r.Body != nil && r.GetBody == nil) {
		return resp, err
	}
	// The service no longer takes the access token (it expired early by
	// the service's clock, or was revoked): refresh once and try again.
	b.s.expire(tok)
	if tok, err = b.s.token(); err != nil {
		return resp, nil
	}
	if r.GetBody != nil {
		body, err := r.GetBody()
		if err != nil {
			return resp, nil
		}
		r = r.Clone(r.Context())
		r.Body = body
	}
	resp.Body.Close()
	return b.send(r, tok)
}

func (b *bearer) send(r *http.Request, tok *oauth2.Token) (*http.Response, error) {
	r2 := r.Clone(r.Context())
	tok.SetAuthHeader(r2)
	base := b.base
	if base == nil {
		base = http.DefaultTransport
	}
	return base.RoundTrip(r2)
}
