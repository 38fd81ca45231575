package sandbox_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/register"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
)

// known is a register of three: Łukasz Wróbel, and two Ana Silvas born
// the same day (namesakes the name route cannot tell apart).
var known = []register.Person{
	{INSZ: "90021400172", Surname: "Wróbel", GivenNames: "Łukasz Piotr", Sex: app.Male,
		BirthDate: app.Date{Year: 1990, Month: 2, Day: 14}, BirthPlace: "Wrocław", BirthCountry: "POL", Nationality: "POL",
		Documents: []register.Document{{Kind: app.Passport, Number: "EK1234567", IssuingState: "POL"}}},
	{INSZ: "85460898095", Surname: "Silva", GivenNames: "Ana", Sex: app.Female,
		BirthDate: app.Date{Year: 1985, Month: 6, Day: 8}, BirthPlace: "Porto", Nationality: "PRT"},
	{INSZ: "85460898196", Surname: "Silva", GivenNames: "Ana", Sex: app.Female,
		BirthDate: app.Date{Year: 1985, Month: 6, Day: 8}, BirthPlace: "Lisboa", Nationality: "PRT"},
}

type followup struct {
	s     *sandboxtest.Server
	c     *api.Client
	clock *time.Time
}

func startFollowup(t *testing.T) followup {
	t.Helper()
	clock := now
	s := sandboxtest.Start(t, "", sandbox.Options{Now: func() time.Time { return clock }, Register: register.New(known)})
	return followup{s: s, c: s.Client(bram, bakery), clock: &clock}
}

func (f followup) submit(t *testing.T, r *app.Request) app.Receipt {
	t.Helper()
	rc, err := f.c.Submit(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

// tick lets the timed clerk act on what waited at least a minute.
func (f followup) tick(t *testing.T) {
	*f.clock = f.clock.Add(2 * time.Minute)
	f.s.Sandbox.ClerkTick(time.Minute)
}

func (f followup) status(t *testing.T, id string) app.Receipt {
	t.Helper()
	rc, err := f.c.Status(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

func statuses(rc app.Receipt) []app.Status {
	var out []app.Status
	for _, e := range rc.Timeline {
		out = append(out, e.Status)
	}
	return out
}

// A worker known by their document gets their existing number at once,
// with the missing data completed from the register.
func TestKnownPersonGetsTheirNumber(t *testing.T) {
	f := startFollowup(t)
	r := complete(app.Unknown)
	r.Document = app.Document{Kind: app.Passport, Number: "EK 1234567", IssuingState: "POL"}
	r.Person = app.Person{Surname: "WROBEL", GivenNames: "LUKASZ"}
	rc := f.submit(t, r)
	if rc.Status != app.Allocated || rc.INSZ != "90021400172" || rc.Message != "notice.known_person" {
		t.Fatalf("receipt %+v", rc)
	}
	if rc.Person.BirthPlace != "Wrocław" || rc.Person.Sex != app.Male || !slices.Contains(rc.Completed, app.FieldBirthDate) {
		t.Errorf("completed person %+v, fields %v", rc.Person, rc.Completed)
	}
	if rc.Person.Surname != "WROBEL" {
		t.Errorf("the register overwrote a typed field: %q", rc.Person.Surname)
	}
}

// Each rule of doc.go leads where it says.
func TestRulesReachEveryStatus(t *testing.T) {
	f := startFollowup(t)
	ctx := context.Background()

	// Identifiable but incomplete (partial birth date, residence abroad):
	// investigated, then the clerk asks for what is missing, the answer
	// goes back, and the clerk allocates.
	r := complete(app.Male)
	r.Person.BirthDate = app.Date{Year: 1979}
	r.Person.BirthPlace = ""
	r.Residence = app.Address{Street: "ul. Długa", Number: "5", PostalCode: "00-238", Municipality: "Warszawa", Country: "PL"}
	rc := f.submit(t, r)
	if rc.Status != app.Investigating || rc.Message != "notice.incomplete" {
		t.Fatalf("identifiable, incomplete: %+v", rc)
	}
	f.tick(t)
	rc = f.status(t, rc.ID)
	if rc.Status != app.InfoRequested || rc.Question == nil || !slices.Equal(rc.Question.Fields, []string{app.FieldBirthDate, app.FieldBirthPlace}) {
		t.Fatalf("after the clerk: %+v %+v", rc, rc.Question)
	}
	if _, err := f.c.Answer(ctx, rc.ID, app.Answer{}); app.ErrorCode(err) != "service.empty_answer" {
		t.Errorf("empty answer: %v", err)
	}
	rc, err := f.c.Answer(ctx, rc.ID, app.Answer{Person: app.Person{BirthDate: app.Date{Year: 1979, Month: 3, Day: 2}, BirthPlace: "Łódź", Surname: "Changed"},
		Text: "Born in Łódź."})
	if err != nil || rc.Status != app.Answered || rc.Question != nil {
		t.Fatalf("answer: %+v, %v", rc, err)
	}
	if rc.Person.BirthPlace != "Łódź" || rc.Person.Surname != "Kowalski" {
		t.Errorf("answer applied as %+v: only the asked fields may change", rc.Person)
	}
	if _, err := f.c.Answer(ctx, rc.ID, app.Answer{Text: "again"}); app.ErrorCode(err) != "service.not_asked" {
		t.Errorf("answer when nothing is asked: %v", err)
	}
	f.tick(t)
	rc = f.status(t, rc.ID)
	want := []app.Status{app.Received, app.Investigating, app.InfoRequested, app.Answered, app.Allocated}
	if rc.Status != app.Allocated || rc.INSZ == "" || !slices.Equal(statuses(rc), want) {
		t.Fatalf("after the answer: %s %s, timeline %v", rc.Status, rc.INSZ, statuses(rc))
	}
	if n, _ := app.ParseINSZ(string(rc.INSZ)); n[4:6] != "02" || n[2:4] != "43" {
		t.Errorf("number %s does not carry the answered birth date", rc.INSZ)
	}

	// Not identifiable: asked at once; no pages: a page is asked.
	r = complete(app.Female)
	r.Person.BirthPlace, r.Person.BirthDate = "", app.Date{Year: 1990}
	if rc := f.submit(t, r); rc.Status != app.InfoRequested || rc.Question.Code != "question.fields" {
		t.Errorf("not identifiable: %+v", rc)
	}
	r = complete(app.Female)
	r.Pages = nil
	if rc := f.submit(t, r); rc.Status != app.InfoRequested || !rc.Question.Page {
		t.Errorf("no pages: %+v", rc)
	}

	// An expired document is rejected with the reason.
	r = complete(app.Male)
	r.Document.ExpiryDate = app.Date{Year: 2020, Month: 1, Day: 1}
	if rc := f.submit(t, r); rc.Status != app.Rejected || rc.Message != "notice.document_expired" {
		t.Errorf("expired document: %+v", rc)
	}

	// Two namesakes: investigated; the clerk asks for another document's
	// page; a page answers; the clerk allocates.
	r = complete(app.Female)
	r.Document = app.Document{Kind: app.IDCard, Number: "X9", IssuingState: "PRT"}
	r.Person = app.Person{Surname: "Silva", GivenNames: "Ana", Sex: app.Female, BirthDate: app.Date{Year: 1985, Month: 6, Day: 8}, BirthPlace: "Coimbra", Nationality: "PRT"}
	rc = f.submit(t, r)
	if rc.Status != app.Investigating || rc.Message != "notice.ambiguous" {
		t.Fatalf("namesakes: %+v", rc)
	}
	f.tick(t)
	rc = f.status(t, rc.ID)
	if rc.Status != app.InfoRequested || !rc.Question.Page || rc.Question.Code != "question.ambiguous" {
		t.Fatalf("namesakes after the clerk: %+v", rc.Question)
	}
	five := []app.Page{r.Pages[0], r.Pages[0], r.Pages[0], r.Pages[0]}
	if _, err := f.c.Answer(ctx, rc.ID, app.Answer{Pages: five}); app.ErrorCode(err) != "request.too_many_pages" {
		t.Errorf("answer beyond four pages: %v", err)
	}
	if rc, err = f.c.Answer(ctx, rc.ID, app.Answer{Pages: r.Pages[:1]}); err != nil || rc.Status != app.Answered {
		t.Fatalf("page answer: %+v, %v", rc, err)
	}
	f.tick(t)
	if rc = f.status(t, rc.ID); rc.Status != app.Allocated {
		t.Errorf("namesakes after the page: %s", rc.Status)
	}

	// The clerk by hand: ask in words, reject with a reason.
	r = complete(app.Male)
	r.Person.BirthPlace = ""
	r.Residence = app.Address{Street: "Main St", Number: "1", Municipality: "Chișinău", Country: "MD"}
	r.Person.BirthDate = app.Date{Year: 1980}
	rc = f.submit(t, r)
	if _, err := f.s.Sandbox.ClerkAsk(rc.ID, app.Question{Text: "Which town was the worker born in?"}, "Clerk Jansen"); err != nil {
		t.Fatal(err)
	}
	rc = f.status(t, rc.ID)
	if rc.Status != app.InfoRequested || rc.Question.Text != "Which town was the worker born in?" {
		t.Fatalf("asked in words: %+v", rc.Question)
	}
	if _, err := f.s.Sandbox.ClerkReject(rc.ID, "No such person in Moldova's register.", "Clerk Jansen"); err != nil {
		t.Fatal(err)
	}
	rc = f.status(t, rc.ID)
	last := rc.Timeline[len(rc.Timeline)-1]
	if rc.Status != app.Rejected || last.Note != "No such person in Moldova's register." || last.By != "Clerk Jansen" {
		t.Errorf("rejected: %s, %+v", rc.Status, last)
	}
	if _, err := f.s.Sandbox.ClerkAllocate(rc.ID); app.ErrorCode(err) != "service.closed" {
		t.Errorf("allocating a rejected request: %v", err)
	}
}

// The lookup answers no more than the form needs, and every one is
// audited.
func TestLookupOffersTheKnownPerson(t *testing.T) {
	f := startFollowup(t)
	ctx := context.Background()
	k, err := f.c.Lookup(ctx, app.Document{Number: "EK1234567", IssuingState: "POL"}, app.Person{Surname: "Wrobel"})
	if err != nil || k.Result != app.KnownFound || k.Person == nil || k.Person.BirthPlace != "Wrocław" {
		t.Fatalf("by document: %+v, %v", k, err)
	}
	if !slices.Contains(k.Fills, app.FieldBirthPlace) || slices.Contains(k.Fills, app.FieldSurname) {
		t.Errorf("fills %v: the empty fields only", k.Fills)
	}
	raw, _ := json.Marshal(k)
	if strings.Contains(string(raw), "90021400172") || strings.Contains(string(raw), "EK1234567") {
		t.Errorf("the lookup gives away more than the form needs: %s", raw)
	}
	k, _ = f.c.Lookup(ctx, app.Document{}, app.Person{Surname: "SILVA", GivenNames: "ANA", BirthDate: app.Date{Year: 1985}, Nationality: "PRT"})
	if k.Result != app.KnownAmbiguous || k.Person != nil {
		t.Errorf("namesakes: %+v", k)
	}
	k, _ = f.c.Lookup(ctx, app.Document{}, app.Person{Surname: "Nobody", BirthDate: app.Date{Year: 1970}, Nationality: "FRA"})
	if k.Result != app.KnownNone {
		t.Errorf("unknown: %+v", k)
	}
	if n := f.s.Sandbox.Lookups(bakery); n != 3 {
		t.Errorf("%d lookups audited, want 3", n)
	}
}

// The transitions the rules test above does not take.
func TestMoreTransitions(t *testing.T) {
	f := startFollowup(t)
	ctx := context.Background()
	abroad := func() *app.Request {
		r := complete(app.Male)
		r.Person.BirthPlace, r.Person.BirthDate = "", app.Date{Year: 1979}
		r.Residence = app.Address{Street: "ul. Długa", Number: "5", Municipality: "Warszawa", Country: "PL"}
		return r
	}
	// investigating -> allocated, by the clerk's hand.
	rc := f.submit(t, abroad())
	if got, err := f.s.Sandbox.ClerkAllocate(rc.ID); err != nil || got.Status != app.Allocated || got.INSZ == "" {
		t.Errorf("clerk allocates: %+v, %v", got, err)
	}
	// investigating -> cancelled.
	rc = f.submit(t, abroad())
	if got, err := f.c.Cancel(ctx, rc.ID); err != nil || got.Status != app.Cancelled {
		t.Errorf("cancel under investigation: %+v, %v", got, err)
	}
	// answered -> info_requested: an answer that leaves the worker
	// unidentifiable is asked again.
	r := complete(app.Male)
	r.Person.BirthPlace, r.Person.BirthDate = "", app.Date{Year: 1979}
	rc = f.submit(t, r)
	if rc.Status != app.InfoRequested {
		t.Fatalf("unidentifiable: %s", rc.Status)
	}
	if rc, _ = f.c.Answer(ctx, rc.ID, app.Answer{Text: "I do not know."}); rc.Status != app.Answered {
		t.Fatalf("answered: %s", rc.Status)
	}
	f.tick(t)
	if rc = f.status(t, rc.ID); rc.Status != app.InfoRequested || !slices.Contains(rc.Question.Fields, app.FieldBirthPlace) {
		t.Errorf("answered without the data: %s %+v", rc.Status, rc.Question)
	}
	// info_requested -> rejected by the clerk; a clerk's question needs
	// something to ask.
	if _, err := f.s.Sandbox.ClerkAsk(rc.ID, app.Question{Text: "again"}, "Clerk"); app.ErrorCode(err) != "service.already_asked" {
		t.Errorf("asking twice: %v", err)
	}
	if _, err := f.s.Sandbox.ClerkReject(rc.ID, "", "Clerk"); app.ErrorCode(err) != "service.reason_missing" {
		t.Errorf("reject without a reason: %v", err)
	}
	if got, err := f.s.Sandbox.ClerkReject(rc.ID, "Not identifiable.", "Clerk"); err != nil || got.Status != app.Rejected {
		t.Errorf("reject while asked: %+v, %v", got, err)
	}
}
