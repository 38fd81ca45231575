package sandbox

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// The bucket tree; doc.go says what each holds.
var (
	bucketPersons   = []byte("persons")
	bucketLogins    = []byte("logins")
	bucketCompanies = []byte("companies")
	bucketMembers   = []byte("members")
	bucketFlows     = []byte("flows")
	bucketCodes     = []byte("codes")
	bucketTokens    = []byte("tokens")
	bucketRefresh   = []byte("refresh")
	bucketRequests  = []byte("requests")
	bucketRevs      = []byte("revs")
	bucketIdem      = []byte("idem")
	bucketCounters  = []byte("counters")
	bucketScans     = []byte("scans")
)

var topBuckets = [][]byte{bucketPersons, bucketLogins, bucketCompanies, bucketMembers, bucketFlows,
	bucketCodes, bucketTokens, bucketRefresh, bucketRequests, bucketRevs, bucketIdem, bucketCounters, bucketScans, bucketAudit, bucketClerk}

// person is someone who can sign in: the keys they sign in with, and what
// the service knows of them.
type person struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Email    string `json:"email"`
	Language string `json:"language"`
	// NationalNumber and PIN are the eID card's; Phone is itsme's; the
	// security code is one fixed code per person in the sandbox.
	NationalNumber string `json:"national_number"`
	PIN            string `json:"pin"`
	Phone          string `json:"phone"`
	Code           string `json:"code"`
}

// company is an employer; its members are in members/<number>/<person>.
type company struct {
	Number string `json:"number"`
	Name   string `json:"name"`
}

// membership is a person's role in a company and whether the main access
// manager granted them belgianIDpro.
type membership struct {
	Role   app.Role `json:"role"`
	Access bool     `json:"access"`
}

func (s *Sandbox) migrate(tx *bolt.Tx) error {
	fresh := tx.Bucket(bucketPersons) == nil
	for _, b := range topBuckets {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	var err error
	if s.clerkKey, err = loadClerkKey(tx); err != nil {
		return err
	}
	if fresh && !s.opt.NoDemo {
		return seedDemo(tx)
	}
	return nil
}

func getJSON(b *bolt.Bucket, key string, v any) bool {
	if b == nil {
		return false
	}
	data := b.Get([]byte(key))
	return data != nil && json.Unmarshal(data, v) == nil
}

func putJSON(b *bolt.Bucket, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), data)
}

// nested returns the nested bucket name under top, creating it when create.
func nested(tx *bolt.Tx, top []byte, name string, create bool) (*bolt.Bucket, error) {
	b := tx.Bucket(top)
	if !create {
		return b.Bucket([]byte(name)), nil
	}
	return b.CreateBucketIfNotExists([]byte(name))
}

func loginKey(method, login string) string {
	return method + ":" + strings.ToLower(strings.Join(strings.Fields(login), ""))
}

func (s *Sandbox) personByID(tx *bolt.Tx, id string) (person, bool) {
	var p person
	return p, getJSON(tx.Bucket(bucketPersons), id, &p)
}

func (s *Sandbox) membership(tx *bolt.Tx, number, pid string) (membership, bool) {
	var m membership
	b, _ := nested(tx, bucketMembers, number, false)
	return m, getJSON(b, pid, &m)
}

// companiesOf lists every company the person belongs to.
func (s *Sandbox) companiesOf(tx *bolt.Tx, pid string) []app.Company {
	var out []app.Company
	_ = tx.Bucket(bucketCompanies).ForEach(func(k, v []byte) error {
		var c company
		if json.Unmarshal(v, &c) != nil {
			return nil
		}
		if m, ok := s.membership(tx, c.Number, pid); ok {
			out = append(out, app.Company{Number: c.Number, Name: c.Name, Role: m.Role, Access: m.Access || m.Role == app.Manager})
		}
		return nil
	})
	return out
}

func be64(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return b[:]
}

// putPages keeps a request's pages apart from its record: scans/<id>/<nn>.
func putPages(tx *bolt.Tx, id string, pages []app.Page) error {
	b, err := nested(tx, bucketScans, id, true)
	if err != nil {
		return err
	}
	n := b.Stats().KeyN
	for i, p := range pages {
		if err := putJSON(b, fmt.Sprintf("%02d", n+i), p); err != nil {
			return err
		}
	}
	return nil
}
