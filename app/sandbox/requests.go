package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	bolt "go.etcd.io/bbolt"
)

// record is what the sandbox keeps of one request; its pages are in
// scans/<id>, so listing never reads them.
type record struct {
	Receipt    app.Receipt    `json:"receipt"`
	Submission api.Submission `json:"submission"` // as sent, completed by answers
	Pages      int            `json:"pages"`      // pages held, counting a PDF's
	Lang       string         `json:"lang"`       // the requester's language, for mail
	// Ambiguous marks a request several known persons match: the clerk
	// asks for more before allocating.
	Ambiguous bool `json:"ambiguous,omitempty"`
	// changed lists the statuses set since the record was loaded: each
	// is mailed once the transaction is stored.
	changed []app.Status
}

// load reads one of the company's requests.
func load(tx *bolt.Tx, company, id string) (record, bool) {
	var rec record
	b, _ := nested(tx, bucketRequests, company, false)
	return rec, getJSON(b, id, &rec)
}

// store writes a request at the company's next revision, so clients that
// sync see it among the changes.
func (s *Sandbox) store(tx *bolt.Tx, company string, rec *record) error {
	b, err := nested(tx, bucketRequests, company, true)
	if err != nil {
		return err
	}
	revs, err := nested(tx, bucketRevs, company, true)
	if err != nil {
		return err
	}
	if rec.Receipt.Rev != 0 {
		if err := revs.Delete(be64(uint64(rec.Receipt.Rev))); err != nil {
			return err
		}
	}
	rev, err := tx.Bucket(bucketRevs).NextSequence()
	if err != nil {
		return err
	}
	rec.Receipt.Rev = int64(rev)
	if err := revs.Put(be64(rev), []byte(rec.Receipt.ID)); err != nil {
		return err
	}
	return putJSON(b, rec.Receipt.ID, rec)
}

// setStatus moves a request on and keeps the change in its timeline; the
// requester is told by e-mail once the change is stored (notify.go).
func (s *Sandbox) setStatus(rec *record, st app.Status, by, code, note string) {
	now := s.now()
	if st != app.InfoRequested {
		rec.Receipt.Question = nil
	}
	rec.Receipt.Status = st
	rec.Receipt.Updated = now
	rec.Receipt.Timeline = append(rec.Receipt.Timeline, app.Event{At: now, Status: st, By: by, Code: code, Note: note})
	rec.changed = append(rec.changed, st)
}

// status is GET .../requests/{id}.
func (s *Sandbox) status(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	var rec record
	var ok bool
	_ = s.db.View(func(tx *bolt.Tx) error { rec, ok = load(tx, c.company, r.PathValue("id")); return nil })
	if !ok {
		writeProblem(w, r, http.StatusNotFound, "service.not_found", nil)
		return
	}
	writeJSON(w, http.StatusOK, rec.Receipt)
}

// cancel is POST .../requests/{id}/cancel: any staff member with access
// may withdraw an open request of the company.
func (s *Sandbox) cancel(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	var rec record
	code := ""
	err := s.db.Update(func(tx *bolt.Tx) error {
		var ok bool
		if rec, ok = load(tx, c.company, r.PathValue("id")); !ok {
			code = "service.not_found"
			return nil
		}
		if !rec.Receipt.Status.Open() {
			code = "service.cannot_cancel"
			return nil
		}
		s.setStatus(&rec, app.Cancelled, c.Name, "", "")
		rec.Receipt.Asked = nil
		return s.store(tx, c.company, &rec)
	})
	switch {
	case err != nil:
		writeProblem(w, r, http.StatusInternalServerError, "service.internal", nil)
	case code == "service.not_found":
		writeProblem(w, r, http.StatusNotFound, code, nil)
	case code != "":
		writeProblem(w, r, http.StatusConflict, code, map[string]any{"status": string(rec.Receipt.Status)})
	default:
		s.log.Info("request cancelled", "id", rec.Receipt.ID)
		s.notify(rec)
		writeJSON(w, http.StatusOK, rec.Receipt)
	}
}

// changes is GET .../changes?since=C&limit=N: the company's requests
// changed after cursor C, oldest change first. The cursor is the last
// revision returned; a request changed twice appears once, at its newest.
func (s *Sandbox) changes(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	q := r.URL.Query()
	since, err := parseCursor(q.Get("since"))
	if err != nil {
		writeProblem(w, r, http.StatusBadRequest, "service.bad_cursor", nil)
		return
	}
	limit := boundedInt(q.Get("limit"), 200, 1000)
	out := app.Changes{Company: c.company, Receipts: []app.Receipt{}, Cursor: q.Get("since")}
	_ = s.db.View(func(tx *bolt.Tx) error {
		revs, _ := nested(tx, bucketRevs, c.company, false)
		if revs == nil {
			return nil
		}
		cur := revs.Cursor()
		for k, v := cur.Seek(be64(since + 1)); k != nil; k, v = cur.Next() {
			if len(out.Receipts) == limit {
				out.More = true
				break
			}
			if rec, ok := load(tx, c.company, string(v)); ok {
				out.Receipts = append(out.Receipts, rec.Receipt)
				out.Cursor = strconv.FormatInt(rec.Receipt.Rev, 10)
			}
		}
		return nil
	})
	writeJSON(w, http.StatusOK, out)
}

func parseCursor(s string) (uint64, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.ParseUint(s, 10, 64)
}

func boundedInt(s string, def, most int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return def
	}
	return min(n, most)
}

// list is GET .../requests: the company's history, filtered, sorted and a
// page at a time (api.ListQuery says how).
func (s *Sandbox) list(w http.ResponseWriter, r *http.Request) {
	c := callerOf(r)
	q, err := api.ParseListQuery(r.URL.Query())
	if err != nil {
		writeProblem(w, r, http.StatusBadRequest, app.ErrorCode(err), nil)
		return
	}
	var all []app.Receipt
	_ = s.db.View(func(tx *bolt.Tx) error {
		b, _ := nested(tx, bucketRequests, c.company, false)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var rec record
			if json.Unmarshal(v, &rec) == nil && q.Match(rec.Receipt) {
				all = append(all, rec.Receipt)
			}
			return nil
		})
	})
	slices.SortStableFunc(all, q.Compare)
	page := api.Page{Items: []app.Receipt{}}
	if q.Offset < len(all) {
		end := min(q.Offset+q.Limit, len(all))
		page.Items = all[q.Offset:end]
		if end < len(all) {
			page.Next = strconv.Itoa(end)
		}
	}
	page.Total = len(all)
	writeJSON(w, http.StatusOK, page)
}
