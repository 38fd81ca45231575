package sandbox_test

import (
	"context"
	"errors"
	"net"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox"
)

var now = time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)

func serve(t *testing.T, path string) *api.Client {
	t.Helper()
	sb, err := sandbox.Open(path, sandbox.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	t.Cleanup(func() { srv.Close(); sb.Close() })
	c, err := api.New(srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func complete(id string, sex app.Sex) *app.Request {
	return &app.Request{
		ID: id, Requester: "hr@example.be",
		Document: app.Document{Kind: app.Passport, Number: "X1234567", IssuingState: "POL"},
		Pages:    []app.Page{{Label: "front", ContentType: "image/png", Data: []byte("png")}},
		Person: app.Person{Surname: "Kowalski", GivenNames: "Jan", Sex: sex,
			BirthDate: app.Date{Year: 2001, Month: 9, Day: 7}, BirthPlace: "Gdańsk"},
	}
}

func TestCompleteRequestGetsBIS(t *testing.T) {
	c := serve(t, filepath.Join(t.TempDir(), "sandbox.db"))
	ctx := context.Background()
	seen := map[app.INSZ]bool{}
	for i, sex := range []app.Sex{app.Male, app.Male, app.Female} {
		rc, err := c.Submit(ctx, complete(string(rune('a'+i)), sex))
		if err != nil {
			t.Fatal(err)
		}
		if rc.Status != app.Allocated || rc.ID == "" {
			t.Fatalf("receipt %+v", rc)
		}
		n, err := app.ParseINSZ(string(rc.INSZ))
		if err != nil {
			t.Fatalf("invalid INSZ %s: %v", rc.INSZ, err)
		}
		if !n.IsBIS() || n[2:4] != "49" || n[4:6] != "07" {
			t.Errorf("%s: want BIS with month 09+40 and day 07", n)
		}
		if odd := (n[8]-'0')%2 == 1; odd != (sex == app.Male) {
			t.Errorf("%s: sequence parity wrong for %s", n, sex)
		}
		if n.BirthDate(now) != (app.Date{Year: 2001, Month: 9, Day: 7}) {
			t.Errorf("%s encodes %v", n, n.BirthDate(now))
		}
		if seen[n] {
			t.Errorf("%s given twice", n)
		}
		seen[n] = true
	}
}

func TestMissingDataIsInvestigatedAndCancellable(t *testing.T) {
	c := serve(t, filepath.Join(t.TempDir(), "sandbox.db"))
	ctx := context.Background()
	r := complete("local-1", app.Female)
	r.Person.BirthPlace = ""
	rc, err := c.Submit(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if rc.Status != app.Investigating || rc.INSZ != "" || len(rc.Asked) != 1 || rc.Asked[0] != app.FieldBirthPlace {
		t.Fatalf("receipt %+v", rc)
	}
	again, err := c.Submit(ctx, r)
	if err != nil || again.ID != rc.ID {
		t.Fatalf("retry with the same key gave %+v, %v; want the first receipt", again, err)
	}
	st, err := c.Status(ctx, rc.ID)
	if err != nil || st.Status != app.Investigating {
		t.Fatalf("status %+v, %v", st, err)
	}
	cc, err := c.Cancel(ctx, rc.ID)
	if err != nil || cc.Status != app.Cancelled {
		t.Fatalf("cancel %+v, %v", cc, err)
	}
	if _, err := c.Cancel(ctx, rc.ID); app.ErrorCode(err) != "service.cannot_cancel" {
		t.Errorf("second cancel: %v", err)
	}
	if _, err := c.Status(ctx, "BIS-nope"); app.ErrorCode(err) != "service.not_found" {
		t.Errorf("unknown id: %v", err)
	}
}

func TestRefusals(t *testing.T) {
	c := serve(t, filepath.Join(t.TempDir(), "sandbox.db"))
	ctx := context.Background()
	cases := map[string]func(*app.Request){
		"request.too_many_pages":  func(r *app.Request) { r.Pages = append(r.Pages, r.Pages[0], r.Pages[0], r.Pages[0], r.Pages[0]) },
		"request.birth_in_future": func(r *app.Request) { r.Person.BirthDate = app.Date{Year: 2030} },
		"request.email_invalid":   func(r *app.Request) { r.Requester = "nobody" },
		"service.bad_page":        func(r *app.Request) { r.Pages[0].ContentType = "text/plain" },
	}
	for code, change := range cases {
		r := complete("x", app.Male)
		change(r)
		if _, err := c.Submit(ctx, r); app.ErrorCode(err) != code {
			t.Errorf("want %s, got %v", code, err)
		}
	}
}

func TestDataSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.db")
	sb, err := sandbox.Open(path, sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	c, _ := api.New(srv.URL, nil)
	rc, err := c.Submit(context.Background(), complete("k", app.Male))
	srv.Close()
	sb.Close()
	if err != nil {
		t.Fatal(err)
	}
	c = serve(t, path)
	st, err := c.Status(context.Background(), rc.ID)
	if err != nil || st.INSZ != rc.INSZ {
		t.Fatalf("after restart: %+v, %v; want %s", st, err, rc.INSZ)
	}
	next, _ := c.Submit(context.Background(), complete("k2", app.Male))
	if next.INSZ == rc.INSZ {
		t.Errorf("counter reset after restart: %s twice", rc.INSZ)
	}
}

func TestUnreachableService(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, _ := api.New("http://"+addr, nil)
	_, err = c.Submit(context.Background(), complete("z", app.Male))
	if !errors.Is(err, app.ErrUnreachable) || app.ErrorCode(err) != "service.unreachable" {
		t.Fatalf("dead port: %v", err)
	}
	if _, err := api.New("ftp://x", nil); app.ErrorCode(err) != "service.bad_url" {
		t.Errorf("bad url: %v", err)
	}
}
