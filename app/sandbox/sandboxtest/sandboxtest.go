// Package sandboxtest runs the sandbox on loopback for tests and signs
// demo people in through the real sign-in: the app's loopback redirect,
// the sign-in form filled over HTTP as a browser would, the code
// exchanged with PKCE. All traffic to the sandbox is checked against the
// API's contract (app/api/contract); a mismatch fails the test.
package sandboxtest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/api/contract"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/signin"
)

// Server is a sandbox served on 127.0.0.1.
type Server struct {
	URL     string
	Sandbox *sandbox.Sandbox
	t       testing.TB
	srv     *httptest.Server
}

// Start serves a sandbox with a fresh data file (path "" for one in a
// temporary directory) until the test ends.
func Start(t testing.TB, path string, opt sandbox.Options) *Server {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "sandbox.db")
	}
	sb, err := sandbox.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{URL: "", Sandbox: sb, t: t, srv: httptest.NewServer(sb)}
	s.URL = s.srv.URL
	t.Cleanup(s.Close)
	return s
}

// Close stops the server and closes the data file (a restart, in a test).
func (s *Server) Close() {
	s.srv.Close()
	s.Sandbox.Close()
}

// HTTP is an HTTP client whose traffic is checked against the contract.
func HTTP(t testing.TB) *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: contract.Transport(nil, func(err error) {
		t.Helper()
		t.Error(err)
	})}
}

// Session signs a demo person in by security code (their e-mail) and
// returns the session.
func (s *Server) Session(email string) *signin.Session {
	s.t.Helper()
	ss := signin.New(s.URL, signin.Memory(), HTTP(s.t), nil)
	if err := s.SignIn(ss, "code", email, sandbox.DemoCode); err != nil {
		s.t.Fatalf("sign-in of %s: %v", email, err)
	}
	return ss
}

// SignIn runs ss's sign-in with the form filled by method, login, secret.
func (s *Server) SignIn(ss *signin.Session, method, login, secret string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	form := make(chan error, 1)
	err := ss.SignIn(ctx, "en", func(u string) {
		go func() {
			err := FillForm(HTTP(s.t), u, method, login, secret)
			if err != nil {
				cancel()
			}
			form <- err
		}()
	})
	if ferr := <-form; ferr != nil {
		return ferr
	}
	return err
}

// Client signs a demo person in and returns an API client for company.
func (s *Server) Client(email, company string) *api.Client {
	s.t.Helper()
	c, err := api.New(s.URL, s.Session(email).Client())
	if err != nil {
		s.t.Fatal(err)
	}
	return c.ForCompany(company)
}

var flowField = regexp.MustCompile(`name="flow" value="([^"]+)"`)

// FillForm does what a person does in the browser: opens the sign-in
// address, fills in the keys and sends the form, then follows the
// redirect back to the app (outside the contract: the app's own address).
func FillForm(hc *http.Client, authURL, method, login, secret string) error {
	page, err := hc.Get(authURL)
	if err != nil {
		return err
	}
	html, _ := io.ReadAll(page.Body)
	page.Body.Close()
	m := flowField.FindSubmatch(html)
	if m == nil {
		return fmt.Errorf("no sign-in form (HTTP %d)", page.StatusCode)
	}
	u, _ := url.Parse(authURL)
	u.RawQuery = ""
	noFollow := *hc
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noFollow.PostForm(u.String(), url.Values{"flow": {string(m[1])}, "method": {method}, "login": {login}, "secret": {secret}})
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		if strings.Contains(string(body), `id="error"`) {
			return fmt.Errorf("sign-in form refused the keys")
		}
		return fmt.Errorf("sign-in form answered HTTP %d", resp.StatusCode)
	}
	// The browser must get the app's whole "you may close this tab" page.
	back, err := http.Get(resp.Header.Get("Location"))
	if err != nil {
		return err
	}
	defer back.Body.Close()
	if _, err := io.ReadAll(back.Body); err != nil {
		return fmt.Errorf("the app's page came back cut: %w", err)
	}
	if back.StatusCode != http.StatusOK {
		return fmt.Errorf("the app answered the browser HTTP %d", back.StatusCode)
	}
	return nil
}
