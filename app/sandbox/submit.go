package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
	if !decode(w, r, &sub) {
		return
	}
	pages, err := s.validate(sub, 0)
	if err != nil {
		ae := asError(err)
		writeProblem(w, r, http.StatusBadRequest, ae.Code, ae.Data)
		return
	}
	canonical, _ := json.Marshal(sub)
	sum := sha256.Sum256(canonical)
	hash := hex.EncodeToString(sum[:])
	var rec record
	status := http.StatusCreated
	err = s.db.Update(func(tx *bolt.Tx) error {
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
		rec.Pages = pages
		s.setStatus(&rec, app.Received, "", "", "")
		if err := s.judge(tx, &rec, rec.Submission, pages, false); err != nil {
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
			s.notify(rec)
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
	rec := record{Submission: sub, Lang: c.Language, Receipt: app.Receipt{
		ID: id, Company: c.company, Created: now, Updated: now,
		RequestedBy: &app.Requester{ID: c.ID, Name: c.Name, Email: c.Email}, Email: email,
		Person: &person, Document: &doc,
	}}
	rec.Submission.Pages = nil
	return rec
}

// validate refuses what the service would not accept at all (missing
// data is not refused but asked for) and counts the pages, a PDF's
// included, with the held ones: at most app.MaxPages.
func (s *Sandbox) validate(sub api.Submission, held int) (int, error) {
	pages, err := countPages(sub.Pages, held)
	if err != nil {
		return 0, err
	}
	req := sub.Request()
	if err := req.ValidatePerson(s.now()); err != nil {
		return 0, err
	}
	if err := req.ValidateAddress(); err != nil {
		return 0, err
	}
	if sub.Requester != "" && !app.ValidEmail(sub.Requester) {
		return 0, app.Errorf("request.email_invalid", nil, "value", sub.Requester)
	}
	return pages, nil
}

func countPages(list []app.Page, held int) (int, error) {
	if held+len(list) > app.MaxPages {
		return 0, app.Errorf("request.too_many_pages", nil, "max", app.MaxPages)
	}
	pages := held
	for _, p := range list {
		if !pageTypes[p.ContentType] || len(p.Data) == 0 {
			return 0, app.Errorf("service.bad_page", nil, "type", p.ContentType)
		}
		n, err := pageCount(p)
		if err != nil {
			return 0, err
		}
		pages += n
	}
	if pages > app.MaxPages {
		return 0, app.Errorf("request.too_many_pages", nil, "max", app.MaxPages)
	}
	return pages, nil
}
