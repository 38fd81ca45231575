package signin

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// fuzzState stands for a sign-in's random state (the seeds carry it, so
// the fuzzer starts from answers that are heard).
const fuzzState = "c3RhdGUtb2YtdGhpcy1zaWduLWlu"

// FuzzCallback sends the loopback callback any query: whatever a page or
// another program on this computer opens. Only a query whose state is
// this sign-in's is heard, once, with its code and error as sent; the
// rest get a 400. The page shown never carries the query back, and a
// language the app asks for is escaped, so no input becomes markup.
func FuzzCallback(f *testing.F) {
	tags := strings.Count(donePage("en", true), "<")
	f.Fuzz(func(t *testing.T, rawQuery, lang string) {
		got := make(chan answer, 1)
		h := callback(fuzzState, lang, got)
		r := &http.Request{Method: http.MethodGet, URL: &url.URL{Path: CallbackPath, RawQuery: rawQuery}, Header: http.Header{}}
		q := r.URL.Query()
		heard := q.Get("state") == fuzzState
		for range 2 { // a second answer (a reload) is not heard again
			w := httptest.NewRecorder()
			h(w, r)
			body := w.Body.String()
			switch {
			case !heard && w.Code != http.StatusBadRequest:
				t.Fatalf("state %q (want %q): HTTP %d", q.Get("state"), fuzzState, w.Code)
			case heard && w.Code != http.StatusOK:
				t.Fatalf("this sign-in's answer refused: HTTP %d", w.Code)
			case heard && body != donePage(lang, q.Get("error") == ""):
				t.Fatalf("page %q", body)
			case strings.Count(body, "<") > tags:
				t.Fatalf("input became markup: %q", body)
			}
		}
		select {
		case a := <-got:
			if !heard || a.code != q.Get("code") || a.err != q.Get("error") {
				t.Fatalf("heard %+v from %q", a, rawQuery)
			}
		default:
			if heard {
				t.Fatal("this sign-in's answer not heard")
			}
		}
	})
}
