package signin

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"time"

	"golang.org/x/oauth2"

	"github.com/idpro/idpro/app"
)

// CallbackPath is where the browser comes back to the app.
const CallbackPath = "/callback"

// SignIn runs the sign-in: it listens on a free loopback port, hands the
// service's sign-in address to open (the system browser; the UI also
// shows it with a copy button for when no browser opens), waits for the
// browser to come back with a code, and exchanges it with the PKCE
// verifier. lang asks the sign-in page for a language (nl, fr, de, en).
func (s *Session) SignIn(ctx context.Context, lang string, open func(url string)) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return app.Errorf("signin.listen", err)
	}
	defer l.Close()
	conf := s.config(fmt.Sprintf("http://%s%s", l.Addr(), CallbackPath))
	verifier, state := oauth2.GenerateVerifier(), randomState()
	got := make(chan answer, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+CallbackPath, callback(state, lang, got))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
	// Shutdown, not Close: the browser's tab must get the whole "you may
	// close this tab" page, which is still being written when the code
	// arrives on got.
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if srv.Shutdown(sctx) != nil {
			srv.Close()
		}
	}()

	open(conf.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("ui_locales", lang)))
	var a answer
	select {
	case <-ctx.Done():
		return app.Errorf("signin.cancelled", ctx.Err())
	case a = <-got:
	}
	if a.err != "" || a.code == "" {
		return app.Errorf("signin.refused", errors.New(a.err))
	}
	xctx := context.WithValue(ctx, oauth2.HTTPClient, s.hc)
	tok, err := conf.Exchange(xctx, a.code, oauth2.VerifierOption(verifier))
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			return app.Errorf("signin.refused", err)
		}
		return app.Errorf("service.unreachable", fmt.Errorf("%w: %w", app.ErrUnreachable, err), "url", s.base)
	}
	if err := s.keeper.Save(tok); err != nil {
		s.log.Warn("sign-in not kept for the next start", "err", err)
	}
	s.use(tok)
	return nil
}

// answer is what the browser brought back: a code, or the service's error.
type answer struct{ code, err string }

// callback takes the browser back from the sign-in page: the first
// answer that carries this sign-in's state goes to got, and the browser
// is told it may close the tab. Anything else (an old tab, a forged
// link) gets a 400 and is not heard.
func callback(state, lang string, got chan<- answer) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("state") != state {
			http.Error(w, "unknown sign-in", http.StatusBadRequest)
			return
		}
		a := answer{code: q.Get("code"), err: q.Get("error")}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, donePage(lang, a.err == ""))
		select {
		case got <- a:
		default:
		}
	}
}

func randomState() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:])
}

var donePages = map[string][2]string{
	"en": {"You are signed in to idpro. You can close this tab.", "Signing in did not succeed. Return to idpro to try again."},
	"nl": {"U bent aangemeld bij idpro. U kunt dit tabblad sluiten.", "Aanmelden is niet gelukt. Ga terug naar idpro om opnieuw te proberen."},
	"fr": {"Vous êtes connecté à idpro. Vous pouvez fermer cet onglet.", "La connexion n'a pas abouti. Revenez à idpro pour réessayer."},
	"de": {"Sie sind bei idpro angemeldet. Sie können diesen Tab schließen.", "Die Anmeldung ist nicht gelungen. Kehren Sie zu idpro zurück, um es erneut zu versuchen."},
}

// donePage is what the browser shows once it came back to the app.
func donePage(lang string, ok bool) string {
	t, found := donePages[lang]
	if !found {
		t = donePages["en"]
	}
	msg := t[1]
	if ok {
		msg = t[0]
	}
	return `<!DOCTYPE html><html lang="` + html.EscapeString(lang) + `"><meta charset="utf-8"><title>idpro</title><body style="font-family:sans-serif;margin:3rem"><p id="done">` + html.EscapeString(msg) + `</p></body></html>`
}
