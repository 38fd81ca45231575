package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	bolt "go.etcd.io/bbolt"
)

var pageTypes = map[string]bool{"image/jpeg": true, "image/png": true, "application/pdf": true}

func (s *Sandbox) submit(w http.ResponseWriter, r *http.Request) {
	var sub api.Submission
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, api.MaxRequestBody))
	if err := dec.Decode(&sub); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeProblem(w, http.StatusRequestEntityTooLarge, "service.too_large", err)
			return
		}
		writeProblem(w, http.StatusBadRequest, "service.malformed", err)
		return
	}
	if err := s.validate(sub); err != nil {
		writeProblem(w, http.StatusBadRequest, app.ErrorCode(err), err)
		return
	}
	idem := strings.TrimSpace(r.Header.Get(api.HeaderIdemKey))
	var rc app.Receipt
	created := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		if idem != "" {
			if id := tx.Bucket(bucketIdem).Get([]byte(idem)); id != nil {
				var rec record
				if err := json.Unmarshal(tx.Bucket(bucketRequests).Get(id), &rec); err != nil {
					return err
				}
				rc = rec.Receipt
				return nil
			}
		}
		id, err := newID(tx)
		if err != nil {
			return err
		}
		rc, err = s.judge(tx, id, sub)
		if err != nil {
			return err
		}
		created = true
		if idem != "" {
			if err := tx.Bucket(bucketIdem).Put([]byte(idem), []byte(id)); err != nil {
				return err
			}
		}
		return put(tx.Bucket(bucketRequests), id, record{Receipt: rc, Submission: sub, Created: s.now()})
	})
	if err != nil {
		writeProblem(w, http.StatusInternalServerError, "service.internal", err)
		return
	}
	code := http.StatusOK
	if created {
		code = http.StatusCreated
		s.log.Info("request received", "id", rc.ID, "status", rc.Status, "insz", rc.INSZ)
	}
	writeJSON(w, code, rc)
}

// validate refuses what the service would not accept at all; missing data
// is not refused but investigated.
func (s *Sandbox) validate(sub api.Submission) error {
	req := sub.Request()
	if len(sub.Pages) > app.MaxPages {
		return app.Errorf("request.too_many_pages", nil, "max", app.MaxPages)
	}
	pages := 0
	for _, p := range sub.Pages {
		if !pageTypes[p.ContentType] || len(p.Data) == 0 {
			return app.Errorf("service.bad_page", nil, "type", p.ContentType)
		}
		n, err := pageCount(p)
		if err != nil {
			return err
		}
		pages += n
	}
	if pages > app.MaxPages {
		return app.Errorf("request.too_many_pages", nil, "max", app.MaxPages)
	}
	if err := req.ValidatePerson(s.now()); err != nil {
		return err
	}
	if err := req.ValidateAddress(); err != nil {
		return err
	}
	if !app.ValidEmail(sub.Requester) {
		return app.Errorf("request.email_invalid", nil, "value", sub.Requester)
	}
	return nil
}

// judge decides the outcome of a new submission: an INSZ at once when the
// mandatory data is there, an investigation naming what is missing when not.
func (s *Sandbox) judge(tx *bolt.Tx, id string, sub api.Submission) (app.Receipt, error) {
	rc := app.Receipt{ID: id, Updated: s.now()}
	if lacking := sub.Request().Lacking(); len(lacking) > 0 {
		rc.Status = app.Investigating
		rc.Asked = lacking
		rc.Message = "Under investigation: the mandatory data listed is missing."
		return rc, nil
	}
	n, err := allocate(tx, sub.Person.BirthDate, sub.Person.Sex)
	if err != nil {
		return rc, err
	}
	rc.Status = app.Allocated
	rc.INSZ = n
	return rc, nil
}
