package sandbox

import (
	"encoding/json"
	"net/http"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox/register"
	bolt "go.etcd.io/bbolt"
)

// audit is one register lookup: who asked, for which company, when, and
// what came back. Kept in the service's data, not in its log.
type audit struct {
	At      string `json:"at"`
	Person  string `json:"person"`
	Company string `json:"company"`
	Result  string `json:"result"`
}

var bucketAudit = []byte("audit")

// lookup is POST .../persons/lookup: is the worker on the form already
// known to the Crossroads Bank? It answers with no more than the form
// needs: the person's data (never their number, documents or address)
// and which of the form's empty fields it would fill.
func (s *Sandbox) lookup(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	var q api.Lookup
	if err := json.NewDecoder(r.Body).Decode(&q); err != nil {
		writeProblem(w, r, http.StatusBadRequest, "service.malformed", nil)
		return
	}
	out := app.Known{Result: app.KnownNone}
	o := s.register.Match(register.QueryOf(q.Document, q.Person))
	switch o.Result {
	case register.Ambiguous:
		out.Result = app.KnownAmbiguous
	case register.Found:
		p, _ := o.Person()
		form := q.Person
		out.Fills = p.Fill(&form)
		out.Result = app.KnownFound
		out.Person = &app.Person{Surname: p.Surname, GivenNames: p.GivenNames, Sex: p.Sex, BirthDate: p.BirthDate,
			BirthPlace: p.BirthPlace, BirthCountry: p.BirthCountry, Nationality: p.Nationality}
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := nested(tx, bucketAudit, c.company, true)
		if err != nil {
			return err
		}
		seq, _ := b.NextSequence()
		return putJSON(b, string(be64(seq)), audit{At: s.now().UTC().Format("2006-01-02T15:04:05Z"), Person: c.ID, Company: c.company, Result: out.Result})
	})
	if err != nil {
		writeProblem(w, r, http.StatusInternalServerError, "service.internal", nil)
		return
	}
	s.log.Info("register looked up", "result", out.Result)
	writeJSON(w, http.StatusOK, out)
}

// Lookups returns how many register lookups a company's staff made (the
// audit trail's length), for tests and the clerk.
func (s *Sandbox) Lookups(company string) int {
	n := 0
	_ = s.db.View(func(tx *bolt.Tx) error {
		if b, _ := nested(tx, bucketAudit, company, false); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	})
	return n
}
