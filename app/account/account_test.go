package account_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/account"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
	"github.com/idpro/idpro/store"
)

type desk struct{ svc app.Service }

func (d *desk) SetService(s app.Service) { d.svc = s }

func setup(t *testing.T) (*sandboxtest.Server, *desk, *store.Store, signin.Keeper) {
	t.Helper()
	srv := sandboxtest.Start(t, "", sandbox.Options{})
	st, err := store.Open(filepath.Join(t.TempDir(), "idpro.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return srv, &desk{}, st, signin.Memory()
}

func signIn(t *testing.T, srv *sandboxtest.Server, a *account.Account, email string) error {
	t.Helper()
	form := make(chan error, 1)
	err := a.SignIn(context.Background(), "en", func(link string) {
		go func() { form <- sandboxtest.FillForm(sandboxtest.HTTP(t), link, "code", email, sandbox.DemoCode) }()
	})
	if ferr := <-form; ferr != nil {
		t.Fatal(ferr)
	}
	return err
}

// After sign-in the desk works as the person for their company; a person
// of two companies switches, the choice is remembered, a restart resumes
// the kept sign-in, and signing out leaves the desk unable to send.
func TestAccountPointsTheDesk(t *testing.T) {
	srv, d, st, keeper := setup(t)
	keep := func(string) signin.Keeper { return keeper }
	a, err := account.New(srv.URL, keep, d, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.SignedIn() {
		t.Fatal("signed in before signing in")
	}
	if _, err := d.svc.Changes(context.Background(), ""); !errors.Is(err, app.ErrSignInRequired) {
		t.Fatalf("signed out desk: %v", err)
	}
	if err := signIn(t, srv, a, "bram.claes@sociaal-secretariaat.be"); err != nil {
		t.Fatal(err)
	}
	id, _ := a.Identity()
	co, _ := a.Company()
	if id.Name != "Bram Claes" || co.Number != "0403170701" {
		t.Fatalf("identity %+v, company %+v", id, co)
	}
	if err := a.UseCompany("0417181162"); err != nil {
		t.Fatal(err)
	}
	if ch, err := d.svc.Changes(context.Background(), ""); err != nil || ch.Company != "0417181162" {
		t.Fatalf("after switching: %+v, %v", ch, err)
	}
	if err := a.UseCompany("0765432146"); err == nil {
		t.Error("switched to a company Bram does not work for")
	}

	again, _ := account.New(srv.URL, keep, &desk{}, st, nil)
	if err := again.Resume(context.Background()); err != nil {
		t.Fatal(err)
	}
	if co, _ := again.Company(); !again.SignedIn() || co.Number != "0417181162" {
		t.Fatalf("resumed: signed in %v, company %+v", again.SignedIn(), co)
	}
	if err := again.SignOut(context.Background()); err != nil {
		t.Fatal(err)
	}
	if k, _ := keeper.Load(); k != nil || again.SignedIn() {
		t.Fatal("sign-in kept after signing out")
	}
}

// Someone with no company with access is told why.
func TestSignInWithoutAccess(t *testing.T) {
	srv, d, st, keeper := setup(t)
	if _, err := srv.Sandbox.AddStaff("0403170701", "New Hire", "new@example.be", false); err != nil {
		t.Fatal(err)
	}
	a, _ := account.New(srv.URL, func(string) signin.Keeper { return keeper }, d, st, nil)
	if err := signIn(t, srv, a, "new@example.be"); app.ErrorCode(err) != "access.not_granted" {
		t.Fatalf("sign-in without access: %v", err)
	}
}
