package sandbox_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
)

// Each key users know signs in the person it belongs to; a wrong one is
// refused on the form and no token comes back.
func TestSignInWithEachKey(t *testing.T) {
	s := start(t)
	cases := []struct{ method, login, secret, who string }{
		{"eid", sandbox.DemoPeople[0].NationalNumber, sandbox.DemoPIN, "An Peeters"},
		{"eid", app.INSZ(sandbox.DemoPeople[0].NationalNumber).String(), sandbox.DemoPIN, "An Peeters"},
		{"itsme", "+32 470 00 00 04", "", "Marc Lambert"},
		{"code", sofie, sandbox.DemoCode, "Sofie Wouters"},
	}
	for _, c := range cases {
		ss := signin.New(s.URL, signin.Memory(), sandboxtest.HTTP(t), nil)
		if err := s.SignIn(ss, c.method, c.login, c.secret); err != nil {
			t.Fatalf("%s %s: %v", c.method, c.login, err)
		}
		cl, _ := api.New(s.URL, ss.Client())
		id, err := cl.Me(context.Background())
		if err != nil || id.Name != c.who {
			t.Errorf("%s %s: signed in as %+v, %v; want %s", c.method, c.login, id, err, c.who)
		}
	}
	for _, bad := range [][3]string{{"eid", sandbox.DemoPeople[0].NationalNumber, "9999"}, {"code", sofie, "000000"}, {"itsme", "+32499999999", ""}} {
		ss := signin.New(s.URL, signin.Memory(), sandboxtest.HTTP(t), nil)
		if err := s.SignIn(ss, bad[0], bad[1], bad[2]); err == nil || ss.SignedIn() {
			t.Errorf("%v: signed in", bad)
		}
	}
}

// Bram works for two companies and picks one; each company says his role.
func TestIdentityListsCompanies(t *testing.T) {
	s := start(t)
	cl, _ := api.New(s.URL, s.Session(bram).Client())
	id, err := cl.Me(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(id.Companies) != 2 {
		t.Fatalf("companies %+v", id.Companies)
	}
	for _, c := range id.Companies {
		if c.Role != app.Staff || !c.Access {
			t.Errorf("%+v", c)
		}
	}
	if _, err := api.New(s.URL, sandboxtest.HTTP(t)); err != nil {
		t.Fatal(err)
	}
	anon, _ := api.New(s.URL, sandboxtest.HTTP(t))
	if _, err := anon.Me(context.Background()); !errors.Is(err, app.ErrSignInRequired) {
		t.Errorf("no token: %v", err)
	}
}

// The token endpoint holds PKCE to its word: the verifier must match the
// challenge, a code is used once, and only a loopback redirect is served.
func TestPKCE(t *testing.T) {
	s := start(t)
	hc := sandboxtest.HTTP(t)
	verifier := strings.Repeat("v", 50)
	sum := sha256.Sum256([]byte(verifier))
	redirect := "http://127.0.0.1:9/callback"
	auth := s.URL + api.PathAuthorize + "?" + url.Values{"response_type": {"code"}, "client_id": {api.ClientID},
		"redirect_uri": {redirect}, "state": {"st"}, "code_challenge_method": {"S256"},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}}.Encode()
	code := codeFor(t, s, auth)
	exchange := func(code, verifier string) int {
		resp, err := hc.PostForm(s.URL+api.PathToken, url.Values{"grant_type": {"authorization_code"}, "client_id": {api.ClientID},
			"code": {code}, "code_verifier": {verifier}, "redirect_uri": {redirect}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := exchange(code, strings.Repeat("w", 50)); st != http.StatusBadRequest {
		t.Errorf("wrong verifier: HTTP %d", st)
	}
	code = codeFor(t, s, auth)
	if st := exchange(code, verifier); st != http.StatusOK {
		t.Errorf("right verifier: HTTP %d", st)
	}
	if st := exchange(code, verifier); st != http.StatusBadRequest {
		t.Errorf("code used twice: HTTP %d", st)
	}
	noFollow := *hc
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	evil := strings.Replace(auth, url.QueryEscape(redirect), url.QueryEscape("http://evil.example/cb"), 1)
	resp, err := noFollow.Get(evil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Location") != "" {
		t.Errorf("foreign redirect: HTTP %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// codeFor signs Sofie in on the page at auth and returns the code the
// browser is sent back with.
func codeFor(t *testing.T, s *sandboxtest.Server, auth string) string {
	t.Helper()
	hc := sandboxtest.HTTP(t)
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	page, err := hc.Get(auth)
	if err != nil {
		t.Fatal(err)
	}
	defer page.Body.Close()
	buf := new(strings.Builder)
	_, _ = io.Copy(buf, page.Body)
	flow := between(buf.String(), `name="flow" value="`, `"`)
	resp, err := hc.PostForm(s.URL+api.PathAuthorize, url.Values{"flow": {flow}, "method": {"code"}, "login": {sofie}, "secret": {sandbox.DemoCode}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || loc.Query().Get("state") != "st" || loc.Query().Get("code") == "" {
		t.Fatalf("redirect %q", resp.Header.Get("Location"))
	}
	return loc.Query().Get("code")
}

func between(s, a, b string) string {
	_, rest, _ := strings.Cut(s, a)
	v, _, _ := strings.Cut(rest, b)
	return v
}

// Access tokens are short-lived: calls go on through refreshes, each
// refresh token works once, a replayed one ends the sign-in, and signing
// out revokes it at the service.
func TestRefreshRotationAndRevocation(t *testing.T) {
	clock := now
	s := sandboxtest.Start(t, "", sandbox.Options{Now: func() time.Time { return clock }, AccessTTL: time.Minute})
	keeper := signin.Memory()
	ss := signin.New(s.URL, keeper, sandboxtest.HTTP(t), nil)
	if err := s.SignIn(ss, "code", bram, sandbox.DemoCode); err != nil {
		t.Fatal(err)
	}
	first, _ := keeper.Load()
	cl, _ := api.New(s.URL, ss.Client())
	ctx := context.Background()
	for i := range 3 {
		clock = clock.Add(2 * time.Minute) // the access token has expired
		if _, err := cl.Me(ctx); err != nil {
			t.Fatalf("call %d after expiry: %v", i, err)
		}
	}
	latest, _ := keeper.Load()
	if latest.RefreshToken == first.RefreshToken {
		t.Fatal("the refresh token did not rotate")
	}
	// Someone replays the first refresh token: the whole sign-in ends.
	resp, err := sandboxtest.HTTP(t).PostForm(s.URL+api.PathToken, url.Values{"grant_type": {"refresh_token"},
		"client_id": {api.ClientID}, "refresh_token": {first.RefreshToken}})
	if err != nil {
		t.Fatal(err)
	}
	var oe struct{ Error string }
	json.NewDecoder(resp.Body).Decode(&oe)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || oe.Error != "invalid_grant" {
		t.Fatalf("replayed refresh token: HTTP %d %s", resp.StatusCode, oe.Error)
	}
	clock = clock.Add(2 * time.Minute)
	if _, err := cl.Me(ctx); !errors.Is(err, app.ErrSignInRequired) || ss.SignedIn() {
		t.Fatalf("after the replay: %v, signed in %v", err, ss.SignedIn())
	}

	// A new sign-in, then sign-out: the service forgets the tokens.
	if err := s.SignIn(ss, "code", bram, sandbox.DemoCode); err != nil {
		t.Fatal(err)
	}
	kept, _ := keeper.Load()
	if err := ss.SignOut(ctx); err != nil {
		t.Fatal(err)
	}
	if k, _ := keeper.Load(); k != nil {
		t.Error("tokens kept after sign-out")
	}
	stolen := &http.Client{Transport: &bearerOnly{token: kept.AccessToken}}
	thief, _ := api.New(s.URL, stolen)
	if _, err := thief.Me(ctx); !errors.Is(err, app.ErrSignInRequired) {
		t.Errorf("revoked access token still works: %v", err)
	}
}

type bearerOnly struct{ token string }

func (b *bearerOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(r)
}

// The browser always gets the app's whole closing page, however fast the
// app goes on once the code is in (it used to close the connection under
// the page now and then).
func TestBrowserGetsTheWholeClosingPage(t *testing.T) {
	s := start(t)
	for i := range 40 {
		ss := signin.New(s.URL, signin.Memory(), sandboxtest.HTTP(t), nil)
		if err := s.SignIn(ss, "code", sofie, sandbox.DemoCode); err != nil {
			t.Fatalf("sign-in %d: %v", i, err)
		}
	}
}
