package sandbox

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// The clerk is the service's staff: they move investigated requests on
// (ask, allocate, reject). By hand through `idpro sandbox clerk`, which
// calls /clerk/... with the clerk key; or by the timed clerk (RunClerk).
// The clerk routes belong to the sandbox only, not to the service's API.

var (
	bucketClerk = []byte("clerk")
	keyClerk    = []byte("key")
)

// HeaderClerkKey carries the clerk key (ClerkKey) on /clerk/... routes.
const HeaderClerkKey = "X-Clerk-Key"

// ClerkItem is one request as the clerk's list shows it.
type ClerkItem struct {
	ID       string     `json:"id"`
	Company  string     `json:"company"`
	Status   app.Status `json:"status"`
	Asked    []string   `json:"asked,omitempty"`
	Updated  time.Time  `json:"updated"`
	Initials string     `json:"initials"`
}

// ClerkKey is the key that opens the clerk routes, made once per data
// file (when it is opened).
func (s *Sandbox) ClerkKey() string { return s.clerkKey }

// loadClerkKey reads the data file's clerk key, making it the first time.
func loadClerkKey(tx *bolt.Tx) (string, error) {
	b := tx.Bucket(bucketClerk)
	if k := b.Get(keyClerk); k != nil {
		return string(k), nil
	}
	key := randomToken()
	return key, b.Put(keyClerk, []byte(key))
}

// ClerkList lists every company's open requests, oldest change first.
func (s *Sandbox) ClerkList() []ClerkItem {
	var out []ClerkItem
	_ = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRequests).ForEachBucket(func(company []byte) error {
			return tx.Bucket(bucketRequests).Bucket(company).ForEach(func(_, v []byte) error {
				var rec record
				if json.Unmarshal(v, &rec) == nil && rec.Receipt.Status.Open() {
					out = append(out, ClerkItem{ID: rec.Receipt.ID, Company: string(company), Status: rec.Receipt.Status,
						Asked: rec.Receipt.Asked, Updated: rec.Receipt.Updated, Initials: rec.Submission.Person.Initials()})
				}
				return nil
			})
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Updated.Before(out[j].Updated) })
	return out
}

// ClerkAsk asks the requester for fields, a page and/or in words.
func (s *Sandbox) ClerkAsk(id string, q app.Question, by string) (app.Receipt, error) {
	return s.clerkDo(id, func(tx *bolt.Tx, rec *record) error {
		if rec.Receipt.Status == app.InfoRequested {
			return app.Errorf("service.already_asked", nil)
		}
		if len(q.Fields) == 0 && !q.Page && q.Text == "" {
			return app.Errorf("service.empty_question", nil)
		}
		s.ask(rec, q, by)
		return nil
	})
}

// ClerkAllocate gives a BIS number (or the known person's number).
func (s *Sandbox) ClerkAllocate(id string) (app.Receipt, error) {
	return s.clerkDo(id, func(tx *bolt.Tx, rec *record) error {
		return s.allocateNew(tx, rec, rec.Submission)
	})
}

// ClerkReject refuses a request with a reason in words.
func (s *Sandbox) ClerkReject(id, reason, by string) (app.Receipt, error) {
	return s.clerkDo(id, func(tx *bolt.Tx, rec *record) error {
		if strings.TrimSpace(reason) == "" {
			return app.Errorf("service.reason_missing", nil)
		}
		rec.Receipt.Message = "notice.rejected"
		rec.Receipt.Asked = nil
		s.setStatus(rec, app.Rejected, by, "notice.rejected", reason)
		return nil
	})
}

// clerkDo changes one open request, wherever its company.
func (s *Sandbox) clerkDo(id string, change func(*bolt.Tx, *record) error) (app.Receipt, error) {
	var rec record
	err := s.db.Update(func(tx *bolt.Tx) error {
		company, ok := s.companyOfRequest(tx, id)
		if !ok {
			return app.Errorf("service.not_found", nil)
		}
		rec, _ = load(tx, company, id)
		if !rec.Receipt.Status.Open() {
			return app.Errorf("service.closed", nil, "status", string(rec.Receipt.Status))
		}
		if err := change(tx, &rec); err != nil {
			return err
		}
		return s.store(tx, company, &rec)
	})
	if err != nil {
		return app.Receipt{}, err
	}
	s.log.Info("clerk moved a request", "id", id, "status", rec.Receipt.Status)
	s.notify(rec)
	return rec.Receipt, nil
}

func (s *Sandbox) companyOfRequest(tx *bolt.Tx, id string) (string, bool) {
	found := ""
	_ = tx.Bucket(bucketRequests).ForEachBucket(func(company []byte) error {
		if tx.Bucket(bucketRequests).Bucket(company).Get([]byte(id)) != nil {
			found = string(company)
		}
		return nil
	})
	return found, found != ""
}

// ClerkTick is one round of the timed clerk: a request investigated or
// answered for at least wait is moved on by the rules (doc.go): an
// investigation asks for what is missing (or, for a known person several
// records match, a page of another document); an answer is judged again.
func (s *Sandbox) ClerkTick(wait time.Duration) int {
	moved := 0
	for _, item := range s.ClerkList() {
		if s.now().Sub(item.Updated) < wait {
			continue
		}
		var err error
		switch item.Status {
		case app.Investigating:
			_, err = s.clerkDo(item.ID, func(tx *bolt.Tx, rec *record) error {
				if rec.Ambiguous {
					s.ask(rec, app.Question{Page: true, Code: questionSeveral}, "")
					return nil
				}
				s.ask(rec, app.Question{Fields: rec.Receipt.Asked, Code: questionFields}, "")
				return nil
			})
		case app.Answered, app.Received:
			_, err = s.clerkDo(item.ID, func(tx *bolt.Tx, rec *record) error {
				return s.judge(tx, rec, rec.Submission, rec.Pages, true)
			})
		default:
			continue
		}
		if err != nil {
			s.log.Warn("timed clerk", "id", item.ID, "err", err)
			continue
		}
		moved++
	}
	return moved
}

// RunClerk runs the timed clerk every wait until ctx ends.
func (s *Sandbox) RunClerk(ctx context.Context, wait time.Duration) {
	t := time.NewTicker(max(wait/4, 100*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.ClerkTick(wait)
		}
	}
}

func (s *Sandbox) clerkRoutes() {
	s.mux.Handle("GET /clerk/requests", s.clerkOnly(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.ClerkList())
	}))
	s.mux.Handle("POST /clerk/requests/{id}/{action}", s.clerkOnly(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Fields []string `json:"fields"`
			Page   bool     `json:"page"`
			Text   string   `json:"text"`
			By     string   `json:"by"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			writeProblem(w, r, http.StatusBadRequest, "service.malformed", nil)
			return
		}
		id := r.PathValue("id")
		var rc app.Receipt
		var err error
		switch r.PathValue("action") {
		case "ask":
			rc, err = s.ClerkAsk(id, app.Question{Fields: body.Fields, Page: body.Page, Text: body.Text}, body.By)
		case "allocate":
			rc, err = s.ClerkAllocate(id)
		case "reject":
			rc, err = s.ClerkReject(id, body.Text, body.By)
		default:
			writeProblem(w, r, http.StatusNotFound, "service.not_found", nil)
			return
		}
		if err != nil {
			status := http.StatusConflict
			if app.ErrorCode(err) == "service.not_found" {
				status = http.StatusNotFound
			}
			writeProblem(w, r, status, app.ErrorCode(err), nil)
			return
		}
		writeJSON(w, http.StatusOK, rc)
	}))
}

// clerkOnly lets through calls with the clerk key.
func (s *Sandbox) clerkOnly(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get(HeaderClerkKey)
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(s.ClerkKey())) != 1 {
			writeProblem(w, r, http.StatusUnauthorized, "auth.required", nil)
			return
		}
		h(w, r)
	})
}
