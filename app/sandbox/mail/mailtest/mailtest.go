// Package mailtest runs a real SMTP server (emersion/go-smtp) on loopback
// for tests of the code that sends status mail: it keeps every message it
// accepts, parsed, until the test ends.
package mailtest

import (
	"errors"
	"io"
	"log"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	idmail "github.com/idpro/idpro/app/sandbox/mail"
)

// Message is one accepted message: its recipients, subject and the text
// of all its parts.
type Message struct {
	To      []string
	Subject string
	Text    string // every text part, decoded, joined
	Raw     []byte
}

// Server is the SMTP server.
type Server struct {
	mu       sync.Mutex
	received []Message
	arrived  chan struct{}
}

// Start serves plain SMTP on 127.0.0.1 and returns the server and the
// sender that reaches it.
func Start(t testing.TB) (*Server, idmail.Sender) {
	t.Helper()
	s := &Server{arrived: make(chan struct{}, 1000)}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ErrorLog = log.New(io.Discard, "", 0)
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	t.Cleanup(func() {
		srv.Close()
		l.Close()
		if err := <-done; err != nil && !errors.Is(err, smtp.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
			t.Errorf("SMTP server: %v", err)
		}
	})
	sender, err := idmail.NewSMTP(idmail.Config{Host: "127.0.0.1", Port: l.Addr().(*net.TCPAddr).Port, TLS: idmail.NoTLS,
		From: "belgianIDpro sandbox <noreply@sandbox.example>"})
	if err != nil {
		t.Fatal(err)
	}
	return s, sender
}

// Messages returns what arrived so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.received...)
}

// Wait waits until at least n messages arrived, or timeout.
func (s *Server) Wait(n int, timeout time.Duration) []Message {
	deadline := time.After(timeout)
	for len(s.Messages()) < n {
		select {
		case <-s.arrived:
		case <-deadline:
			return s.Messages()
		}
	}
	return s.Messages()
}

type session struct {
	s  *Server
	to []string
}

func (se *session) Mail(string, *smtp.MailOptions) error { return nil }
func (se *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	se.to = append(se.to, to)
	return nil
}
func (se *session) Reset()        { se.to = nil }
func (se *session) Logout() error { return nil }

func (se *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := Message{To: se.to, Raw: raw}
	if msg, err := mail.ReadMessage(strings.NewReader(string(raw))); err == nil {
		m.Subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		m.Text = texts(msg.Header.Get("Content-Type"), msg.Body)
	}
	se.s.mu.Lock()
	se.s.received = append(se.s.received, m)
	se.s.mu.Unlock()
	se.s.arrived <- struct{}{}
	return nil
}

// texts decodes every part of a (multipart) body.
func texts(contentType string, body io.Reader) string {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		b, _ := io.ReadAll(body)
		return string(b)
	}
	var out strings.Builder
	mr := multipart.NewReader(body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			return out.String()
		}
		out.WriteString(texts(p.Header.Get("Content-Type"), p))
		out.WriteString("\n")
	}
}
