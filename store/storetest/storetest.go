// Package storetest is the conformance suite of app.History: every
// implementation runs Run, so the desk and the UI can rely on one
// behaviour (store runs it in its tests).
package storetest

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
)

// Run runs the suite; open returns a new, empty history for each test,
// closed by the test's cleanup.
func Run(t *testing.T, open func(t *testing.T) app.History) {
	tests := []struct {
		name string
		fn   func(*testing.T, app.History)
	}{
		{"SaveGivesIDsKeysAndStamps", testSaveGivesIDs},
		{"PagesRoundTrip", testPagesRoundTrip},
		{"RequestsNewestFirstWithoutPages", testRequestsNewestFirst},
		{"SaveReplacesPages", testSaveReplacesPages},
		{"Delete", testDelete},
		{"StaleDraftNeverReplacesQueued", testStale},
		{"OutboxFollowsStatus", testOutbox},
		{"Postpone", testPostpone},
		{"MergeAndCursor", testMerge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

func person() app.Person {
	return app.Person{Surname: "Kowalska", GivenNames: "Anna", Sex: app.Female,
		BirthDate: app.Date{Year: 1991, Month: 3, Day: 14}, BirthPlace: "Kraków"}
}

func page(label string, b byte, n int) app.Page {
	return app.Page{Label: label, ContentType: "image/png", Data: bytes.Repeat([]byte{b}, n), DPI: 300}
}

func save(t *testing.T, h app.History, r *app.Request) {
	t.Helper()
	if err := h.Save(r); err != nil {
		t.Fatalf("save %q: %v", r.ID, err)
	}
}

func load(t *testing.T, h app.History, id string) *app.Request {
	t.Helper()
	r, err := h.Request(id)
	if err != nil {
		t.Fatalf("request %q: %v", id, err)
	}
	return r
}

func testSaveGivesIDs(t *testing.T, h app.History) {
	a := &app.Request{Status: app.Draft, Person: person()}
	b := &app.Request{Status: app.Draft}
	save(t, h, a)
	save(t, h, b)
	if a.ID == "" || a.ID == b.ID || a.Key == "" || a.Key == b.Key {
		t.Fatalf("ids %q %q, keys %q %q", a.ID, b.ID, a.Key, b.Key)
	}
	if a.Created.IsZero() || a.Updated.Before(a.Created) {
		t.Fatalf("created %v, updated %v", a.Created, a.Updated)
	}
	before := a.Updated
	a.Person.Surname = "Nowak"
	save(t, h, a)
	if !a.Updated.After(before) {
		t.Errorf("a second save keeps revision %v (was %v)", a.Updated, before)
	}
	if got := load(t, h, a.ID); got.Person.Surname != "Nowak" || got.Person.BirthPlace != "Kraków" || !got.Updated.Equal(a.Updated) {
		t.Errorf("stored %+v", got.Person)
	}
}

func testPagesRoundTrip(t *testing.T, h app.History) {
	whole := page("whole", 9, 300)
	front := page("front", 1, 200)
	front.Original = &whole
	r := &app.Request{Status: app.Draft, Pages: []app.Page{front, page("back", 2, 100)},
		Scan: &app.Page{Label: "document", ContentType: "application/pdf", Data: []byte("%PDF-1.7")}}
	save(t, h, r)
	got := load(t, h, r.ID)
	if len(got.Pages) != 2 || got.Pages[0].Label != "front" || !bytes.Equal(got.Pages[0].Data, front.Data) ||
		got.Pages[0].DPI != 300 || got.Pages[1].Label != "back" || !bytes.Equal(got.Pages[1].Data, r.Pages[1].Data) {
		t.Fatalf("pages %+v", got.Pages)
	}
	if o := got.Pages[0].Original; o == nil || o.Label != "whole" || !bytes.Equal(o.Data, whole.Data) {
		t.Errorf("original %+v", o)
	}
	if got.Scan == nil || string(got.Scan.Data) != "%PDF-1.7" || got.Scan.ContentType != "application/pdf" {
		t.Errorf("scan %+v", got.Scan)
	}
}

func testRequestsNewestFirst(t *testing.T, h app.History) {
	var ids []string
	for i := range 3 {
		r := &app.Request{Status: app.Draft, Person: person(), Pages: []app.Page{page("front", byte(i), 10)}}
		save(t, h, r)
		ids = append(ids, r.ID)
	}
	list, err := h.Requests()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].ID != ids[2] || list[2].ID != ids[0] {
		t.Fatalf("order %v, want newest of %v first", idsOf(list), ids)
	}
	for _, r := range list {
		if r.Pages != nil || r.Scan != nil || r.Person.Surname != "Kowalska" {
			t.Errorf("listed %+v", r)
		}
	}
}

func idsOf(list []*app.Request) []string {
	var out []string
	for _, r := range list {
		out = append(out, r.ID)
	}
	return out
}

func testSaveReplacesPages(t *testing.T, h app.History) {
	r := &app.Request{Status: app.Draft, Pages: []app.Page{page("front", 1, 50), page("back", 2, 50)}}
	save(t, h, r)
	r.Pages = r.Pages[1:]
	save(t, h, r)
	if got := load(t, h, r.ID); len(got.Pages) != 1 || got.Pages[0].Label != "back" {
		t.Fatalf("pages after removing one: %+v", got.Pages)
	}
	r.Pages = nil
	save(t, h, r)
	if got := load(t, h, r.ID); len(got.Pages) != 0 {
		t.Fatalf("pages after removing all: %+v", got.Pages)
	}
}

func testDelete(t *testing.T, h app.History) {
	shared := page("front", 7, 64)
	a := &app.Request{Status: app.Draft, Pages: []app.Page{shared}}
	b := &app.Request{Status: app.Draft, Pages: []app.Page{shared}}
	save(t, h, a)
	save(t, h, b)
	if err := h.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Request(a.ID); app.ErrorCode(err) != "store.not_found" {
		t.Errorf("deleted request: %v", err)
	}
	if got := load(t, h, b.ID); len(got.Pages) != 1 || !bytes.Equal(got.Pages[0].Data, shared.Data) {
		t.Errorf("a page two requests share is gone with one of them: %+v", got.Pages)
	}
	if err := h.Delete("no-such-id"); err != nil {
		t.Errorf("deleting a missing id: %v", err)
	}
}

func testStale(t *testing.T, h app.History) {
	r := &app.Request{Status: app.Draft, Person: person()}
	save(t, h, r)
	late := *r // an autosave still holding the draft
	r.Status = app.Queued
	save(t, h, r)
	late.Person.Surname = "Late"
	if err := h.Save(&late); !errors.Is(err, app.ErrStale) {
		t.Fatalf("a late draft save over a queued request: %v, want app.ErrStale", err)
	}
	if got := load(t, h, r.ID); got.Status != app.Queued || got.Person.Surname != "Kowalska" {
		t.Fatalf("kept %s %q", got.Status, got.Person.Surname)
	}
	// The holder of the current revision may move it on, even back to
	// a draft (the service refused it).
	r.Status = app.Draft
	save(t, h, r)
	if got := load(t, h, r.ID); got.Status != app.Draft {
		t.Fatalf("status %s", got.Status)
	}
}

func testOutbox(t *testing.T, h app.History) {
	a := &app.Request{Status: app.Draft}
	b := &app.Request{Status: app.Queued}
	c := &app.Request{Status: app.Queued}
	for _, r := range []*app.Request{a, b, c} {
		save(t, h, r)
	}
	out, err := h.Outbox()
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].ID != b.ID || out[0].Key != b.Key || out[1].ID != c.ID || out[0].Next.IsZero() {
		t.Fatalf("outbox %+v", out)
	}
	b.Status, b.RemoteID = app.Received, "BIS-1"
	save(t, h, b)
	if err := h.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if out, _ := h.Outbox(); len(out) != 0 {
		t.Fatalf("outbox after sending and deleting: %+v", out)
	}
}

func testPostpone(t *testing.T, h app.History) {
	r := &app.Request{Status: app.Queued}
	save(t, h, r)
	next := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := h.Postpone(r.ID, next); err != nil {
		t.Fatal(err)
	}
	save(t, h, r) // saved again while queued: the try is kept
	out, err := h.Outbox()
	if err != nil || len(out) != 1 || out[0].Tries != 1 || !out[0].Next.Equal(next) || out[0].Key != r.Key {
		t.Fatalf("outbox %+v, %v", out, err)
	}
	if err := h.Postpone("no-such-id", next); err != nil {
		t.Errorf("postponing what left the outbox: %v", err)
	}
}

func testMerge(t *testing.T, h app.History) {
	if c, err := h.Cursor("0403170701"); c != "" || err != nil {
		t.Fatalf("first cursor %q, %v", c, err)
	}
	mine := &app.Request{Status: app.Received, RemoteID: "BIS-7", Person: person(), Pages: []app.Page{page("front", 3, 40)}}
	save(t, h, mine)
	rcs := []app.Receipt{
		{ID: "BIS-7", Rev: 2, Status: app.Allocated, INSZ: "98472899765"},
		{ID: "BIS-8", Rev: 1, Status: app.Investigating, Person: &app.Person{Surname: "Other"}},
	}
	if err := h.Merge("0403170701", "c1", rcs); err != nil {
		t.Fatal(err)
	}
	if c, _ := h.Cursor("0403170701"); c != "c1" {
		t.Errorf("cursor %q", c)
	}
	got := load(t, h, mine.ID)
	if got.Status != app.Allocated || got.INSZ != "98472899765" || len(got.Pages) != 1 || got.Person.Surname != "Kowalska" {
		t.Errorf("merged %+v", got)
	}
	// An older view of the service's never replaces a newer one.
	if err := h.Merge("0403170701", "c2", []app.Receipt{{ID: "BIS-7", Rev: 1, Status: app.Investigating}}); err != nil {
		t.Fatal(err)
	}
	if got := load(t, h, mine.ID); got.Status != app.Allocated {
		t.Errorf("an older receipt applied: %s", got.Status)
	}
	list, _ := h.Requests()
	if len(list) != 2 || list[0].RemoteID != "BIS-8" || list[0].Person.Surname != "Other" {
		t.Errorf("synced list %+v", list)
	}
}
