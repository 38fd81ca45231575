package mail

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"

	"github.com/idpro/idpro/app"
)

func TestSMTPPlainEveryLanguage(t *testing.T) {
	srv, cfg := startServer(t, NoTLS, "", "")
	sender, err := NewSMTP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		m := message(lang, app.InfoRequested)
		m.To = lang + "@example.be"
		m.Question = "?"
		if err := sender.Send(context.Background(), m); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
	}
	got := srv.messages()
	if len(got) != len(Languages) {
		t.Fatalf("server received %d messages, want %d", len(got), len(Languages))
	}
	for i, lang := range Languages {
		checkReceived(t, got[i], lang+"@example.be", lang)
	}
}

func TestSMTPStartTLS(t *testing.T) {
	srv, cfg := startServer(t, StartTLS, "", "")
	send(t, cfg, message("nl", app.Allocated))
	checkReceived(t, only(t, srv), "hr@example.be", "nl")
}

func TestSMTPImplicitTLS(t *testing.T) {
	srv, cfg := startServer(t, ImplicitTLS, "", "")
	send(t, cfg, message("de", app.Rejected))
	checkReceived(t, only(t, srv), "hr@example.be", "de")
}

func TestSMTPAuth(t *testing.T) {
	for _, auth := range []Auth{AuthPlain, AuthLogin} {
		t.Run(string(auth), func(t *testing.T) {
			srv, cfg := startServer(t, StartTLS, "sandbox", "s3cret&pass")
			cfg.Username, cfg.Password, cfg.Auth = "sandbox", "s3cret&pass", auth
			send(t, cfg, message("fr", app.Received))
			checkReceived(t, only(t, srv), "hr@example.be", "fr")
			if want := strings.ToUpper(string(auth)); len(srv.authed) != 1 || srv.authed[0] != want {
				t.Errorf("authenticated by %q, want %s", srv.authed, want)
			}
		})
	}
}

func TestSMTPAuthRefused(t *testing.T) {
	for name, password := range map[string]string{"wrong password": "guess", "no credentials": ""} {
		t.Run(name, func(t *testing.T) {
			srv, cfg := startServer(t, StartTLS, "sandbox", "s3cret")
			if password != "" {
				cfg.Username, cfg.Password = "sandbox", password
			}
			sender, err := NewSMTP(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if err := sender.Send(context.Background(), message("en", app.Received)); err == nil {
				t.Fatal("Send succeeded")
			} else if strings.Contains(err.Error(), password) && password != "" {
				t.Errorf("the error shows the password: %v", err)
			}
			if n := len(srv.messages()); n != 0 {
				t.Errorf("server accepted %d messages", n)
			}
		})
	}
}

// TestSMTPStartTLSMandatory: a server that does not offer STARTTLS gets
// nothing rather than a message in the clear.
func TestSMTPStartTLSMandatory(t *testing.T) {
	srv, cfg := startServer(t, NoTLS, "", "")
	cfg.TLS = StartTLS
	sender, err := NewSMTP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sender.Send(context.Background(), message("en", app.Received)); err == nil {
		t.Fatal("sent without TLS")
	}
	if n := len(srv.messages()); n != 0 {
		t.Errorf("server accepted %d messages", n)
	}
}

func TestSMTPUntrustedCertificate(t *testing.T) {
	_, cfg := startServer(t, ImplicitTLS, "", "")
	cfg.TLSConfig = nil // the system's roots do not know the test's certificate
	sender, err := NewSMTP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sender.Send(context.Background(), message("en", app.Received)); err == nil {
		t.Fatal("sent to a server whose certificate nobody vouches for")
	}
}

func TestSMTPContextCancelled(t *testing.T) {
	_, cfg := startServer(t, NoTLS, "", "")
	sender, err := NewSMTP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sender.Send(ctx, message("en", app.Received)); err == nil {
		t.Fatal("sent with a cancelled context")
	}
}

func send(t *testing.T, cfg Config, m Message) {
	t.Helper()
	sender, err := NewSMTP(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sender.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
}

func only(t *testing.T, srv *server) envelope {
	t.Helper()
	got := srv.messages()
	if len(got) != 1 {
		t.Fatalf("server received %d messages, want 1", len(got))
	}
	return got[0]
}

// checkReceived checks a message as the requester's mail program sees it:
// envelope and header recipient, the subject and both parts in the
// language, the reference and initials in each, and none of the worker's
// personal data anywhere.
func checkReceived(t *testing.T, env envelope, to, lang string) {
	t.Helper()
	if len(env.to) != 1 || env.to[0] != to || env.from != "noreply@sandbox.example" {
		t.Errorf("envelope from %q to %q, want noreply@sandbox.example to %s", env.from, env.to, to)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(env.data))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := msg.Header.AddressList("To"); len(got) != 1 || got[0].Address != to {
		t.Errorf("To: %v, want %s", got, to)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || !strings.Contains(subject, words[lang].subject) || !strings.Contains(subject, "BIS-100001") {
		t.Errorf("subject %q (%v) is not the %s one", subject, err, lang)
	}
	parts := readParts(t, msg)
	for _, ct := range []string{"text/plain", "text/html"} {
		body, ok := parts[ct]
		if !ok {
			t.Errorf("no %s part", ct)
			continue
		}
		for _, want := range []string{words[lang].body, "BIS-100001", "Z. K."} {
			if !strings.Contains(body, want) {
				t.Errorf("%s part lacks %q:\n%s", ct, want, body)
			}
		}
	}
	everything := string(env.data) + subject + parts["text/plain"] + parts["text/html"]
	for _, secret := range worker.secrets {
		if strings.Contains(everything, secret) {
			t.Errorf("the message carries %q", secret)
		}
	}
}

// readParts decodes the multipart/alternative body: content type to text.
func readParts(t *testing.T, msg *mail.Message) map[string]string {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/alternative" {
		t.Fatalf("Content-Type %q (%v), want multipart/alternative", mediaType, err)
	}
	out := map[string]string{}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = p
		if p.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
			r = quotedprintable.NewReader(p)
		}
		body, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		out[ct] = string(body)
	}
}
