package store

import (
	"bytes"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/idpro/idpro/app"
)

// secrets are what must never be found in clear in the file.
func secretsOf(r *app.Request) map[string][]byte {
	out := map[string][]byte{
		"surname":         []byte(r.Person.Surname),
		"given names":     []byte(r.Person.GivenNames),
		"birth place":     []byte(r.Person.BirthPlace),
		"document number": []byte(r.Document.Number),
		"street":          []byte(r.Residence.Street),
		"requester":       []byte(r.Requester),
	}
	if r.INSZ != "" {
		out["INSZ"] = []byte(r.INSZ)
	}
	for i, p := range r.Pages {
		// 64 bytes from the middle of each page: a grep for a chunk of
		// the image.
		out["page "+p.Label] = p.Data[len(p.Data)/2 : len(p.Data)/2+64]
		if i == 0 && p.Original != nil {
			out["original"] = p.Original.Data[100:164]
		}
	}
	return out
}

func secretRequest() *app.Request {
	page := func(label string) app.Page {
		data := make([]byte, 64<<10)
		rand.Read(data)
		return app.Page{Label: label, ContentType: "image/jpeg", Data: data}
	}
	front, whole := page("front"), page("whole")
	front.Original = &whole
	return &app.Request{
		Status:    app.Draft,
		Requester: "hr.wachowiak@bakkerij.example",
		Document:  app.Document{Kind: app.Passport, Number: "EK9391027", IssuingState: "POL"},
		Person: app.Person{Surname: "Wachowiakowska", GivenNames: "Zuzanna Maria", Sex: app.Female,
			BirthDate: app.Date{Year: 1990, Month: 7, Day: 9}, BirthPlace: "Szczebrzeszyn"},
		Residence: app.Address{Street: "Ulica Przykladowa", Number: "17", PostalCode: "22-460", Municipality: "Zamosc", Country: "PL"},
		Pages:     []app.Page{front, page("back")},
	}
}

func grepFile(t *testing.T, path string, secrets map[string][]byte) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for what, s := range secrets {
		if len(s) == 0 {
			t.Fatalf("empty secret %s", what)
		}
		if bytes.Contains(raw, s) {
			t.Errorf("the %s (%q) is in clear in %s", what, s[:min(len(s), 24)], filepath.Base(path))
		}
	}
}

func TestNothingPersonalInClear(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idpro.db")
	s := open(t, path)
	r := secretRequest()
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	r.INSZ = "98472899765"
	r.Status = app.Queued
	if err := s.Save(r); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSettings(app.Settings{Requester: r.Requester}); err != nil {
		t.Fatal(err)
	}
	grepFile(t, path, secretsOf(r)) // while open: what a sync client copies
	s.Close()
	grepFile(t, path, secretsOf(r))
}
