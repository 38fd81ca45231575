package sandbox_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/mail/mailtest"
	"github.com/idpro/idpro/app/sandbox/register"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
)

// Every status change reaches the requester by e-mail, in their language,
// with the reference and the worker's initials and nothing more.
func TestStatusMail(t *testing.T) {
	smtp, sender := mailtest.Start(t)
	clock := now
	s := sandboxtest.Start(t, "", sandbox.Options{Now: func() time.Time { return clock }, Mail: sender, Register: register.New(nil)})
	ctx := context.Background()
	c := s.Client(sofie, transport) // Sofie reads German
	r := complete(app.Female)
	r.Requester = sofie
	r.Person.BirthPlace = ""
	rc, err := c.Submit(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Answer(ctx, rc.ID, app.Answer{Person: app.Person{BirthPlace: "Gdańsk"}}); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Hour)
	s.Sandbox.ClerkTick(time.Minute)
	got := smtp.Wait(3, 10*time.Second)
	if len(got) != 3 {
		t.Fatalf("%d messages for 3 changes", len(got))
	}
	done, _ := c.Status(ctx, rc.ID)
	for i, m := range got {
		if len(m.To) != 1 || m.To[0] != sofie {
			t.Errorf("message %d to %v", i, m.To)
		}
		if !strings.Contains(m.Text, rc.ID) || !strings.Contains(m.Text, "J. K.") {
			t.Errorf("message %d lacks the reference or the initials:\n%s", i, m.Text)
		}
		for _, private := range []string{"Kowalski", "X1234567", "2001", string(done.INSZ), app.INSZ(done.INSZ).String()} {
			if private != "" && strings.Contains(string(m.Raw), private) {
				t.Errorf("message %d holds %q", i, private)
			}
		}
	}
	if !strings.Contains(got[0].Text, "Geburtsort") {
		t.Errorf("the question is not in German: %s", got[0].Text)
	}
}
