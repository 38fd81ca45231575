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
)

// `idpro sandbox` is the service alone: the real binary on a loopback
// port gives a complete request a BIS number and stops cleanly on SIGTERM.
func TestSandboxCommandServesTheAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the real binary")
	}
	bin := buildBinary(t)
	c := exec.Command(bin, "sandbox", "--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "sandbox.db"))
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

	client, err := api.New(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rc, err := client.Submit(ctx, &app.Request{
		ID: "cli-1", Requester: "hr@example.be",
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
