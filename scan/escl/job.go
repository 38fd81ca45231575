package escl

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/idpro/idpro/scan"
)

// Scan runs one eSCL scan job: POST ScanJobs, then GET NextDocument until the
// device says there is no more (404 or 410), waiting on 503. Cancelling ctx
// deletes the job so that the scanner stops and returns no pages.
func (c *Client) Scan(ctx context.Context, dev scan.Device, set scan.Settings, progress scan.Progress) ([]scan.Page, error) {
	if set.Source == "" {
		set.Source = scan.Flatbed
	}
	caps, err := c.capabilities(ctx, dev)
	if err != nil {
		return nil, err
	}
	in := caps.source(set.Source)
	if in == nil {
		return nil, scan.DeviceError(scan.ErrUnsupported, dev.Name(), fmt.Errorf("source %q", set.Source))
	}
	set.Mode = mode(in, set.Mode)
	if set.Source != scan.Flatbed {
		// A feeder that is empty or jammed says so before a job is made
		// (as NAPS2 checks); a failed status request proves nothing.
		var st status
		if c.getXML(ctx, dev, dev.ID+"/ScannerStatus", &st) == nil {
			if err := adfStates[st.AdfState]; err != nil {
				return nil, scan.DeviceError(err, dev.Name(), fmt.Errorf("AdfState %s", st.AdfState))
			}
		}
	}
	if mime, _ := in.format(); mime == "" {
		return nil, scan.DeviceError(scan.ErrUnsupported, dev.Name(), errors.New("device offers neither PNG nor JPEG"))
	}
	settings := job(set, in)
	// Once posted, the job runs on the device whatever happens here, so the
	// post is not cut short by a cancel: its URL is needed to delete it.
	postCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	jobURL, err := c.createJob(postCtx, dev, set.Source, settings)
	cancel()
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, scan.DeviceError(scan.ErrCancelled, dev.Name(), ctx.Err())
	case err != nil:
		return nil, err
	case ctx.Err() != nil:
		c.deleteJob(jobURL)
		return nil, scan.DeviceError(scan.ErrCancelled, dev.Name(), ctx.Err())
	}
	pages, err := c.fetchPages(ctx, dev, set, jobURL, settings.XRes, progress)
	if ctx.Err() != nil {
		c.deleteJob(jobURL)
		return nil, scan.DeviceError(scan.ErrCancelled, dev.Name(), ctx.Err())
	}
	return pages, err
}

// mode returns want when the source offers it, else the other mode it
// offers: a grey request on a colour-only device scans in colour rather than
// failing, as NAPS2 does; "" (the device's default) stays.
func mode(in *inputCaps, want scan.Mode) scan.Mode {
	if want == "" {
		return ""
	}
	var offered []scan.Mode
	for _, cm := range in.merged().ColorModes {
		if m, ok := modeOf(cm); ok {
			if m == want {
				return want
			}
			offered = append(offered, m)
		}
	}
	if len(offered) > 0 {
		return offered[0]
	}
	return want
}

// createJob posts the settings and returns the job URL. The Location header
// may be relative or name another host (devices put "localhost" or an
// address of another interface there), so only its path is kept, on the
// base URL's host, as sane-airscan does.
func (c *Client) createJob(ctx context.Context, dev scan.Device, src scan.Source, settings scanSettings) (string, error) {
	body, err := xml.Marshal(settings)
	if err != nil {
		return "", scan.DeviceError(scan.ErrFailed, dev.Name(), err)
	}
	body = append([]byte(xml.Header), body...)
	resp, err := c.do(ctx, dev, http.MethodPost, dev.ID+"/ScanJobs", body)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusCreated, http.StatusOK:
	case http.StatusConflict, http.StatusServiceUnavailable:
		return "", scan.DeviceError(c.why(ctx, dev, src, scan.ErrBusy, false), dev.Name(), errors.New(resp.Status))
	default:
		return "", scan.DeviceError(c.why(ctx, dev, src, scan.ErrFailed, false), dev.Name(), fmt.Errorf("POST ScanJobs: %s", resp.Status))
	}
	loc := resp.Header.Get("Location")
	base, _ := url.Parse(dev.ID)
	u, err := base.Parse(loc)
	if loc == "" || err != nil {
		return "", scan.DeviceError(scan.ErrFailed, dev.Name(), fmt.Errorf("POST ScanJobs: bad Location %q", loc))
	}
	job := *base
	job.Path, job.RawPath = strings.TrimSuffix(u.Path, "/"), ""
	return job.String(), nil
}

// fetchPages is the NextDocument loop.
func (c *Client) fetchPages(ctx context.Context, dev scan.Device, set scan.Settings, jobURL string, dpi int, progress scan.Progress) ([]scan.Page, error) {
	var pages []scan.Page
	for n := 1; ; n++ {
		// A platen holds one page; some devices scan the glass again on
		// every NextDocument instead of answering 404, so ask once.
		if set.Source == scan.Flatbed && n > 1 {
			return pages, nil
		}
		if set.MaxPages > 0 && len(pages) == set.MaxPages {
			c.deleteJob(jobURL) // stop the feeder
			return pages, nil
		}
		p, more, err := c.nextDocument(ctx, dev, set.Source, jobURL, n, progress)
		if err != nil || !more {
			if err == nil && len(pages) == 0 {
				fallback := scan.ErrFeederEmpty
				if set.Source == scan.Flatbed {
					fallback = scan.ErrFailed
				}
				err = scan.DeviceError(c.why(ctx, dev, set.Source, fallback, true), dev.Name(), errors.New("job ended without a page"))
			}
			return pages, err
		}
		p.DPI = float64(dpi)
		p.Source = dev.Name()
		pages = append(pages, p)
	}
}

// nextDocument fetches page n; more is false at the end of the job.
func (c *Client) nextDocument(ctx context.Context, dev scan.Device, src scan.Source, jobURL string, n int, progress scan.Progress) (scan.Page, bool, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.send(ctx, http.MethodGet, jobURL+"/NextDocument", nil)
		if err != nil {
			return scan.Page{}, false, c.transportError(ctx, dev, err)
		}
		switch resp.StatusCode {
		case http.StatusOK:
			p, err := readPage(resp.Body, resp.ContentLength, n, dev.Name(), c.Limits, progress)
			resp.Body.Close()
			if err != nil {
				if ctx.Err() == nil {
					c.deleteJob(jobURL) // the device would go on scanning
				}
				return scan.Page{}, false, err
			}
			// An empty 200 ends the job on some devices.
			return p, len(p.Data) > 0, nil
		case http.StatusNotFound, http.StatusGone:
			resp.Body.Close()
			return scan.Page{}, false, nil
		case http.StatusServiceUnavailable:
			resp.Body.Close()
			if attempt >= c.Retries {
				return scan.Page{}, false, scan.DeviceError(c.why(ctx, dev, src, scan.ErrBusy, true), dev.Name(), errors.New(resp.Status))
			}
			if err := sleep(ctx, c.RetryDelay); err != nil {
				return scan.Page{}, false, err
			}
		default:
			resp.Body.Close()
			return scan.Page{}, false, scan.DeviceError(c.why(ctx, dev, src, scan.ErrFailed, true), dev.Name(), fmt.Errorf("NextDocument: %s", resp.Status))
		}
	}
}

// readPage reads one page, reporting progress by bytes when the length is
// known, and decodes it within limits (scan.Limits.ScannedPage): no more
// than MaxFileBytes+1 bytes are read. An empty body is no page.
func readPage(body io.Reader, length int64, n int, device string, limits scan.Limits, progress scan.Progress) (scan.Page, error) {
	report := func(f float64) {
		if progress != nil {
			progress(n, f)
		}
	}
	report(0)
	var buf bytes.Buffer
	chunk := make([]byte, 64<<10)
	r := io.LimitReader(body, limits.MaxFileBytes+1)
	for {
		k, err := r.Read(chunk)
		buf.Write(chunk[:k])
		if length > 0 {
			report(min(1, float64(buf.Len())/float64(length)))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			// The connection broke in the middle of a page: the scanner
			// was switched off, unplugged or left the network.
			return scan.Page{}, scan.DeviceError(scan.ErrOffline, device, fmt.Errorf("page %d: %w", n, err))
		}
	}
	if buf.Len() == 0 {
		return scan.Page{}, nil
	}
	p, err := limits.ScannedPage(device, buf.Bytes())
	if err != nil {
		return scan.Page{}, err
	}
	report(1)
	return p, nil
}

// deleteJob cancels a job; it runs after ctx was cancelled, so it has its own
// short deadline, and its failure changes nothing for the user.
func (c *Client) deleteJob(jobURL string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if resp, err := c.send(ctx, http.MethodDelete, jobURL, nil); err == nil {
		resp.Body.Close()
	}
}

// do sends a request, retrying while the device answers 503.
func (c *Client) do(ctx context.Context, dev scan.Device, method, url string, body []byte) (*http.Response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.send(ctx, method, url, body)
		if err != nil {
			return nil, c.transportError(ctx, dev, err)
		}
		if resp.StatusCode != http.StatusServiceUnavailable || attempt >= min(c.Retries, 10) {
			return resp, nil
		}
		resp.Body.Close()
		if err := sleep(ctx, c.RetryDelay); err != nil {
			return nil, scan.DeviceError(scan.ErrCancelled, dev.Name(), err)
		}
	}
}

func (c *Client) send(ctx context.Context, method, url string, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "text/xml")
	}
	if c.HTTP == nil {
		return defaultHTTP.Do(req)
	}
	return c.HTTP.Do(req)
}

func (c *Client) transportError(ctx context.Context, dev scan.Device, err error) error {
	if ctx.Err() != nil {
		return scan.DeviceError(scan.ErrCancelled, dev.Name(), ctx.Err())
	}
	return scan.DeviceError(scan.ErrOffline, dev.Name(), err)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
