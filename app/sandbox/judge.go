package sandbox

import (
	"slices"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox/register"
	bolt "go.etcd.io/bbolt"
)

// Message keys of the service's own words (assets/translations/app),
// which the app and the e-mail show in the user's language.
const (
	noticeKnown      = "notice.known_person"
	noticeAmbiguous  = "notice.ambiguous"
	noticeIncomplete = "notice.incomplete"
	noticeExpired    = "notice.document_expired"
	noticeAllocated  = "notice.allocated"
	questionFields   = "question.fields"
	questionPage     = "question.page"
	questionSeveral  = "question.ambiguous"
)

// judge decides what becomes of a request, by the rules in doc.go, at
// submission (first) and after an answer (again). sub holds the data as
// it stands, pages is how many pages the service holds.
func (s *Sandbox) judge(tx *bolt.Tx, rec *record, sub api.Submission, pages int, again bool) error {
	req := sub.Request()
	req.Requester = rec.Receipt.Email
	for range pages {
		req.Pages = append(req.Pages, app.Page{})
	}
	if exp := sub.Document.ExpiryDate; exp.Full() && !exp.After(s.now()) {
		rec.Receipt.Message = noticeExpired
		s.setStatus(rec, app.Rejected, "", noticeExpired, "")
		return nil
	}
	known := s.register.Match(register.QueryOf(sub.Document, sub.Person))
	switch known.Result {
	case register.Found:
		p, _ := known.Person()
		person := sub.Person
		rec.Receipt.Completed = p.Fill(&person)
		rec.Receipt.Person = &person
		rec.Receipt.INSZ = p.INSZ
		rec.Receipt.Message = noticeKnown
		s.setStatus(rec, app.Allocated, "", noticeKnown, "")
		return nil
	case register.Ambiguous:
		if !again {
			rec.Ambiguous = true
			rec.Receipt.Message = noticeAmbiguous
			s.setStatus(rec, app.Investigating, "", noticeAmbiguous, "")
			return nil
		}
	}
	lacking := slices.DeleteFunc(req.Lacking(), func(f string) bool { return f == app.FieldRequester })
	switch {
	case len(lacking) == 0:
		return s.allocateNew(tx, rec, sub)
	case slices.Contains(lacking, app.FieldPages):
		s.ask(rec, app.Question{Page: true, Fields: without(lacking, app.FieldPages), Code: questionPage}, "")
	case !req.Identifiable():
		s.ask(rec, app.Question{Fields: lacking, Code: questionFields}, "")
	case again:
		// Identifiable: the clerk allocates with what is known.
		return s.allocateNew(tx, rec, sub)
	default:
		rec.Receipt.Asked = lacking
		rec.Receipt.Message = noticeIncomplete
		s.setStatus(rec, app.Investigating, "", noticeIncomplete, "")
	}
	return nil
}

// allocateNew gives a new BIS number.
func (s *Sandbox) allocateNew(tx *bolt.Tx, rec *record, sub api.Submission) error {
	n, err := allocate(tx, sub.Person.BirthDate, sub.Person.Sex)
	if err != nil {
		return err
	}
	rec.Receipt.INSZ = n
	rec.Receipt.Asked = nil
	rec.Receipt.Message = noticeAllocated
	s.setStatus(rec, app.Allocated, "", noticeAllocated, "")
	return nil
}

// ask requests information from the requester; by is the clerk's name
// when a person asks, text their words.
func (s *Sandbox) ask(rec *record, q app.Question, by string) {
	q.Asked = s.now()
	rec.Receipt.Question = &q
	rec.Receipt.Asked = q.Fields
	if q.Page {
		rec.Receipt.Asked = append(rec.Receipt.Asked, app.FieldPages)
	}
	rec.Receipt.Message = q.Code
	s.setStatus(rec, app.InfoRequested, by, q.Code, q.Text)
}

func without(list []string, drop string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(f string) bool { return f == drop })
}
