package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	bolt "go.etcd.io/bbolt"
)

// access is an access token's record; refresh a refresh token's. Tokens of
// one sign-in share a family: a refresh token used twice (stolen, or a
// replay) revokes the whole family (OAuth 2.0 Security BCP 4.14).
type access struct {
	Person  string    `json:"person"`
	Family  string    `json:"family"`
	Expires time.Time `json:"expires"`
}

type refresh struct {
	access
	Used bool `json:"used"`
}

// tokenAnswer is RFC 6749 5.1's answer.
type tokenAnswer struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	RefreshToken string `json:"refresh_token"`
}

// token is POST /oauth/token: an authorization code with its PKCE verifier,
// or a refresh token, for a new pair of tokens. Errors follow RFC 6749 5.2,
// which OAuth clients expect, not the API's problem details.
func (s *Sandbox) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, "invalid_request")
		return
	}
	if id := r.PostForm.Get("client_id"); id != api.ClientID {
		oauthError(w, "invalid_client")
		return
	}
	var ans tokenAnswer
	var problem string
	err := s.db.Update(func(tx *bolt.Tx) error {
		var pid, family string
		switch r.PostForm.Get("grant_type") {
		case "authorization_code":
			pid, problem = s.redeemCode(tx, r)
			family = randomToken()
		case "refresh_token":
			pid, family, problem = s.rotate(tx, r.PostForm.Get("refresh_token"))
		default:
			problem = "unsupported_grant_type"
		}
		if problem != "" {
			return nil
		}
		var err error
		ans, err = s.issue(tx, pid, family)
		return err
	})
	switch {
	case err != nil:
		oauthError(w, "server_error")
	case problem != "":
		oauthError(w, problem)
	default:
		w.Header().Set("Cache-Control", "no-store")
		writeJSON(w, http.StatusOK, ans)
	}
}

func (s *Sandbox) redeemCode(tx *bolt.Tx, r *http.Request) (string, string) {
	codes := tx.Bucket(bucketCodes)
	key := hashToken(r.PostForm.Get("code"))
	var g grant
	if !getJSON(codes, key, &g) {
		return "", "invalid_grant"
	}
	if err := codes.Delete([]byte(key)); err != nil { // single use
		return "", "server_error"
	}
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	switch {
	case s.now().After(g.Expires):
		return "", "invalid_grant"
	case r.PostForm.Get("redirect_uri") != g.Redirect:
		return "", "invalid_grant"
	case base64.RawURLEncoding.EncodeToString(sum[:]) != g.Challenge:
		return "", "invalid_grant"
	}
	return g.Person, ""
}

// rotate spends a refresh token: it can be used once.
func (s *Sandbox) rotate(tx *bolt.Tx, token string) (string, string, string) {
	b := tx.Bucket(bucketRefresh)
	key := hashToken(token)
	var rf refresh
	if !getJSON(b, key, &rf) {
		return "", "", "invalid_grant"
	}
	if rf.Used {
		s.log.Warn("refresh token reused: sign-in revoked")
		_ = s.revokeFamily(tx, rf.Family)
		return "", "", "invalid_grant"
	}
	if s.now().After(rf.Expires) {
		return "", "", "invalid_grant"
	}
	rf.Used = true
	if putJSON(b, key, rf) != nil {
		return "", "", "server_error"
	}
	return rf.Person, rf.Family, ""
}

func (s *Sandbox) issue(tx *bolt.Tx, pid, family string) (tokenAnswer, error) {
	now := s.now()
	at, rt := randomToken(), randomToken()
	a := access{Person: pid, Family: family, Expires: now.Add(s.opt.AccessTTL)}
	if err := putJSON(tx.Bucket(bucketTokens), hashToken(at), a); err != nil {
		return tokenAnswer{}, err
	}
	rf := refresh{access: access{Person: pid, Family: family, Expires: now.Add(s.opt.RefreshTTL)}}
	if err := putJSON(tx.Bucket(bucketRefresh), hashToken(rt), rf); err != nil {
		return tokenAnswer{}, err
	}
	return tokenAnswer{AccessToken: at, TokenType: "Bearer", ExpiresIn: int(s.opt.AccessTTL / time.Second), RefreshToken: rt}, nil
}

// revoke is POST /oauth/revoke (RFC 7009): the token's whole sign-in ends.
// It answers 200 whatever the token, as the RFC asks.
func (s *Sandbox) revoke(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, "invalid_request")
		return
	}
	key := hashToken(r.PostForm.Get("token"))
	_ = s.db.Update(func(tx *bolt.Tx) error {
		var a access
		if getJSON(tx.Bucket(bucketTokens), key, &a) || getJSON(tx.Bucket(bucketRefresh), key, &a) {
			return s.revokeFamily(tx, a.Family)
		}
		return nil
	})
	w.WriteHeader(http.StatusOK)
}

// revokeFamily deletes every token of one sign-in.
func (s *Sandbox) revokeFamily(tx *bolt.Tx, family string) error {
	for _, name := range [][]byte{bucketTokens, bucketRefresh} {
		b := tx.Bucket(name)
		var dead [][]byte
		_ = b.ForEach(func(k, v []byte) error {
			var a access
			if getJSON(b, string(k), &a) && a.Family == family {
				dead = append(dead, k)
			}
			return nil
		})
		for _, k := range dead {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
	return nil
}

func oauthError(w http.ResponseWriter, code string) {
	status := http.StatusBadRequest
	if code == "invalid_client" {
		status = http.StatusUnauthorized
	}
	if code == "server_error" {
		status = http.StatusInternalServerError
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]string{"error": code})
}

type ctxKey int

const callerKey ctxKey = 0

// caller is the signed-in person behind a call.
type caller struct {
	person
	company string
	role    app.Role
}

func callerOf(r *http.Request) caller { c, _ := r.Context().Value(callerKey).(caller); return c }

// signedIn lets a call through with a live access token.
func (s *Sandbox) signedIn(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		var a access
		var p person
		found := false
		_ = s.db.View(func(tx *bolt.Tx) error {
			if ok && getJSON(tx.Bucket(bucketTokens), hashToken(strings.TrimSpace(tok)), &a) {
				p, found = s.personByID(tx, a.Person)
			}
			return nil
		})
		switch {
		case !found:
			w.Header().Set("WWW-Authenticate", `Bearer realm="belgianIDpro"`)
			writeProblem(w, r, http.StatusUnauthorized, "auth.required", nil)
			return
		case s.now().After(a.Expires):
			w.Header().Set("WWW-Authenticate", `Bearer realm="belgianIDpro", error="invalid_token"`)
			writeProblem(w, r, http.StatusUnauthorized, "auth.expired", nil)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), callerKey, caller{person: p})))
	})
}

// member lets a call through for a staff member of the path's company
// (its enterprise number, written with or without separators)
// whom the main access manager gave access (managerOnly: the manager
// alone). A company the caller does not belong to does not exist for
// them: 404, as for an unknown one. Access is read at every call, so a
// revocation takes effect on the next one.
func (s *Sandbox) member(managerOnly bool, h http.HandlerFunc) http.Handler {
	return s.signedIn(func(w http.ResponseWriter, r *http.Request) {
		c := callerOf(r)
		number, err := app.ParseEnterprise(r.PathValue("company"))
		var m membership
		ok := false
		if err == nil {
			_ = s.db.View(func(tx *bolt.Tx) error { m, ok = s.membership(tx, number, c.ID); return nil })
		}
		switch {
		case !ok:
			writeProblem(w, r, http.StatusNotFound, "service.not_found", nil)
			return
		case managerOnly && m.Role != app.Manager:
			writeProblem(w, r, http.StatusForbidden, "access.manager_only", nil)
			return
		case !m.Access && m.Role != app.Manager:
			writeProblem(w, r, http.StatusForbidden, "access.not_granted", nil)
			return
		}
		c.company, c.role = number, m.Role
		h(w, r.WithContext(context.WithValue(r.Context(), callerKey, c)))
	})
}
