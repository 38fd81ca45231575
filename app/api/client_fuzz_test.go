package api_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/assets"
)

// answering is a service that gives every request the same answer.
type answering struct {
	status int
	body   []byte
}

func (a answering) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		r.Body.Close()
	}
	return &http.Response{StatusCode: a.status, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(a.body)), Request: r}, nil
}

// FuzzClientAnswers gives the client any answer, status and body, to
// every call that decodes one (app.Receipt, app.Changes, api.Page,
// app.Identity, []app.Member, app.Known, api.Problem). A service that
// misbehaves must come out as an error the app can show: an *app.Error
// that the catalog turns into a sentence, a sign-in for 401, an outage
// for 5xx; never a panic.
func FuzzClientAnswers(f *testing.F) {
	cat, err := locale.New(assets.Translations, "translations", "en")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 100 || status > 999 {
			status = 200 + (status%400+400)%400 // 200..599
		}
		c, err := api.New("https://service.test", &http.Client{Transport: answering{status, body}})
		if err != nil {
			t.Fatal(err)
		}
		c = c.ForCompany("0403170701")
		ctx := context.Background()
		calls := []func() error{
			func() error { _, err := c.Submit(ctx, &app.Request{Key: "k-0123456789abcdef"}); return err },
			func() error { _, err := c.Status(ctx, "R1"); return err },
			func() error { _, err := c.Cancel(ctx, "R1"); return err },
			func() error { _, err := c.Answer(ctx, "R1", app.Answer{Text: "x"}); return err },
			func() error { _, err := c.Lookup(ctx, app.Document{}, app.Person{}); return err },
			func() error { _, err := c.Changes(ctx, "3"); return err },
			func() error { _, err := c.List(ctx, api.ListQuery{}, ""); return err },
			func() error { _, err := c.Me(ctx); return err },
			func() error { _, err := c.Staff(ctx); return err },
			func() error { _, err := c.SetAccess(ctx, "p1", true); return err },
		}
		for i, call := range calls {
			err := call()
			if err == nil {
				if status >= 400 {
					t.Fatalf("call %d: HTTP %d taken for an answer", i, status)
				}
				continue
			}
			var ae *app.Error
			if !errors.As(err, &ae) {
				t.Fatalf("call %d: HTTP %d gave %T %v, not an app.Error", i, status, err, err)
			}
			if cat.Error(err) == "" {
				t.Fatalf("call %d: %v says nothing to the user", i, err)
			}
			switch {
			case status == http.StatusUnauthorized && !errors.Is(err, app.ErrSignInRequired):
				t.Fatalf("call %d: 401 is %v, not a sign-in", i, err)
			case status >= 500 && !errors.Is(err, app.ErrUnreachable):
				t.Fatalf("call %d: HTTP %d is %v, not an outage", i, status, err)
			}
		}
	})
}
