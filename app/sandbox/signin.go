package sandbox

import (
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	bolt "go.etcd.io/bbolt"
)

// Sign-in keys, as the social security's users know them.
const (
	methodEID   = "eid"   // eID or foreigner's eID with a card reader: card number + PIN
	methodItsme = "itsme" // itsme: phone number, approved in the app
	methodCode  = "code"  // security code by app, SMS or e-mail
)

// flowTTL is how long a sign-in page stays usable; codeTTL how long its
// authorization code may wait for the app to exchange it (RFC 6749 advises
// at most 10 minutes; the app exchanges it at once).
const (
	flowTTL = 15 * time.Minute
	codeTTL = 2 * time.Minute
)

// flow is a sign-in page shown and not yet answered: the app's OAuth
// parameters stay on the server, so the form cannot alter them.
type flow struct {
	ClientID  string    `json:"client_id"`
	Redirect  string    `json:"redirect_uri"`
	State     string    `json:"state"`
	Challenge string    `json:"challenge"`
	Lang      string    `json:"lang"`
	Expires   time.Time `json:"expires"`
}

// grant is an authorization code waiting to be exchanged.
type grant struct {
	flow
	Person string `json:"person"`
}

//go:embed web/signin.html
var web embed.FS

var signinPage = template.Must(template.ParseFS(web, "web/signin.html"))

// authorizePage is GET /oauth/authorize: checks the app's request
// (RFC 6749 4.1.1, PKCE S256, a loopback redirect per RFC 8252) and shows
// the sign-in form.
func (s *Sandbox) authorizePage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	lang := pageLang(q.Get("ui_locales"), r.Header.Get("Accept-Language"))
	f := flow{ClientID: q.Get("client_id"), Redirect: q.Get("redirect_uri"), State: q.Get("state"),
		Challenge: q.Get("code_challenge"), Lang: lang, Expires: s.now().Add(flowTTL)}
	switch {
	case f.ClientID != api.ClientID || !loopbackRedirect(f.Redirect):
		// Never redirect to an address the app did not register.
		s.renderSignin(w, http.StatusBadRequest, lang, "", "bad_request")
		return
	case q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" || len(f.Challenge) < 43 || f.State == "":
		redirectError(w, r, f, "invalid_request")
		return
	}
	id := randomToken()
	err := s.db.Update(func(tx *bolt.Tx) error { return putJSON(tx.Bucket(bucketFlows), id, f) })
	if err != nil {
		s.renderSignin(w, http.StatusInternalServerError, lang, "", "internal")
		return
	}
	s.renderSignin(w, http.StatusOK, lang, id, "")
}

// authorize is POST /oauth/authorize: the form's answer. Right keys send
// the browser back to the app with a code; wrong ones show the form again.
func (s *Sandbox) authorize(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.renderSignin(w, http.StatusBadRequest, "en", "", "bad_request")
		return
	}
	id := r.PostForm.Get("flow")
	var f flow
	var pid string
	err := s.db.Update(func(tx *bolt.Tx) error {
		if !getJSON(tx.Bucket(bucketFlows), id, &f) || s.now().After(f.Expires) {
			return errNoFlow
		}
		if r.PostForm.Get("cancel") != "" {
			return tx.Bucket(bucketFlows).Delete([]byte(id))
		}
		var ok bool
		if pid, ok = s.checkKeys(tx, r.PostForm.Get("method"), r.PostForm.Get("login"), r.PostForm.Get("secret")); !ok {
			return errWrongKeys
		}
		if err := tx.Bucket(bucketFlows).Delete([]byte(id)); err != nil {
			return err
		}
		return nil
	})
	switch {
	case err == errNoFlow:
		s.renderSignin(w, http.StatusBadRequest, "en", "", "expired")
		return
	case err == errWrongKeys:
		s.renderSignin(w, http.StatusOK, f.Lang, id, "wrong_keys")
		return
	case err != nil:
		s.renderSignin(w, http.StatusInternalServerError, f.Lang, "", "internal")
		return
	case pid == "":
		redirectError(w, r, f, "access_denied")
		return
	}
	code := randomToken()
	f.Expires = s.now().Add(codeTTL)
	err = s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketCodes), hashToken(code), grant{flow: f, Person: pid})
	})
	if err != nil {
		s.renderSignin(w, http.StatusInternalServerError, f.Lang, "", "internal")
		return
	}
	s.log.Info("signed in", "method", r.PostForm.Get("method"))
	u, _ := url.Parse(f.Redirect)
	v := u.Query()
	v.Set("code", code)
	v.Set("state", f.State)
	u.RawQuery = v.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

var (
	errNoFlow    = app.Errorf("auth.expired", nil)
	errWrongKeys = app.Errorf("auth.wrong_keys", nil)
)

// checkKeys tells who the keys belong to.
func (s *Sandbox) checkKeys(tx *bolt.Tx, method, login, secret string) (string, bool) {
	if method == methodEID {
		login = strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, login)
	}
	pid := tx.Bucket(bucketLogins).Get([]byte(loginKey(method, login)))
	if pid == nil {
		return "", false
	}
	p, ok := s.personByID(tx, string(pid))
	if !ok {
		return "", false
	}
	switch method {
	case methodEID:
		ok = secret == p.PIN
	case methodCode:
		ok = secret == p.Code
	case methodItsme:
		ok = true // approved in the itsme app, which the sandbox stands in for
	default:
		ok = false
	}
	return p.ID, ok
}

func redirectError(w http.ResponseWriter, r *http.Request, f flow, code string) {
	u, _ := url.Parse(f.Redirect)
	v := u.Query()
	v.Set("error", code)
	v.Set("state", f.State)
	u.RawQuery = v.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

// loopbackRedirect accepts http://127.0.0.1:PORT/... and http://[::1]:PORT/...
// on any port: the app listens on a port of the moment (RFC 8252 7.3).
func loopbackRedirect(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" || u.User != nil || u.Fragment != "" {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback() && u.Port() != ""
}

func randomToken() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// hashToken is how tokens and codes are kept: a copy of the file gives
// nobody a usable token.
func hashToken(t string) string {
	h := sha256.Sum256([]byte(t))
	return base64.RawURLEncoding.EncodeToString(h[:])
}
