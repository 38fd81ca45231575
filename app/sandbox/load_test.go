package sandbox_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
)

// 200 submissions at once from 10 staff members of 2 companies give 200
// distinct valid BIS numbers; none is lost and none is visible to the
// other company.
func TestConcurrentSubmissions(t *testing.T) {
	s := start(t)
	ctx := context.Background()
	var clients []*api.Client
	for i := range 10 {
		company := []string{bakery, transport}[i%2]
		email := fmt.Sprintf("load%d@example.be", i)
		if _, err := s.Sandbox.AddStaff(company, fmt.Sprintf("Load %d", i), email, true); err != nil {
			t.Fatal(err)
		}
		clients = append(clients, s.Client(email, company))
	}
	type sent struct {
		rc      app.Receipt
		company string
		err     error
	}
	results := make(chan sent, 200)
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := clients[i%10]
			r := complete([]app.Sex{app.Male, app.Female}[i%2])
			r.Person.Surname = fmt.Sprintf("Worker%03d", i)
			rc, err := c.Submit(ctx, r)
			results <- sent{rc, c.Company(), err}
		}()
	}
	wg.Wait()
	close(results)
	numbers := map[app.INSZ]bool{}
	per := map[string]int{}
	for r := range results {
		if r.err != nil {
			t.Fatal(r.err)
		}
		if _, err := app.ParseINSZ(string(r.rc.INSZ)); err != nil || !r.rc.INSZ.IsBIS() || numbers[r.rc.INSZ] {
			t.Fatalf("number %q: valid %v, given before %v", r.rc.INSZ, err, numbers[r.rc.INSZ])
		}
		numbers[r.rc.INSZ] = true
		per[r.company]++
	}
	if len(numbers) != 200 {
		t.Fatalf("%d distinct numbers for 200 submissions", len(numbers))
	}
	for i, company := range []string{bakery, transport} {
		seen := map[string]bool{}
		cursor := ""
		for {
			ch, err := clients[i].Changes(ctx, cursor)
			if err != nil {
				t.Fatal(err)
			}
			for _, rc := range ch.Receipts {
				if rc.Company != company {
					t.Fatalf("%s sees a request of %s", company, rc.Company)
				}
				seen[rc.ID] = true
			}
			cursor = ch.Cursor
			if !ch.More {
				break
			}
		}
		if len(seen) != per[company] || len(seen) != 100 {
			t.Errorf("%s's history holds %d requests, it sent %d", company, len(seen), per[company])
		}
	}
}
