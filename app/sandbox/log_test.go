package sandbox_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// The service's log says what happened, never to whom: no names, e-mail
// addresses, INSZ, document numbers or tokens.
func TestLogsCarryNoPersonalData(t *testing.T) {
	var logs lockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := sandboxtest.Start(t, "", sandbox.Options{Now: func() time.Time { return now }, Log: log})
	ctx := context.Background()
	keeper := signin.Memory()
	ss := signin.New(s.URL, keeper, sandboxtest.HTTP(t), nil)
	if err := s.SignIn(ss, "eid", sandbox.DemoPeople[1].NationalNumber, sandbox.DemoPIN); err != nil {
		t.Fatal(err)
	}
	c := s.Client(bram, bakery)
	done, err := c.Submit(ctx, complete(app.Male))
	if err != nil {
		t.Fatal(err)
	}
	open := complete(app.Female)
	open.Person.BirthPlace = ""
	rc, err := c.Submit(ctx, open)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Cancel(ctx, rc.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Client(an, bakery).SetAccess(ctx, "p-chloe", true); err != nil {
		t.Fatal(err)
	}
	tok, _ := keeper.Load()
	if err := ss.SignOut(ctx); err != nil {
		t.Fatal(err)
	}
	text := logs.b.String()
	if !strings.Contains(text, "request received") {
		t.Fatalf("the log says nothing: %q", text)
	}
	secrets := []string{"Kowalski", "Jan", "Gdańsk", "X1234567", "Bram", "Claes", bram, "hr@example.be",
		string(done.INSZ), sandbox.DemoPeople[1].NationalNumber, sandbox.DemoPIN, "Chlo"}
	secrets = append(secrets, tok.AccessToken, tok.RefreshToken)
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			t.Errorf("the log holds %q:\n%s", s, text)
		}
	}
}
