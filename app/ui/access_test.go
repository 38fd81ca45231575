package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The main access manager sees the Access tab and grants from it; staff
// do not see it; someone of two companies picks one in the account bar.
func TestAccessTabAndCompanyPicker(t *testing.T) {
	e := newEnv(t, nil)
	u := e.u
	if u.tabs.Items[len(u.tabs.Items)-1] == u.accessTab {
		t.Fatal("Bram (staff) sees the Access tab")
	}
	if !u.account.company.Visible() || len(u.account.company.Options) != 2 {
		t.Fatalf("Bram's company picker: visible %v, %v", u.account.company.Visible(), u.account.company.Options)
	}
	u.account.company.SetSelected(u.account.company.Options[1])
	u.Wait()
	if co, _ := e.account.Company(); co.Number != "0417181162" {
		t.Errorf("picked %+v", co)
	}

	u.signOut()
	u.Wait()
	if e.account.SignedIn() || u.account.who.Text != "Not signed in" || !u.account.signIn.Visible() {
		t.Fatalf("after signing out: %q", u.account.who.Text)
	}
	e.who = "an.peeters@bakkerij-janssens.be"
	u.signIn()
	u.Wait()
	if !e.account.SignedIn() || u.account.who.Text != "An Peeters for Bakkerij Janssens BV" {
		t.Fatalf("after An signs in: %q", u.account.who.Text)
	}
	if u.tabs.Items[len(u.tabs.Items)-1] != u.accessTab {
		t.Fatal("the main access manager has no Access tab")
	}
	u.Wait()
	v := u.access
	chloe := -1
	for i, m := range v.members {
		if m.Name == "Chloé Dubois" {
			chloe = i
		}
	}
	if len(v.members) != 3 || chloe < 0 || v.members[chloe].Access {
		t.Fatalf("staff %+v", v.members)
	}
	row := v.list.CreateItem()
	v.list.UpdateItem(chloe, row)
	check := row.(*fyne.Container).Objects[1].(*widget.Check)
	check.SetChecked(true)
	u.Wait()
	staff, err := e.account.Staff(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range staff {
		if m.Name == "Chloé Dubois" && !m.Access {
			t.Error("the Access tab did not grant Chloé")
		}
	}
}
