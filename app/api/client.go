package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/idpro/idpro/app"
)

// Client talks to a belgianIDpro service at a base URL, as whoever its
// HTTP client signs in as (app/signin gives one that carries the tokens),
// for one company (ForCompany).
type Client struct {
	base    string
	http    *http.Client
	company string
}

var _ app.Service = (*Client)(nil)

// New returns a client for the service at base (e.g.
// "https://service.example"). Plain http is accepted only for a loopback
// address (the embedded sandbox): personal data and tokens never cross a
// network in clear. A nil hc gets a client with a 60 s timeout: uploads of
// four pages over a slow line take a while.
func New(base string, hc *http.Client) (*Client, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, app.Errorf("service.bad_url", err, "url", base)
	}
	if u.Scheme == "http" && !Loopback(u.Hostname()) {
		return nil, app.Errorf("service.tls_required", nil, "url", base)
	}
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	return &Client{base: strings.TrimRight(base, "/"), http: hc}, nil
}

// Loopback tells a host name that never leaves this computer.
func Loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Base is the service's address.
func (c *Client) Base() string { return c.base }

// ForCompany returns a client that works for the company with that
// enterprise number.
func (c *Client) ForCompany(number string) *Client {
	cc := *c
	cc.company = number
	return &cc
}

// Company is the enterprise number the client works for.
func (c *Client) Company() string { return c.company }

func (c *Client) companyPath(rest string) string {
	return PathCompanies + "/" + url.PathEscape(c.company) + rest
}

// Submit sends a request with its idempotency key.
func (c *Client) Submit(ctx context.Context, r *app.Request) (app.Receipt, error) {
	var rc app.Receipt
	if r.Key == "" {
		return rc, app.Errorf("request.key_missing", nil)
	}
	err := c.do(ctx, http.MethodPost, c.companyPath("/requests"), NewSubmission(r), r.Key, &rc)
	return rc, err
}

// Status asks where a request stands.
func (c *Client) Status(ctx context.Context, remoteID string) (app.Receipt, error) {
	var rc app.Receipt
	err := c.do(ctx, http.MethodGet, c.companyPath("/requests/"+url.PathEscape(remoteID)), nil, "", &rc)
	return rc, err
}

// Cancel withdraws a request the service has not finished.
func (c *Client) Cancel(ctx context.Context, remoteID string) (app.Receipt, error) {
	var rc app.Receipt
	err := c.do(ctx, http.MethodPost, c.companyPath("/requests/"+url.PathEscape(remoteID)+"/cancel"), nil, "", &rc)
	return rc, err
}

// Answer replies to the service's question about a request.
func (c *Client) Answer(ctx context.Context, remoteID string, a app.Answer) (app.Receipt, error) {
	var rc app.Receipt
	err := c.do(ctx, http.MethodPost, c.companyPath("/requests/"+url.PathEscape(remoteID)+"/answer"), a, "", &rc)
	return rc, err
}

// Lookup asks whether the worker on a form is already known to the
// Crossroads Bank, and what it would fill in.
func (c *Client) Lookup(ctx context.Context, doc app.Document, p app.Person) (app.Known, error) {
	var k app.Known
	doc.MRZ = nil
	err := c.do(ctx, http.MethodPost, c.companyPath("/persons/lookup"), Lookup{Document: doc, Person: p}, "", &k)
	return k, err
}

// Changes returns the company's requests changed after cursor.
func (c *Client) Changes(ctx context.Context, cursor string) (app.Changes, error) {
	var ch app.Changes
	path := c.companyPath("/changes")
	if cursor != "" {
		path += "?since=" + url.QueryEscape(cursor)
	}
	err := c.do(ctx, http.MethodGet, path, nil, "", &ch)
	return ch, err
}

// List returns a page of the company's history; cursor is the previous
// page's Next ("" for the first).
func (c *Client) List(ctx context.Context, q ListQuery, cursor string) (Page, error) {
	var p Page
	path := c.companyPath("/requests")
	if v := q.Values(cursor).Encode(); v != "" {
		path += "?" + v
	}
	err := c.do(ctx, http.MethodGet, path, nil, "", &p)
	return p, err
}

// Me tells who is signed in and for which companies.
func (c *Client) Me(ctx context.Context) (app.Identity, error) {
	var id app.Identity
	err := c.do(ctx, http.MethodGet, PathMe, nil, "", &id)
	return id, err
}

// Staff lists the company's people and their access (main access manager only).
func (c *Client) Staff(ctx context.Context) ([]app.Member, error) {
	var out []app.Member
	err := c.do(ctx, http.MethodGet, c.companyPath("/staff"), nil, "", &out)
	return out, err
}

// SetAccess grants or revokes a staff member's access (main access manager only).
func (c *Client) SetAccess(ctx context.Context, personID string, access bool) (app.Member, error) {
	var m app.Member
	err := c.do(ctx, http.MethodPut, c.companyPath("/staff/"+url.PathEscape(personID)), AccessChange{Access: access}, "", &m)
	return m, err
}

// maxAnswer bounds what the client reads of an answer: 10,000 requests of
// a first sync come a page at a time.
const maxAnswer = 16 << 20

func (c *Client) do(ctx context.Context, method, path string, body any, idem string, out any) error {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return app.Errorf("service.bad_url", err, "url", c.base)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if idem != "" {
		req.Header.Set(HeaderIdemKey, idem)
	}
	resp, err := c.http.Do(req)
	if errors.Is(err, app.ErrSignInRequired) {
		return app.Errorf("auth.required", err)
	}
	if err != nil {
		return app.Errorf("service.unreachable", fmt.Errorf("%w: %w", app.ErrUnreachable, err), "url", c.base)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return app.Errorf("service.unreachable", fmt.Errorf("%w: %w", app.ErrUnreachable, err), "url", c.base)
	}
	if resp.StatusCode >= 400 {
		return problemError(resp.StatusCode, data)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return app.Errorf("service.bad_answer", err)
	}
	return nil
}

// problemError turns an error answer into the app's translatable error:
// 401 asks for a sign-in, 5xx is an outage (try later), the rest is the
// problem's own message key.
func problemError(status int, data []byte) error {
	var p Problem
	if json.Unmarshal(data, &p) != nil || p.Code == "" {
		p.Code = "service.refused"
	}
	kv := make([]any, 0, 2*len(p.Data)+2)
	for k, v := range p.Data {
		kv = append(kv, k, v)
	}
	switch {
	case status == http.StatusUnauthorized:
		return app.Errorf("auth.required", fmt.Errorf("%w: %s", app.ErrSignInRequired, p.Code))
	case status >= 500:
		return app.Errorf("service.unavailable", fmt.Errorf("%w: HTTP %d", app.ErrUnreachable, status), "status", status)
	}
	return app.Errorf(p.Code, fmt.Errorf("HTTP %d", status), kv...)
}
