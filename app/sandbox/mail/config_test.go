package mail

import (
	"strings"
	"testing"
	"time"
)

func TestParseURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want Config
	}{
		{"smtp://user:p%40ss@mail.example.be:587?from=idpro@example.be",
			Config{Host: "mail.example.be", Port: 587, TLS: StartTLS, Username: "user", Password: "p@ss", From: "idpro@example.be"}},
		{"smtps://mail.example.be?from=idpro@example.be&auth=LOGIN&timeout=30s",
			Config{Host: "mail.example.be", TLS: ImplicitTLS, Auth: AuthLogin, From: "idpro@example.be", Timeout: 30 * time.Second}},
		{"smtp://127.0.0.1:1025?tls=none&from=idpro@localhost",
			Config{Host: "127.0.0.1", Port: 1025, TLS: NoTLS, From: "idpro@localhost"}},
	} {
		got, err := ParseURL(tc.url)
		if err != nil {
			t.Errorf("ParseURL(%q): %v", tc.url, err)
			continue
		}
		if got != tc.want {
			t.Errorf("ParseURL(%q) = %+v, want %+v", tc.url, got, tc.want)
		}
	}
	for _, bad := range []string{
		"http://mail.example.be?from=a@b.be",
		"smtp://?from=a@b.be",
		"smtp://mail.example.be",
		"smtp://mail.example.be?from=a@b.be&tls=ssl",
		"smtp://mail.example.be?from=a@b.be&auth=cram-md5",
		"smtp://mail.example.be?from=a@b.be&timeout=soon",
		"smtp://mail.example.be?from=a@b.be&tsl=none",
		"smtp://mail.example.be:99999?from=a@b.be",
		"smtp://mail.example.be/relay?from=a@b.be",
	} {
		if _, err := ParseURL(bad); err == nil {
			t.Errorf("ParseURL(%q) accepted", bad)
		}
	}
}

func TestConfigStringHidesPassword(t *testing.T) {
	c, err := ParseURL("smtp://user:hunter2@mail.example.be?from=idpro@example.be")
	if err != nil {
		t.Fatal(err)
	}
	s := c.String()
	if strings.Contains(s, "hunter2") || !strings.Contains(s, "mail.example.be:587") || !strings.Contains(s, "tls=starttls") {
		t.Errorf("String() = %q", s)
	}
	if back, err := ParseURL(s); err != nil || back.Host != c.Host || back.Port != 587 || back.TLS != StartTLS {
		t.Errorf("String() does not read back: %+v, %v", back, err)
	}
}

// Plain SMTP is for a server on this computer only.
func TestPlainSMTPOnlyOnLoopback(t *testing.T) {
	for url, ok := range map[string]bool{
		"smtp://127.0.0.1:1025?tls=none&from=a@b.be":      true,
		"smtp://localhost:1025?tls=none&from=a@b.be":      true,
		"smtp://mail.example.be?tls=none&from=a@b.be":     false,
		"smtp://mail.example.be?tls=starttls&from=a@b.be": true,
	} {
		c, err := ParseURL(url)
		if err == nil {
			_, err = NewSMTP(c)
		}
		if (err == nil) != ok {
			t.Errorf("%s: %v", url, err)
		}
	}
}
