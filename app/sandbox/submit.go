package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	bolt "go.etcd.io/bbolt"
)

var pageTypes = map[string]bool{"image/jpeg": true, "image/png": true, "application/pdf": true}

// idem is what an idempotency key was first used for: the request it made
// and a hash of the body, so that the same key with another body (two
// workstations that both counted to 1) is refused instead of answered
// with someone else's receipt.
type idem struct {
	ID   string `json:"id"`
	Hash string `json:"hash"`
}

// isSubmission tells the routes that carry pages.
func isSubmission(path string) bool {
	return strings.HasSuffix(path, "/requests") || strings.HasSuffix(path, "/answer")
}

// submit is POST .../requests with an Idempotency-Key.
func (s *Sandbox) submit(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	key := strings.TrimSpace(r.Header.Get(api.HeaderIdemKey))
	if len(key) < 16 || len(key) > 128 {
		writeProblem(w, r, http.StatusBadRequest, "service.key_missing", nil)
		return
	}
	var sub api.Submission
	if err := json.NewDecoder(r.Body).Decode(&sub); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeProblem(w, r, http.StatusRequestEntityTooLarge, "service.too_large", nil)
			return
		}
		writeProblem(w, r, http.StatusBadRequest, "service.malformed", nil)
		return
	}
	if err := s.validate(sub); err != nil {
		var ae *app.Error
		errors.As(err, &ae)
		writeProblem(w, r, http.StatusBadRequest, ae.Code, ae.Data)
		return
	}
	canonical, _ := json.Marshal(sub)
	sum := sha256.Sum256(canonical)
	hash := hex.EncodeToString(sum[:])
	var rec record
	status := http.StatusCreated
	err := s.db.Update(func(tx *bolt.Tx) error {
		keys, err := nested(tx, bucketIdem, c.company, true)
		if err != nil {
			return err
		}
		var seen idem
		if getJSON(keys, key, &seen) {
			if seen.Hash != hash {
				status = http.StatusUnprocessableEntity
				return nil
			}
			status = http.StatusOK
			rec, _ = load(tx, c.company, seen.ID)
			return nil
		}
		seq, err := tx.Bucket(bucketRequests).NextSequence()
		if err != nil {
			return err
		}
		rec = s.newRecord(c, "BIS-"+strconv.FormatUint(seq+100000, 10), sub)
		if err := s.judge(tx, &rec, sub); err != nil {
			return err
		}
		if err := putPages(tx, rec.Receipt.ID, sub.Pages); err != nil {
			return err
		}
		if err := putJSON(keys, key, idem{ID: rec.Receipt.ID, Hash: hash}); err != nil {
			return err
		}
		return s.store(tx, c.company, &rec)
	})
	switch {
	case err != nil:
		writeProblem(w, r, http.StatusInternalServerError, "service.internal", nil)
	case status == http.StatusUnprocessableEntity:
		writeProblem(w, r, status, "service.key_reused", nil)
	default:
		if status == http.StatusCreated {
			s.log.Info("request received", "id", rec.Receipt.ID, "status", rec.Receipt.Status)
		}
		writeJSON(w, status, rec.Receipt)
	}
}

// newRecord is a request as received: the signed-in staff member is its
// requester; the e-mail for status mail is theirs unless the form gave
// another.
func (s *Sandbox) newRecord(c caller, id string, sub api.Submission) record {
	email := sub.Requester
	if email == "" {
		email = c.Email
	}
	person, doc := sub.Person, sub.Document
	doc.MRZ = nil
	now := s.now()
	rec := record{Submission: sub, Receipt: app.Receipt{
		ID: id, Company: c.company, Created: now, Updated: now,
		RequestedBy: &app.Requester{ID: c.ID, Name: c.Name, Email: c.Email}, Email: email,
		Person: &person, Document: &doc,
	}}
	rec.Submission.Pages = nil
	return rec
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
	if sub.Requester != "" && !app.ValidEmail(sub.Requester) {
		return app.Errorf("request.email_invalid", nil, "value", sub.Requester)
	}
	return nil
}

// judge decides the outcome of a new submission: an INSZ at once when the
// mandatory data is there, an investigation naming what is missing when not.
func (s *Sandbox) judge(tx *bolt.Tx, rec *record, sub api.Submission) error {
	s.setStatus(rec, app.Received, "", "")
	req := sub.Request()
	req.Requester = rec.Receipt.Email
	if lacking := req.Lacking(); len(lacking) > 0 {
		rec.Receipt.Asked = lacking
		rec.Receipt.Message = "Under investigation: the mandatory data listed is missing."
		s.setStatus(rec, app.Investigating, "", "")
		return nil
	}
	n, err := allocate(tx, sub.Person.BirthDate, sub.Person.Sex)
	if err != nil {
		return err
	}
	rec.Receipt.INSZ = n
	s.setStatus(rec, app.Allocated, "", "")
	return nil
}
