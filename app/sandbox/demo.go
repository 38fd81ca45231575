package sandbox

import (
	"fmt"
	"strconv"

	"github.com/idpro/idpro/app"
	bolt "go.etcd.io/bbolt"
)

// DemoPIN is every demo person's eID PIN, and DemoCode their security
// code; itsme asks only for the phone number (the sandbox stands in for
// the approval in the itsme app).
const (
	DemoPIN  = "1234"
	DemoCode = "123456"
)

// DemoPerson is a demo identity, documented in docs/service.md and the
// sign-in page so that anyone can try every role.
type DemoPerson struct {
	ID, Name, Email, Language, NationalNumber, Phone string
	// Roles maps an enterprise number to the role there; Granted lists the
	// companies whose main access manager gave them belgianIDpro.
	Roles   map[string]app.Role
	Granted []string
}

// Demo companies: a bakery and a transport firm, each with a main access
// manager and two staff members. Bram Claes works for both (a social
// secretariat's accountant), so he picks a company after signing in;
// Chloé Dubois has not been given access yet.
var (
	DemoCompanies = []struct{ Number, Name string }{
		{"0403170701", "Bakkerij Janssens BV"},
		{"0417181162", "Transports Lambert SA"},
	}
	DemoPeople = []DemoPerson{
		{ID: "p-an", Name: "An Peeters", Email: "an.peeters@bakkerij-janssens.be", Language: "nl",
			NationalNumber: rrn("850730", 33), Phone: "+32470000001",
			Roles: map[string]app.Role{"0403170701": app.Manager}},
		{ID: "p-bram", Name: "Bram Claes", Email: "bram.claes@sociaal-secretariaat.be", Language: "nl",
			NationalNumber: rrn("900214", 117), Phone: "+32470000002",
			Roles:   map[string]app.Role{"0403170701": app.Staff, "0417181162": app.Staff},
			Granted: []string{"0403170701", "0417181162"}},
		{ID: "p-chloe", Name: "Chloé Dubois", Email: "chloe.dubois@bakkerij-janssens.be", Language: "fr",
			NationalNumber: rrn("920505", 224), Phone: "+32470000003",
			Roles: map[string]app.Role{"0403170701": app.Staff}},
		{ID: "p-marc", Name: "Marc Lambert", Email: "marc.lambert@transports-lambert.be", Language: "fr",
			NationalNumber: rrn("780911", 5), Phone: "+32470000004",
			Roles: map[string]app.Role{"0417181162": app.Manager}},
		{ID: "p-sofie", Name: "Sofie Wouters", Email: "sofie.wouters@transports-lambert.be", Language: "de",
			NationalNumber: rrn("880102", 246), Phone: "+32470000005",
			Roles: map[string]app.Role{"0417181162": app.Staff}, Granted: []string{"0417181162"}},
	}
)

// rrn makes a national register number born before 2000 from its date and
// sequence: the check is 97 minus the first nine digits mod 97.
func rrn(yymmdd string, seq int) string {
	body := fmt.Sprintf("%s%03d", yymmdd, seq)
	n, _ := strconv.Atoi(body)
	return fmt.Sprintf("%s%02d", body, 97-n%97)
}

func seedDemo(tx *bolt.Tx) error {
	for _, c := range DemoCompanies {
		if err := putJSON(tx.Bucket(bucketCompanies), c.Number, company{Number: c.Number, Name: c.Name}); err != nil {
			return err
		}
	}
	for _, d := range DemoPeople {
		p := person{ID: d.ID, Name: d.Name, Email: d.Email, Language: d.Language,
			NationalNumber: d.NationalNumber, PIN: DemoPIN, Phone: d.Phone, Code: DemoCode}
		if err := addPerson(tx, p); err != nil {
			return err
		}
		for number, role := range d.Roles {
			m := membership{Role: role, Access: role == app.Manager}
			for _, g := range d.Granted {
				m.Access = m.Access || g == number
			}
			b, err := nested(tx, bucketMembers, number, true)
			if err != nil {
				return err
			}
			if err := putJSON(b, d.ID, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// addPerson records a person and the keys they sign in with.
func addPerson(tx *bolt.Tx, p person) error {
	if err := putJSON(tx.Bucket(bucketPersons), p.ID, p); err != nil {
		return err
	}
	logins := tx.Bucket(bucketLogins)
	for method, login := range map[string]string{methodEID: p.NationalNumber, methodItsme: p.Phone, methodCode: p.Email} {
		if login == "" {
			continue
		}
		if err := logins.Put([]byte(loginKey(method, login)), []byte(p.ID)); err != nil {
			return err
		}
	}
	return nil
}

// AddStaff adds a member of staff to a company, for scripts, load tests
// and demos: they sign in with their e-mail and DemoCode. It returns their
// id.
func (s *Sandbox) AddStaff(company, name, email string, access bool) (string, error) {
	id := "p-" + randomToken()[:12]
	err := s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketCompanies).Get([]byte(company)) == nil {
			return app.Errorf("service.not_found", nil)
		}
		if err := addPerson(tx, person{ID: id, Name: name, Email: email, Language: "en", Code: DemoCode}); err != nil {
			return err
		}
		b, err := nested(tx, bucketMembers, company, true)
		if err != nil {
			return err
		}
		return putJSON(b, id, membership{Role: app.Staff, Access: access})
	})
	return id, err
}
