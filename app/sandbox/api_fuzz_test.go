package sandbox_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/api/contract"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
)

// Routes the API fuzz target sends its input to (the route byte, modulo).
const (
	fuzzSubmit  = iota // POST .../requests, the input as the body, key as the Idempotency-Key
	fuzzAnswer         // POST .../requests/{id}/answer, a request that waits for a page
	fuzzLookup         // POST .../persons/lookup
	fuzzList           // GET .../requests?<input>
	fuzzChanges        // GET .../changes?since=<input>
	fuzzRoutes
)

// handlerTransport serves a request with h in this process: no socket,
// so the fuzzer runs thousands of requests a second.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// FuzzAPI sends the sandbox what any client could, as a signed-in staff
// member with access: any body to the routes that decode JSON (a
// submission, an answer, a lookup), any query to those that parse one.
// Whatever comes in, the answer must be one the contract allows for the
// route (a 4xx problem for what it refuses), never a 5xx, never a panic.
// What the client sent may break the contract; that is the point.
func FuzzAPI(f *testing.F) {
	srv := sandboxtest.Start(f, "", sandbox.Options{AccessTTL: 24 * time.Hour})
	keeper := signin.Memory()
	ss := signin.New(srv.URL, keeper, sandboxtest.HTTP(f), nil)
	if err := srv.SignIn(ss, "code", bram, sandbox.DemoCode); err != nil {
		f.Fatal(err)
	}
	tok, err := keeper.Load()
	if err != nil {
		f.Fatal(err)
	}
	// A request without pages waits for one: the answer route's target.
	waiting := complete(app.Male)
	waiting.Pages = nil
	rc, err := srv.Client(bram, bakery).Submit(context.Background(), waiting)
	if err != nil || rc.Status != app.InfoRequested {
		f.Fatalf("no request waiting for an answer: %+v, %v", rc, err)
	}

	var mu sync.Mutex
	var broken []string
	hc := &http.Client{Transport: contract.Transport(handlerTransport{srv.Sandbox}, func(err error) {
		if strings.Contains(err.Error(), "request breaks the contract") {
			return // the fuzzer's input
		}
		mu.Lock()
		broken = append(broken, err.Error())
		mu.Unlock()
	})}
	company := api.PathCompanies + "/" + bakery
	f.Fuzz(func(t *testing.T, route uint8, key string, input []byte) {
		var method, path string
		var body []byte
		switch route % fuzzRoutes {
		case fuzzSubmit:
			method, path, body = http.MethodPost, company+"/requests", input
		case fuzzAnswer:
			method, path, body = http.MethodPost, company+"/requests/"+rc.ID+"/answer", input
		case fuzzLookup:
			method, path, body = http.MethodPost, company+"/persons/lookup", input
		case fuzzList:
			method, path = http.MethodGet, company+"/requests?"+string(input)
		case fuzzChanges:
			method, path = http.MethodGet, company+"/changes?since="+string(input)
		}
		req, err := http.NewRequest(method, "http://sandbox.test"+path, bytes.NewReader(body))
		if err != nil {
			return // not a URL any client could send
		}
		req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		req.Header.Set("Accept", "application/json")
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if route%fuzzRoutes == fuzzSubmit {
			req.Header.Set(api.HeaderIdemKey, key)
		}
		mu.Lock()
		broken = broken[:0]
		mu.Unlock()
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		t.Logf("%s %s: HTTP %d", method, path, resp.StatusCode)
		if resp.StatusCode >= 500 {
			t.Fatalf("%s %s: HTTP %d", method, path, resp.StatusCode)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(broken) > 0 {
			t.Fatalf("%s %s: %s", method, path, strings.Join(broken, "; "))
		}
	})
}
