package sandbox

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	bolt "go.etcd.io/bbolt"
)

// Sandbox serves the belgianIDpro API from a local bbolt file.
type Sandbox struct {
	db  *bolt.DB
	now func() time.Time
	log *slog.Logger
	mux *http.ServeMux
}

// Options tune Open; zero values are fine.
type Options struct {
	Now func() time.Time
	Log *slog.Logger
}

var (
	bucketRequests = []byte("requests")
	bucketIdem     = []byte("idem")
	bucketCounters = []byte("counters")
)

// record is what the sandbox keeps of one request.
type record struct {
	Receipt    app.Receipt    `json:"receipt"`
	Submission api.Submission `json:"submission"`
	Created    time.Time      `json:"created"`
}

// Open opens or creates the sandbox's data file.
func Open(path string, opt Options) (*Sandbox, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, app.Errorf("store.open", err, "path", path)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, app.Errorf("sandbox.open", err, "path", path)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketRequests, bucketIdem, bucketCounters} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, app.Errorf("sandbox.open", err, "path", path)
	}
	s := &Sandbox{db: db, now: opt.Now, log: opt.Log, mux: http.NewServeMux()}
	s.routes()
	return s, nil
}

// Close closes the data file.
func (s *Sandbox) Close() error { return s.db.Close() }

func (s *Sandbox) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Sandbox) routes() {
	s.mux.HandleFunc("GET "+api.PathHealth, func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.HandleFunc("POST "+api.PathRequests, s.submit)
	s.mux.HandleFunc("GET "+api.PathRequests, s.list)
	s.mux.HandleFunc("GET "+api.PathRequests+"/{id}", s.status)
	s.mux.HandleFunc("POST "+api.PathRequests+"/{id}/cancel", s.cancel)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func writeProblem(w http.ResponseWriter, code int, key string, err error) {
	msg := key
	if err != nil {
		msg = err.Error()
	}
	writeJSON(w, code, api.Problem{Code: key, Message: msg})
}

func (s *Sandbox) status(w http.ResponseWriter, r *http.Request) {
	rec, err := s.load(r.PathValue("id"))
	if err != nil {
		writeProblem(w, http.StatusNotFound, "service.not_found", err)
		return
	}
	writeJSON(w, http.StatusOK, rec.Receipt)
}

func (s *Sandbox) list(w http.ResponseWriter, r *http.Request) {
	who := r.URL.Query().Get("requester")
	out := []app.Receipt{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRequests).ForEach(func(_, v []byte) error {
			var rec record
			if err := json.Unmarshal(v, &rec); err != nil {
				return err
			}
			if who == "" || rec.Submission.Requester == who {
				out = append(out, rec.Receipt)
			}
			return nil
		})
	})
	if err != nil {
		writeProblem(w, http.StatusInternalServerError, "service.internal", err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Sandbox) cancel(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var rc app.Receipt
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRequests)
		var rec record
		data := b.Get([]byte(id))
		if data == nil {
			return app.Errorf("service.not_found", nil, "id", id)
		}
		if err := json.Unmarshal(data, &rec); err != nil {
			return err
		}
		if !rec.Receipt.Status.Open() {
			return app.Errorf("service.cannot_cancel", nil, "status", string(rec.Receipt.Status))
		}
		rec.Receipt.Status = app.Cancelled
		rec.Receipt.Updated = s.now()
		rec.Receipt.Asked = nil
		rc = rec.Receipt
		return put(b, id, rec)
	})
	switch code := app.ErrorCode(err); {
	case code == "service.not_found":
		writeProblem(w, http.StatusNotFound, code, err)
	case code == "service.cannot_cancel":
		writeProblem(w, http.StatusConflict, code, err)
	case err != nil:
		writeProblem(w, http.StatusInternalServerError, "service.internal", err)
	default:
		s.log.Info("request cancelled", "id", id)
		writeJSON(w, http.StatusOK, rc)
	}
}

func (s *Sandbox) load(id string) (record, error) {
	var rec record
	err := s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketRequests).Get([]byte(id))
		if data == nil {
			return app.Errorf("service.not_found", nil, "id", id)
		}
		return json.Unmarshal(data, &rec)
	})
	return rec, err
}

func put(b *bolt.Bucket, id string, rec record) error {
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return b.Put([]byte(id), data)
}

func newID(tx *bolt.Tx) (string, error) {
	seq, err := tx.Bucket(bucketRequests).NextSequence()
	return "BIS-" + strconv.FormatUint(seq+100000, 10), err
}

// allocate gives the next free BIS number for a birth date and sex.
func allocate(tx *bolt.Tx, birth app.Date, sex app.Sex) (app.INSZ, error) {
	class := "U"
	if sex == app.Male || sex == app.Female {
		class = string(sex)
	}
	key := fmt.Appendf(nil, "%02d%02d%02d%s", birth.Year%100, birth.Month, birth.Day, class)
	b := tx.Bucket(bucketCounters)
	seq := 1
	if v := b.Get(key); v != nil {
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return "", err
		}
		seq = n + 1
	}
	n, err := app.NewBIS(birth, sex, seq)
	if err != nil {
		return "", app.Errorf("service.numbers_exhausted", err)
	}
	return n, b.Put(key, []byte(strconv.Itoa(seq)))
}
