package privacy_test

import (
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/account"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/signin"
	"github.com/idpro/idpro/store"
)

type pointed struct{ svc app.Service }

func (p *pointed) SetService(s app.Service) { p.svc = s }

// Personal data and tokens never cross a network in clear: a service
// address in plain http is taken only when it cannot leave the computer,
// however the host is spelled, and a refused address leaves the account
// and the desk on the service they had (the settings' field is where a
// user types one).
func TestPlainHTTPOnlyToThisComputer(t *testing.T) {
	cases := map[string]string{
		"http://127.0.0.1:8080":             "",
		"http://[::1]:8080":                 "",
		"http://localhost:8080":             "",
		"http://127.9.9.9":                  "",
		"https://service.example":           "",
		"https://10.0.0.7:8443":             "",
		"http://service.example":            "service.tls_required",
		"HTTP://service.example":            "service.tls_required",
		"http://10.0.0.7":                   "service.tls_required",
		"http://0.0.0.0:8080":               "service.tls_required",
		"http://localhost.service.example":  "service.tls_required",
		"http://127.0.0.1.service.example":  "service.tls_required",
		"http://[::ffff:10.0.0.7]":          "service.tls_required",
		"http://127.0.0.1@service.example":  "service.tls_required",
		"http://service.example#@127.0.0.1": "service.tls_required",
		"ftp://service.example":             "service.bad_url",
		"service.example":                   "service.bad_url",
	}
	for base, want := range cases {
		if _, err := api.New(base, nil); app.ErrorCode(err) != want {
			t.Errorf("%s: %v, want %q", base, err, want)
		}
	}

	st, err := store.Open(filepath.Join(t.TempDir(), "idpro.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d := &pointed{}
	keeper := signin.Memory()
	acc, err := account.New("http://127.0.0.1:1", func(string) signin.Keeper { return keeper }, d, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := d.svc
	if err := acc.SetService("http://service.example"); app.ErrorCode(err) != "service.tls_required" {
		t.Fatalf("account took a plain network address: %v", err)
	}
	if d.svc != before || acc.Service().Base() != "http://127.0.0.1:1" {
		t.Errorf("a refused address moved the account to %s", acc.Service().Base())
	}
}
