package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/api/contract"
)

// The main access manager decides: staff without access are refused with
// a clear message, a revocation takes effect on the next call, and only
// the manager sees and changes the list.
func TestManagerGrantsAndRevokes(t *testing.T) {
	s := start(t)
	ctx := context.Background()
	manager := s.Client(an, bakery)
	staff, err := manager.Staff(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(staff) != 3 {
		t.Fatalf("bakery staff %+v", staff)
	}
	chloeID := ""
	for _, m := range staff {
		if m.Email == chloe {
			chloeID = m.ID
			if m.Access {
				t.Fatal("Chloé has access before the manager grants it")
			}
		}
	}
	c := s.Client(chloe, bakery)
	if _, err := c.Submit(ctx, complete(app.Male)); app.ErrorCode(err) != "access.not_granted" {
		t.Fatalf("Chloé before the grant: %v", err)
	}
	if m, err := manager.SetAccess(ctx, chloeID, true); err != nil || !m.Access {
		t.Fatalf("grant: %+v, %v", m, err)
	}
	if _, err := c.Submit(ctx, complete(app.Male)); err != nil {
		t.Fatalf("Chloé after the grant: %v", err)
	}
	if _, err := manager.SetAccess(ctx, chloeID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Changes(ctx, ""); app.ErrorCode(err) != "access.not_granted" {
		t.Fatalf("Chloé's next call after the revocation: %v", err)
	}
	if _, err := s.Client(bram, bakery).Staff(ctx); app.ErrorCode(err) != "access.manager_only" {
		t.Errorf("staff listing the staff: %v", err)
	}
	if _, err := manager.SetAccess(ctx, "p-an", false); app.ErrorCode(err) != "access.manager_fixed" {
		t.Errorf("manager revoking themself: %v", err)
	}
	if _, err := manager.SetAccess(ctx, "p-sofie", true); app.ErrorCode(err) != "service.not_found" {
		t.Errorf("granting another company's person: %v", err)
	}
}

// Every company route of the contract answers 404 to someone of another
// company, for the company and for its request ids: nothing hints that
// they exist.
func TestOtherCompaniesDoNotExist(t *testing.T) {
	s := start(t)
	ctx := context.Background()
	mine, err := s.Client(bram, bakery).Submit(ctx, complete(app.Female))
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := contract.Load()
	if err != nil {
		t.Fatal(err)
	}
	outsider := s.Session(sofie).Client()
	body, _ := json.Marshal(api.NewSubmission(complete(app.Male)))
	routes := 0
	for path, item := range doc.Paths.Map() {
		if !strings.Contains(path, "{company}") {
			continue
		}
		for method := range item.Operations() {
			for _, company := range []string{bakery, transport} {
				if company == transport && !strings.Contains(path, "{id}") {
					continue // Sofie's own company, without another's request id: hers to use
				}
				p := strings.NewReplacer("{company}", company, "{id}", mine.ID, "{person}", "p-bram").Replace(path)
				var rd *bytes.Reader
				switch method {
				case http.MethodPost, http.MethodPut:
					b := body
					if method == http.MethodPut {
						b = []byte(`{"access":false}`)
					}
					rd = bytes.NewReader(b)
				default:
					rd = bytes.NewReader(nil)
				}
				req, _ := http.NewRequestWithContext(ctx, method, s.URL+p, rd)
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set(api.HeaderIdemKey, app.NewKey())
				resp, err := outsider.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				var prob api.Problem
				json.NewDecoder(resp.Body).Decode(&prob)
				resp.Body.Close()
				if resp.StatusCode != http.StatusNotFound || prob.Code != "service.not_found" {
					t.Errorf("%s %s as Sofie: HTTP %d %s, want 404", method, p, resp.StatusCode, prob.Code)
				}
				routes++
			}
		}
	}
	if routes < 8 {
		t.Fatalf("only %d company routes tried", routes)
	}
	list, err := s.Client(sofie, transport).List(ctx, api.ListQuery{}, "")
	if err != nil || list.Total != 0 {
		t.Errorf("Sofie's own list: %+v, %v; want none of the bakery's", list, err)
	}
}
