package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/idpro/idpro/app"
)

// Client talks to a belgianIDpro service at a base URL.
type Client struct {
	base string
	http *http.Client
}

var _ app.Service = (*Client)(nil)

// New returns a client for the service at base (e.g.
// "http://127.0.0.1:8080"). A nil hc gets a client with a 60 s timeout:
// uploads of four pages over a slow line take a while.
func New(base string, hc *http.Client) (*Client, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, app.Errorf("service.bad_url", err, "url", base)
	}
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	return &Client{base: strings.TrimRight(base, "/"), http: hc}, nil
}

// Submit sends a request; r.ID is the idempotency key.
func (c *Client) Submit(ctx context.Context, r *app.Request) (app.Receipt, error) {
	body, err := json.Marshal(NewSubmission(r))
	if err != nil {
		return app.Receipt{}, err
	}
	return c.do(ctx, http.MethodPost, PathRequests, body, r.ID)
}

// Status asks where a request stands.
func (c *Client) Status(ctx context.Context, remoteID string) (app.Receipt, error) {
	return c.do(ctx, http.MethodGet, PathRequests+"/"+url.PathEscape(remoteID), nil, "")
}

// Cancel withdraws a request the service has not finished.
func (c *Client) Cancel(ctx context.Context, remoteID string) (app.Receipt, error) {
	return c.do(ctx, http.MethodPost, PathRequests+"/"+url.PathEscape(remoteID)+"/cancel", nil, "")
}

func (c *Client) do(ctx context.Context, method, path string, body []byte, idem string) (app.Receipt, error) {
	var rc app.Receipt
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return rc, app.Errorf("service.bad_url", err, "url", c.base)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if idem != "" {
		req.Header.Set(HeaderIdemKey, idem)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return rc, app.Errorf("service.unreachable", fmt.Errorf("%w: %w", app.ErrUnreachable, err), "url", c.base)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return rc, app.Errorf("service.unreachable", fmt.Errorf("%w: %w", app.ErrUnreachable, err), "url", c.base)
	}
	switch {
	case resp.StatusCode >= 500:
		// The service is there but failing: like an outage, try again later.
		return rc, app.Errorf("service.unavailable", fmt.Errorf("%w: HTTP %d", app.ErrUnreachable, resp.StatusCode), "status", resp.StatusCode)
	case resp.StatusCode >= 400:
		var p Problem
		if json.Unmarshal(data, &p) != nil || p.Code == "" {
			p.Code = "service.refused"
		}
		return rc, app.Errorf(p.Code, fmt.Errorf("HTTP %d: %s", resp.StatusCode, p.Message))
	}
	if err := json.Unmarshal(data, &rc); err != nil {
		return rc, app.Errorf("service.bad_answer", err)
	}
	return rc, nil
}
