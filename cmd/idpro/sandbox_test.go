package main

import (
	"bufio"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
)

// `idpro sandbox` is the service alone: the real binary on a loopback
// port gives a complete request a BIS number and stops cleanly on SIGTERM.
func TestSandboxCommandServesTheAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the real binary")
	}
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "sandbox.db")
	c := exec.Command(bin, "sandbox", "--addr", "127.0.0.1:0", "--db", db)
	out, err := c.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := start(t, c)
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v", err)
	}
	url := strings.Fields(strings.TrimPrefix(line, "sandbox listening on "))[0]
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("listening on %q", line)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	session := signin.New(url, signin.Memory(), sandboxtest.HTTP(t), nil)
	err = session.SignIn(ctx, "en", func(link string) {
		go func() {
			if err := sandboxtest.FillForm(sandboxtest.HTTP(t), link, "itsme", "+32470000005", ""); err != nil {
				t.Error(err)
			}
		}()
	})
	if err != nil {
		t.Fatal(err)
	}
	client, err := api.New(url, session.Client())
	if err != nil {
		t.Fatal(err)
	}
	rc, err := client.ForCompany("0417181162").Submit(ctx, &app.Request{
		Key: app.NewKey(), Requester: "hr@example.be",
		Document: app.Document{Kind: app.Passport, Number: "X1234567", IssuingState: "POL"},
		Pages:    []app.Page{{Label: "front", ContentType: "image/png", Data: []byte("png")}},
		Person: app.Person{Surname: "Kowalski", GivenNames: "Jan", Sex: app.Female,
			BirthDate: app.Date{Year: 1990, Month: 3, Day: 14}, BirthPlace: "Gdańsk"},
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := app.ParseINSZ(string(rc.INSZ))
	if rc.Status != app.Allocated || err != nil || !n.IsBIS() || n[2:4] != "43" {
		t.Fatalf("receipt %+v (%v): want a BIS number with month 03+40", rc, err)
	}

	// The clerk, by hand: a request without a place of birth is asked for
	// it; the clerk lists it, asks in words, then rejects it.
	open, err := client.ForCompany("0417181162").Submit(ctx, &app.Request{Key: app.NewKey(),
		Person:    app.Person{Surname: "Nowak", BirthDate: app.Date{Year: 1980}},
		Pages:     []app.Page{{Label: "front", ContentType: "image/png", Data: []byte("png")}},
		Residence: app.Address{Street: "Main St", Number: "1", Municipality: "Chișinău", Country: "MD"}})
	if err != nil || open.Status != app.Investigating {
		t.Fatalf("incomplete request: %+v, %v", open, err)
	}
	clerk := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, append([]string{"sandbox", "clerk"}, append(args, "--db", db)...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("clerk %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	if out := clerk("list"); !strings.Contains(out, open.ID) || !strings.Contains(out, "investigating") {
		t.Fatalf("clerk list:\n%s", out)
	}
	clerk("ask", open.ID, "--text", "Where was the worker born?", "--by", "Clerk Jansen")
	asked, _ := client.ForCompany("0417181162").Status(ctx, open.ID)
	if asked.Status != app.InfoRequested || asked.Question.Text != "Where was the worker born?" {
		t.Fatalf("after ask: %+v", asked)
	}
	if out := clerk("reject", open.ID, "--text", "Unknown in the register."); !strings.Contains(out, "rejected") {
		t.Fatalf("reject: %s", out)
	}
	if eml, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "mail", "*.eml")); len(eml) < 3 {
		t.Errorf("%d status mails written, want one per change", len(eml))
	}

	c.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		if code := c.ProcessState.ExitCode(); code != 0 {
			t.Errorf("exit %d after SIGTERM, want 0", code)
		}
	case <-time.After(20 * time.Second):
		t.Error("the sandbox did not stop on SIGTERM")
	}
}

// Personal data never leaves this computer in clear: the sandbox binds a
// non-loopback address only with a certificate.
func TestSandboxRefusesPlainNetworkAddress(t *testing.T) {
	for _, c := range []struct {
		addr, cert, key string
		ok              bool
	}{
		{"127.0.0.1:0", "", "", true},
		{"[::1]:8470", "", "", true},
		{"localhost:8470", "", "", true},
		{"0.0.0.0:8470", "", "", false},
		{"192.0.2.1:8470", "", "", false},
		{"0.0.0.0:8470", "c.pem", "k.pem", true},
		{"127.0.0.1:0", "c.pem", "", false},
	} {
		if err := checkBind(c.addr, c.cert, c.key); (err == nil) != c.ok {
			t.Errorf("%s cert %q key %q: %v", c.addr, c.cert, c.key, err)
		}
	}
	var out, errOut strings.Builder
	if code := run([]string{"sandbox", "--addr", "0.0.0.0:0", "--db", filepath.Join(t.TempDir(), "s.db")}, nil, &out, &errOut); code != 2 ||
		!strings.Contains(errOut.String(), "--tls-cert") {
		t.Errorf("exit %d, %q", code, errOut.String())
	}
}
