// Package contract checks real HTTP traffic against the API's OpenAPI
// document (app/api/openapi.yaml) with kin-openapi: tests of the client,
// the sandbox and the app wrap their HTTP transport in Transport, so that
// neither side can drift from the document. Only tests import it.
package contract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/idpro/idpro/app/api"
)

var (
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	errDoc error
)

// Load parses and validates the contract once.
func Load() (*openapi3.T, routers.Router, error) {
	once.Do(func() {
		// The sign-in pages are HTML: checked as text.
		openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
		loader := openapi3.NewLoader()
		doc, errDoc = loader.LoadFromData(api.Spec)
		if errDoc != nil {
			return
		}
		if errDoc = doc.Validate(context.Background()); errDoc != nil {
			return
		}
		// Match any host: tests serve on a port of the moment.
		doc.Servers = nil
		router, errDoc = gorillamux.NewRouter(doc)
	})
	return doc, router, errDoc
}

// Transport checks every request sent through base, and the answer it
// gets, against the contract; report is called with each mismatch.
func Transport(base http.RoundTripper, report func(error)) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &checking{base: base, report: report}
}

type checking struct {
	base   http.RoundTripper
	report func(error)
}

var options = &openapi3filter.Options{
	AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
	// Large page payloads: the schema is checked, base64 bodies included.
	IncludeResponseStatus: true,
}

func (c *checking) RoundTrip(r *http.Request) (*http.Response, error) {
	_, router, err := Load()
	if err != nil {
		c.report(err)
		return c.base.RoundTrip(r)
	}
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body.Close()
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	route, params, err := router.FindRoute(r)
	if err != nil {
		c.report(fmt.Errorf("%s %s: not in the contract: %w", r.Method, r.URL.Path, err))
		return c.base.RoundTrip(r)
	}
	check := r.Clone(r.Context())
	check.Body = io.NopCloser(bytes.NewReader(body))
	in := &openapi3filter.RequestValidationInput{Request: check, PathParams: params, Route: route, Options: options}
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		c.report(fmt.Errorf("%s %s: request breaks the contract: %w", r.Method, r.URL.Path, err))
	}
	resp, err := c.base.RoundTrip(r)
	if err != nil {
		return resp, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(data))
	if err != nil {
		return resp, err
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode,
		Header: resp.Header, Body: io.NopCloser(bytes.NewReader(data)), Options: options}
	if err := openapi3filter.ValidateResponse(r.Context(), out); err != nil {
		c.report(fmt.Errorf("%s %s: answer %d breaks the contract: %w", r.Method, r.URL.Path, resp.StatusCode, err))
	}
	return resp, nil
}
