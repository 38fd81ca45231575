package sandbox

import (
	"errors"
	"net/http"
	"slices"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// answer is POST .../requests/{id}/answer: the requester's reply to the
// service's question. Only the fields asked are taken; pages are added
// within the four-page limit; the request goes back to the service
// (Answered), whose clerk judges it again.
func (s *Sandbox) answer(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	var a app.Answer
	if !decode(w, r, &a) {
		return
	}
	var rec record
	var failure *app.Error
	status := http.StatusOK
	err := s.db.Update(func(tx *bolt.Tx) error {
		var ok bool
		if rec, ok = load(tx, c.company, r.PathValue("id")); !ok {
			status, failure = http.StatusNotFound, app.Errorf("service.not_found", nil)
			return nil
		}
		q := rec.Receipt.Question
		switch {
		case rec.Receipt.Status != app.InfoRequested || q == nil:
			status, failure = http.StatusConflict, app.Errorf("service.not_asked", nil, "status", string(rec.Receipt.Status))
			return nil
		case a.Empty():
			status, failure = http.StatusBadRequest, app.Errorf("service.empty_answer", nil)
			return nil
		}
		pages, err := countPages(a.Pages, rec.Pages)
		if err != nil {
			failure, status = asError(err), http.StatusBadRequest
			return nil
		}
		sub := rec.Submission
		fill(&sub.Person, a.Person, q.Fields)
		req := sub.Request()
		if err := req.ValidatePerson(s.now()); err != nil {
			failure, status = asError(err), http.StatusBadRequest
			return nil
		}
		if err := putPages(tx, rec.Receipt.ID, a.Pages); err != nil {
			return err
		}
		rec.Submission, rec.Pages = sub, pages
		person := sub.Person
		rec.Receipt.Person = &person
		rec.Receipt.Asked = nil
		s.setStatus(&rec, app.Answered, c.Name, "", a.Text)
		return s.store(tx, c.company, &rec)
	})
	switch {
	case err != nil:
		writeProblem(w, r, http.StatusInternalServerError, "service.internal", nil)
	case failure != nil:
		writeProblem(w, r, status, failure.Code, failure.Data)
	default:
		s.log.Info("question answered", "id", rec.Receipt.ID)
		s.notify(rec)
		writeJSON(w, http.StatusOK, rec.Receipt)
	}
}

// fill copies the asked fields from the answer into the person.
func fill(p *app.Person, from app.Person, asked []string) {
	has := func(f string) bool { return slices.Contains(asked, f) }
	if has(app.FieldSurname) && from.Surname != "" {
		p.Surname = from.Surname
	}
	if has(app.FieldGivenNames) && from.GivenNames != "" {
		p.GivenNames = from.GivenNames
	}
	if has(app.FieldSex) && from.Sex != app.Unknown {
		p.Sex = from.Sex
	}
	if has(app.FieldBirthDate) && !from.BirthDate.IsZero() {
		p.BirthDate = from.BirthDate
	}
	if has(app.FieldBirthPlace) && from.BirthPlace != "" {
		p.BirthPlace = from.BirthPlace
	}
	if has(app.FieldBirthCountry) && from.BirthCountry != "" {
		p.BirthCountry = from.BirthCountry
	}
	if has(app.FieldNationality) && from.Nationality != "" {
		p.Nationality = from.Nationality
	}
}

// asError is err as the app's error, a malformed request when it is none.
func asError(err error) *app.Error {
	var ae *app.Error
	if errors.As(err, &ae) {
		return ae
	}
	return app.Errorf("service.malformed", err)
}
