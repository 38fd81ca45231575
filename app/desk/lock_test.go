package desk_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/desk"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
)

// While a send waits for a slow service, what the UI goroutine calls
// (saving another draft, pointing the desk at another company) does not
// wait for it; and the draft save of the request being sent, from before
// it was queued, is refused as stale instead of turning it back into a
// draft.
func TestUICallsDoNotWaitForASend(t *testing.T) {
	srv := sandboxtest.Start(t, "", sandbox.Options{})
	target, _ := url.Parse(srv.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	arrived, release := make(chan struct{}, 1), make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			arrived <- struct{}{}
			<-release
		}
		proxy.ServeHTTP(w, r)
	}))
	defer slow.Close()
	c, _ := api.New(slow.URL, srv.Session(bram).Client())
	st := openStore(t)
	d := desk.New(st, c.ForCompany(bakery), nil, nil)

	r := request()
	if err := d.SaveDraft(r); err != nil {
		t.Fatal(err)
	}
	before := *r
	sent := make(chan error, 1)
	go func() { sent <- d.Send(context.Background(), r) }()
	<-arrived
	done := make(chan error, 1)
	go func() {
		other := request()
		err := d.SaveDraft(other)
		if err == nil {
			d.SetService(c.ForCompany("0417181162"))
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		close(release)
		t.Fatal("saving a draft waited for the send to end")
	}
	close(release)
	if err := <-sent; err != nil {
		t.Fatal(err)
	}
	if err := d.SaveDraft(&before); err == nil {
		t.Error("a draft saved from before the send overwrote the sent request")
	}
	if got, _ := st.Request(r.ID); got.Status != app.Allocated {
		t.Errorf("the sent request is %s", got.Status)
	}
}
