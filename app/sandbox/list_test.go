package sandbox_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
)

// The company's history lists every staff member's requests, filtered by
// requester, status, dates and worker, sorted by any column, a page at a
// time; the company number may be written as people write it.
func TestListFiltersSortsAndPages(t *testing.T) {
	clock := now
	s := sandboxtest.Start(t, "", sandbox.Options{Now: func() time.Time { return clock }})
	ctx := context.Background()
	bramC, anC := s.Client(bram, bakery), s.Client(an, "0403.170.701")
	for i, name := range []string{"Zeller", "Adamski", "Moreau", "Bianchi", "Novak"} {
		r := complete(app.Female)
		r.Person.Surname = name
		if i%2 == 1 {
			r.Person.BirthPlace = "" // asked for
		}
		c := bramC
		if i >= 3 {
			c = anC
		}
		if _, err := c.Submit(ctx, r); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(24 * time.Hour)
	}
	names := func(p api.Page) []string {
		var out []string
		for _, rc := range p.Items {
			out = append(out, rc.Person.Surname)
		}
		return out
	}
	cases := []struct {
		q    api.ListQuery
		want string
	}{
		{api.ListQuery{}, "[Zeller Adamski Moreau Bianchi Novak]"},
		{api.ListQuery{Desc: true}, "[Novak Bianchi Moreau Adamski Zeller]"},
		{api.ListQuery{Sort: api.SortWorker}, "[Adamski Bianchi Moreau Novak Zeller]"},
		{api.ListQuery{Sort: api.SortRequester}, "[Novak Bianchi Moreau Adamski Zeller]"}, // then newest first
		{api.ListQuery{Requester: "p-an"}, "[Bianchi Novak]"},
		{api.ListQuery{Statuses: []app.Status{app.InfoRequested}}, "[Adamski Bianchi]"},
		{api.ListQuery{From: now.Add(48 * time.Hour), To: now.Add(96 * time.Hour)}, "[Moreau Bianchi]"},
		{api.ListQuery{Worker: "ZEL"}, "[Zeller]"},
	}
	for _, c := range cases {
		p, err := bramC.List(ctx, c.q, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(names(p)); got != c.want {
			t.Errorf("%+v: %s, want %s", c.q, got, c.want)
		}
	}
	var all []string
	cursor := ""
	for pages := 0; ; pages++ {
		p, err := bramC.List(ctx, api.ListQuery{Sort: api.SortWorker, Limit: 2}, cursor)
		if err != nil || p.Total != 5 || pages > 3 {
			t.Fatalf("page %d: %+v, %v", pages, p, err)
		}
		all = append(all, names(p)...)
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	if fmt.Sprint(all) != "[Adamski Bianchi Moreau Novak Zeller]" {
		t.Errorf("paged: %v", all)
	}
}
