package sandbox_test

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
)

var now = time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)

// Demo people and companies (demo.go).
const (
	bakery    = "0403170701"
	transport = "0417181162"
	an        = "an.peeters@bakkerij-janssens.be"    // bakery's main access manager
	bram      = "bram.claes@sociaal-secretariaat.be" // staff of both, with access
	chloe     = "chloe.dubois@bakkerij-janssens.be"  // bakery staff, no access yet
	marc      = "marc.lambert@transports-lambert.be" // transport's main access manager
	sofie     = "sofie.wouters@transports-lambert.be"
)

func start(t *testing.T) *sandboxtest.Server {
	t.Helper()
	return sandboxtest.Start(t, "", sandbox.Options{Now: func() time.Time { return now }})
}

func complete(sex app.Sex) *app.Request {
	return &app.Request{
		Key: app.NewKey(), Requester: "hr@example.be",
		Document: app.Document{Kind: app.Passport, Number: "X1234567", IssuingState: "POL"},
		Pages:    []app.Page{{Label: "front", ContentType: "image/png", Data: []byte("png")}},
		Person: app.Person{Surname: "Kowalski", GivenNames: "Jan", Sex: sex,
			BirthDate: app.Date{Year: 2001, Month: 9, Day: 7}, BirthPlace: "Gdańsk"},
	}
}

func TestCompleteRequestGetsBIS(t *testing.T) {
	c := start(t).Client(bram, bakery)
	ctx := context.Background()
	seen := map[app.INSZ]bool{}
	for _, sex := range []app.Sex{app.Male, app.Male, app.Female} {
		rc, err := c.Submit(ctx, complete(sex))
		if err != nil {
			t.Fatal(err)
		}
		if rc.Status != app.Allocated || rc.ID == "" || rc.Company != bakery {
			t.Fatalf("receipt %+v", rc)
		}
		if rc.RequestedBy == nil || rc.RequestedBy.Name != "Bram Claes" || rc.Email != "hr@example.be" {
			t.Errorf("requester %+v, mail to %q: want the signed-in Bram, mail to the form's address", rc.RequestedBy, rc.Email)
		}
		if len(rc.Timeline) != 2 || rc.Timeline[0].Status != app.Received || rc.Timeline[1].Status != app.Allocated {
			t.Errorf("timeline %+v", rc.Timeline)
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
		if seen[n] {
			t.Errorf("%s given twice", n)
		}
		seen[n] = true
	}
}

func TestMissingDataIsAskedForAndCancellable(t *testing.T) {
	c := start(t).Client(bram, bakery)
	ctx := context.Background()
	r := complete(app.Female)
	r.Person.BirthPlace = ""
	rc, err := c.Submit(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if rc.Status != app.InfoRequested || rc.INSZ != "" || rc.Question == nil || len(rc.Question.Fields) != 1 || rc.Question.Fields[0] != app.FieldBirthPlace {
		t.Fatalf("receipt %+v", rc)
	}
	st, err := c.Status(ctx, rc.ID)
	if err != nil || st.Status != app.InfoRequested {
		t.Fatalf("status %+v, %v", st, err)
	}
	cc, err := c.Cancel(ctx, rc.ID)
	if err != nil || cc.Status != app.Cancelled || cc.Timeline[len(cc.Timeline)-1].By != "Bram Claes" {
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
	c := start(t).Client(bram, bakery)
	ctx := context.Background()
	cases := map[string]func(*app.Request){
		"request.too_many_pages":  func(r *app.Request) { r.Pages = append(r.Pages, r.Pages[0], r.Pages[0], r.Pages[0], r.Pages[0]) },
		"request.birth_in_future": func(r *app.Request) { r.Person.BirthDate = app.Date{Year: 2030} },
		"request.email_invalid":   func(r *app.Request) { r.Requester = "nobody" },
		"service.bad_page":        func(r *app.Request) { r.Pages[0].ContentType = "text/plain" },
	}
	for code, change := range cases {
		r := complete(app.Male)
		change(r)
		if _, err := c.Submit(ctx, r); app.ErrorCode(err) != code {
			t.Errorf("want %s, got %v", code, err)
		}
	}
}

// The same key and body give the first receipt; the same key with another
// body (two workstations that both counted to 1) is refused instead of
// answered with another worker's number; keys are the company's own.
func TestIdempotencyKeys(t *testing.T) {
	s := start(t)
	c := s.Client(bram, bakery)
	ctx := context.Background()
	first := complete(app.Male)
	rc, err := c.Submit(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Submit(ctx, first)
	if err != nil || again.ID != rc.ID || again.INSZ != rc.INSZ {
		t.Fatalf("retry: %+v, %v; want the first receipt %s", again, err, rc.ID)
	}
	other := complete(app.Female)
	other.Key = first.Key
	other.Person.Surname = "Nowak"
	if got, err := c.Submit(ctx, other); app.ErrorCode(err) != "service.key_reused" || got.INSZ != "" {
		t.Fatalf("same key, other worker: %+v, %v; want service.key_reused and no number", got, err)
	}
	elsewhere, err := s.Client(sofie, transport).Submit(ctx, first)
	if err != nil || elsewhere.ID == rc.ID {
		t.Fatalf("same key in another company: %+v, %v; want a request of its own", elsewhere, err)
	}
	first.Key = ""
	if _, err := c.Submit(ctx, first); app.ErrorCode(err) != "request.key_missing" {
		t.Errorf("no key: %v", err)
	}
}

func TestDataSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sandbox.db")
	s := sandboxtest.Start(t, path, sandbox.Options{})
	rc, err := s.Client(bram, bakery).Submit(context.Background(), complete(app.Male))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	c := sandboxtest.Start(t, path, sandbox.Options{}).Client(bram, bakery)
	st, err := c.Status(context.Background(), rc.ID)
	if err != nil || st.INSZ != rc.INSZ {
		t.Fatalf("after restart: %+v, %v; want %s", st, err, rc.INSZ)
	}
	next, _ := c.Submit(context.Background(), complete(app.Male))
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
	_, err = c.ForCompany(bakery).Submit(context.Background(), complete(app.Male))
	if !errors.Is(err, app.ErrUnreachable) || app.ErrorCode(err) != "service.unreachable" {
		t.Fatalf("dead port: %v", err)
	}
	if _, err := api.New("ftp://x", nil); app.ErrorCode(err) != "service.bad_url" {
		t.Errorf("bad url: %v", err)
	}
	if _, err := api.New("http://service.example", nil); app.ErrorCode(err) != "service.tls_required" {
		t.Errorf("plain http to another host: %v", err)
	}
}
