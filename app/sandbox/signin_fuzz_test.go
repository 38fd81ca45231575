package sandbox

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idpro/idpro/app/api"
)

// FuzzLoopbackRedirect: an address the sign-in sends a browser back to,
// with a code, must be the app's on this computer (RFC 8252 7.3): plain
// http to a loopback IP literal with a port, no user, no fragment; and the
// address the browser is sent to, with the code added, must still go
// there, so no input turns the sandbox into an open redirect.
func FuzzLoopbackRedirect(f *testing.F) { // seeds: testdata/fuzz/FuzzLoopbackRedirect
	f.Fuzz(func(t *testing.T, raw string) {
		if !loopbackRedirect(raw) {
			return
		}
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "http" || u.User != nil || u.Fragment != "" || u.Port() == "" {
			t.Fatalf("accepted %q: %+v, %v", raw, u, err)
		}
		if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
			t.Fatalf("accepted %q: host %q is not a loopback address", raw, u.Hostname())
		}
		// What authorize and redirectError send the browser to.
		v := u.Query()
		v.Set("code", "c")
		v.Set("state", "s")
		u.RawQuery = v.Encode()
		back, err := url.Parse(u.String())
		if err != nil || back.Scheme != "http" || back.Host != u.Host || back.User != nil {
			t.Fatalf("%q sends the browser to %q (%v)", raw, u.String(), err)
		}
	})
}

// FuzzAuthorize sends the sign-in page any parameters (GET, as the app's
// link or a forged one) and any form (POST, as a browser or a script).
// The sandbox answers a page or a 400, or redirects only to a loopback
// address that the parameters named; it never answers 5xx, never
// reflects a parameter as markup, and signs no one in without their keys.
func FuzzAuthorize(f *testing.F) {
	s, err := Open(filepath.Join(f.TempDir(), "sandbox.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() }) // seeds: testdata/fuzz/FuzzAuthorize
	f.Fuzz(func(t *testing.T, post bool, query string) {
		w := serve(s, post, query)
		body := w.Body.String()
		switch w.Code {
		case http.StatusOK, http.StatusBadRequest:
		case http.StatusSeeOther:
			if post {
				t.Fatalf("a form without a known flow redirected: %s", w.Header().Get("Location"))
			}
			loc, err := url.Parse(w.Header().Get("Location"))
			q, _ := url.ParseQuery(query)
			named, nerr := url.Parse(q.Get("redirect_uri"))
			if err != nil || nerr != nil || loc.Host != named.Host || !loopbackRedirect(named.String()) ||
				loc.Query().Get("error") == "" || loc.Query().Get("code") != "" {
				t.Fatalf("redirected to %q for %q", w.Header().Get("Location"), query)
			}
		default:
			t.Fatalf("%v %q: HTTP %d", post, query, w.Code)
		}
		// A value with markup in it that is on the page, and not on the
		// page for the same query with that value left out, was put there.
		params, _ := url.ParseQuery(query)
		for k, vs := range params {
			for _, v := range vs {
				if !strings.ContainsAny(v, "<>") || !strings.Contains(body, v) {
					continue
				}
				plain := url.Values{}
				for k2, vs2 := range params {
					plain[k2] = vs2
				}
				plain.Set(k, "x")
				if again := serve(s, post, plain.Encode()); !strings.Contains(again.Body.String(), v) {
					t.Fatalf("%s=%q shown as markup", k, v)
				}
			}
		}
	})
}

// serve sends the sign-in page a query (GET) or a form (POST).
func serve(s *Sandbox, post bool, query string) *httptest.ResponseRecorder {
	var r *http.Request
	if post {
		r = httptest.NewRequest(http.MethodPost, api.PathAuthorize, strings.NewReader(query))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		r = httptest.NewRequest(http.MethodGet, api.PathAuthorize, nil)
		r.URL.RawQuery = query
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}
