package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// TLSMode is how the connection to the SMTP server is protected.
type TLSMode string

const (
	StartTLS    TLSMode = "starttls" // plain connection upgraded with STARTTLS, which must succeed (port 587)
	ImplicitTLS TLSMode = "tls"      // TLS from the first byte (port 465)
	NoTLS       TLSMode = "none"     // nothing: only for a relay on the same machine or in tests (port 25)
)

// Auth is the SASL mechanism used when a user name is set.
type Auth string

const (
	AuthPlain Auth = "plain"
	AuthLogin Auth = "login"
)

// DefaultTimeout bounds each network step of a send when Config.Timeout is
// zero: long enough for a slow relay, short enough that a dead one does
// not hold a status change back for minutes.
const DefaultTimeout = 15 * time.Second

// Config is where and how to send by SMTP. It reads from a URL (ParseURL):
//
//	smtp://user:password@mail.example.be:587?tls=starttls&auth=plain&from=idpro@example.be&timeout=10s
//	smtps://mail.example.be?from=idpro@example.be      (implicit TLS, port 465)
//	smtp://127.0.0.1:1025?tls=none&from=idpro@localhost
//
// Without tls= the scheme decides: smtp is STARTTLS, smtps implicit TLS.
// Query values are URL-encoded: a + in the sender's address is %2B.
// Credentials are only sent over TLS, or to a server on loopback (go-mail
// refuses otherwise), so tls=none with a password works only for a local
// relay.
type Config struct {
	Host      string
	Port      int     // 0: by TLS mode, 587, 465 or 25
	TLS       TLSMode // "": StartTLS
	Username  string  // authenticate when set
	Password  string
	Auth      Auth          // "": AuthPlain
	From      string        // the sender's address
	Timeout   time.Duration // 0: DefaultTimeout
	TLSConfig *tls.Config   // nil: the system's roots, server name Host
}

// ParseURL reads a Config from its URL form (see Config).
func ParseURL(s string) (Config, error) {
	u, err := url.Parse(s)
	if err != nil {
		return Config{}, fmt.Errorf("mail: SMTP URL: %w", err)
	}
	if u.Path != "" && u.Path != "/" {
		return Config{}, fmt.Errorf("mail: SMTP URL %q has a path", u.Redacted())
	}
	c := Config{Host: u.Hostname()}
	switch u.Scheme {
	case "smtp":
		c.TLS = StartTLS
	case "smtps":
		c.TLS = ImplicitTLS
	default:
		return Config{}, fmt.Errorf("mail: SMTP URL scheme %q, want smtp or smtps", u.Scheme)
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil {
			return Config{}, fmt.Errorf("mail: SMTP port %q: %w", p, err)
		}
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	for key, values := range u.Query() {
		v := values[len(values)-1]
		switch key {
		case "tls":
			c.TLS = TLSMode(strings.ToLower(v))
		case "auth":
			c.Auth = Auth(strings.ToLower(v))
		case "from":
			c.From = v
		case "timeout":
			if c.Timeout, err = time.ParseDuration(v); err != nil {
				return Config{}, fmt.Errorf("mail: SMTP timeout: %w", err)
			}
		default:
			return Config{}, fmt.Errorf("mail: SMTP URL parameter %q unknown (tls, auth, from, timeout)", key)
		}
	}
	return c, c.check()
}

// String is the URL form with the password hidden, for logs.
func (c Config) String() string {
	u := url.URL{Scheme: "smtp", Host: net.JoinHostPort(c.Host, strconv.Itoa(c.port()))}
	if c.Username != "" {
		u.User = url.UserPassword(c.Username, "xxxxx")
	}
	q := url.Values{"tls": {string(c.mode())}, "from": {c.From}}
	if c.Username != "" {
		q.Set("auth", string(c.auth()))
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func (c Config) mode() TLSMode {
	if c.TLS == "" {
		return StartTLS
	}
	return c.TLS
}

func (c Config) auth() Auth {
	if c.Auth == "" {
		return AuthPlain
	}
	return c.Auth
}

func (c Config) port() int {
	switch {
	case c.Port != 0:
		return c.Port
	case c.mode() == ImplicitTLS:
		return gomail.DefaultPortSSL
	case c.mode() == NoTLS:
		return gomail.DefaultPort
	}
	return gomail.DefaultPortTLS
}

func (c Config) check() error {
	switch {
	case c.Host == "":
		return fmt.Errorf("mail: no SMTP host")
	case c.Port < 0 || c.Port > 65535:
		return fmt.Errorf("mail: SMTP port %d", c.Port)
	case c.mode() != StartTLS && c.mode() != ImplicitTLS && c.mode() != NoTLS:
		return fmt.Errorf("mail: TLS mode %q, want starttls, tls or none", c.TLS)
	case c.auth() != AuthPlain && c.auth() != AuthLogin:
		return fmt.Errorf("mail: SMTP auth %q, want plain or login", c.Auth)
	case c.mode() == NoTLS && !onThisComputer(c.Host):
		// A password and the requester's address would cross the network
		// in clear.
		return fmt.Errorf("mail: tls=none is only for a server on this computer, not %s", c.Host)
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		return fmt.Errorf("mail: sender (from) %q: %w", c.From, err)
	}
	return nil
}

// SMTP sends messages through an SMTP server, one connection per message:
// status changes are few, and no idle connection is left to the server's
// timeouts.
type SMTP struct {
	cfg  Config
	opts []gomail.Option
}

// NewSMTP checks the configuration; it does not connect.
func NewSMTP(c Config) (*SMTP, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	opts := []gomail.Option{gomail.WithPort(c.port()), gomail.WithTimeout(timeout)}
	switch c.mode() {
	case StartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case ImplicitTLS:
		opts = append(opts, gomail.WithSSL())
	case NoTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if c.TLSConfig != nil {
		tc := c.TLSConfig.Clone()
		if tc.ServerName == "" {
			tc.ServerName = c.Host
		}
		opts = append(opts, gomail.WithTLSConfig(tc))
	}
	if c.Username != "" {
		mech := gomail.SMTPAuthPlain
		if c.auth() == AuthLogin {
			mech = gomail.SMTPAuthLogin
		}
		opts = append(opts, gomail.WithSMTPAuth(mech), gomail.WithUsername(c.Username), gomail.WithPassword(c.Password))
	}
	return &SMTP{cfg: c, opts: opts}, nil
}

// Send delivers one message, within ctx and the configured timeout.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	msg, err := m.compose(s.cfg.From)
	if err != nil {
		return err
	}
	client, err := gomail.NewClient(s.cfg.Host, s.opts...)
	if err != nil {
		return fmt.Errorf("mail: SMTP %s: %w", s.cfg, err)
	}
	if err := client.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("mail: SMTP %s: %w", s.cfg, err)
	}
	return nil
}

// onThisComputer tells a loopback host.
func onThisComputer(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
