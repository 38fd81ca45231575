package app

import (
	"slices"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func fullRequest() *Request {
	return &Request{
		Requester: "hr@example.be",
		Document:  Document{Kind: Passport},
		Pages:     []Page{{Label: "front"}},
		Person: Person{Surname: "Kowalska", GivenNames: "Anna", Sex: Female,
			BirthDate: Date{1990, 3, 14}, BirthPlace: "Kraków"},
	}
}

func TestLackingAndIdentifiable(t *testing.T) {
	r := fullRequest()
	if got := r.Lacking(); len(got) != 0 || !r.Identifiable() {
		t.Fatalf("full request: lacking %v, identifiable %v", got, r.Identifiable())
	}
	r.Person.BirthPlace = ""
	r.Person.BirthDate = Date{Year: 1990}
	if got := r.Lacking(); !slices.Equal(got, []string{FieldBirthDate, FieldBirthPlace}) {
		t.Errorf("lacking = %v", got)
	}
	if r.Identifiable() {
		t.Error("partial date without address is identifiable")
	}
	r.Residence = Address{Street: "ul. Długa", Number: "5", Municipality: "Kraków", Country: "PL"}
	if !r.Identifiable() {
		t.Error("partial date + residence abroad should be identifiable (set b)")
	}
	r.Residence = Address{}
	r.Contact = Address{Street: "Wetstraat", Number: "1", PostalCode: "1040", Municipality: "Etterbeek", Country: "BE"}
	if !r.Identifiable() {
		t.Error("partial date + Belgian contact address should be identifiable (set c)")
	}
}

func TestStepValidation(t *testing.T) {
	r := fullRequest()
	if err := r.ValidateSend(now); err != nil {
		t.Fatalf("valid request: %v", err)
	}
	cases := []struct {
		name   string
		change func(*Request)
		code   string
	}{
		{"no kind", func(r *Request) { r.Document.Kind = "" }, "request.kind_missing"},
		{"no pages", func(r *Request) { r.Pages = nil }, "request.pages_missing"},
		{"fifth page", func(r *Request) { r.Pages = make([]Page, 5) }, "request.too_many_pages"},
		{"no surname", func(r *Request) { r.Person.Surname = " " }, "request.surname_missing"},
		{"born tomorrow", func(r *Request) { r.Person.BirthDate = Date{2026, 11, 30} }, "request.birth_in_future"},
		{"bad e-mail", func(r *Request) { r.Requester = "hr@" }, "request.email_invalid"},
		{"e-mail no domain dot", func(r *Request) { r.Requester = "hr@localhost" }, "request.email_invalid"},
		{"box in number", func(r *Request) {
			r.Residence = Address{Street: "Rue Haute", Number: "32/20", PostalCode: "1000", Municipality: "Bruxelles", Country: "BE"}
		}, "address.box_in_number"},
		{"bad postcode", func(r *Request) {
			r.Residence = Address{Street: "Rue Haute", Number: "32", PostalCode: "9999", Municipality: "Bruxelles", Country: "BE"}
		}, "address.postcode_invalid"},
		{"foreign contact", func(r *Request) {
			r.Contact = Address{Street: "Main St", Number: "1", Municipality: "Leeds", Country: "GB"}
		}, "address.contact_not_belgian"},
		{"half address", func(r *Request) { r.Residence = Address{Street: "Main St", Country: "GB"} }, "address.number_missing"},
	}
	for _, c := range cases {
		r := fullRequest()
		c.change(r)
		if got := ErrorCode(r.ValidateSend(now)); got != c.code {
			t.Errorf("%s: code %q, want %q", c.name, got, c.code)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]Date{
		"1985-07-30": {1985, 7, 30}, "30/07/1985": {1985, 7, 30}, "30.07.1985": {1985, 7, 30},
		"1985-07": {1985, 7, 0}, "1985": {1985, 0, 0}, "": {},
	} {
		got, err := ParseDate(in)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
		if back, _ := ParseDate(got.String()); back != got {
			t.Errorf("round trip of %v gave %v", got, back)
		}
	}
	for _, bad := range []string{"1985-02-30", "1985-13-01", "abc", "1985-00-05", "31/04/2001"} {
		if _, err := ParseDate(bad); ErrorCode(err) != "date.invalid" {
			t.Errorf("ParseDate(%q) err = %v, want date.invalid", bad, err)
		}
	}
}
