package sandbox

import (
	"encoding/json"
	"net/http"
	"sort"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// me is GET /v1/me: who is signed in, and their companies.
func (s *Sandbox) me(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	id := app.Identity{Requester: app.Requester{ID: c.ID, Name: c.Name, Email: c.Email}, Language: c.Language}
	_ = s.db.View(func(tx *bolt.Tx) error { id.Companies = s.companiesOf(tx, c.ID); return nil })
	if id.Companies == nil {
		id.Companies = []app.Company{}
	}
	writeJSON(w, http.StatusOK, id)
}

// staff is GET /v1/companies/{company}/staff: the main access manager's
// list of the company's people and their access.
func (s *Sandbox) staff(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	out := []app.Member{}
	_ = s.db.View(func(tx *bolt.Tx) error {
		b, _ := nested(tx, bucketMembers, c.company, false)
		return b.ForEach(func(k, v []byte) error {
			var m membership
			if json.Unmarshal(v, &m) != nil {
				return nil
			}
			if p, ok := s.personByID(tx, string(k)); ok {
				out = append(out, app.Member{ID: p.ID, Name: p.Name, Email: p.Email, Role: m.Role, Access: m.Access || m.Role == app.Manager})
			}
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	writeJSON(w, http.StatusOK, out)
}

// setAccess is PUT /v1/companies/{company}/staff/{person}: the main
// access manager grants or revokes a member's access. The manager's own
// access cannot be taken away here (that is the legal representative's
// business, outside belgianIDpro).
func (s *Sandbox) setAccess(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	var body struct {
		Access *bool `json:"access"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Access == nil {
		writeProblem(w, r, http.StatusBadRequest, "service.malformed", nil)
		return
	}
	pid := r.PathValue("person")
	var out app.Member
	status, code := 0, ""
	err := s.db.Update(func(tx *bolt.Tx) error {
		m, ok := s.membership(tx, c.company, pid)
		p, found := s.personByID(tx, pid)
		switch {
		case !ok || !found:
			status, code = http.StatusNotFound, "service.not_found"
			return nil
		case m.Role == app.Manager:
			status, code = http.StatusConflict, "access.manager_fixed"
			return nil
		}
		m.Access = *body.Access
		b, _ := nested(tx, bucketMembers, c.company, false)
		out = app.Member{ID: p.ID, Name: p.Name, Email: p.Email, Role: m.Role, Access: m.Access}
		return putJSON(b, pid, m)
	})
	switch {
	case err != nil:
		writeProblem(w, r, http.StatusInternalServerError, "service.internal", nil)
	case code != "":
		writeProblem(w, r, status, code, nil)
	default:
		s.log.Info("access changed", "granted", out.Access)
		writeJSON(w, http.StatusOK, out)
	}
}
