package sandbox_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/api"
	"github.com/idpro/idpro/app/sandbox"
	"github.com/idpro/idpro/app/sandbox/sandboxtest"
	"github.com/idpro/idpro/app/signin"
	"github.com/idpro/idpro/ocr/specimen"
	"github.com/idpro/idpro/scan"
)

// benchClients is how many signed-in staff members submit at once in
// BenchmarkSubmit: a company's front desks, each its own sign-in.
const benchClients = 8

// BenchmarkSubmit measures the sandbox over loopback HTTP as the app uses
// it: signed-in staff members of both demo companies each send complete
// requests one after the other, all of them at once, so that submissions
// wait on each other for the one write transaction. Each submission is a
// new request (its own key, person and birth date) that gets a BIS number.
// It reports submissions per second and the p50 and p99 latency one
// client sees (from Submit called to receipt decoded).
//
//	go test ./app/sandbox/ -run '^$' -bench Submit
func BenchmarkSubmit(b *testing.B) {
	srv := sandboxtest.Start(b, "", sandbox.Options{})
	clients := signInStaff(b, srv, benchClients)
	pages := []struct {
		name string
		page app.Page
	}{
		{"png", cardPNG(b)}, // one page as an image, as the API allows
		{"pdf", cardPDF(b)}, // what the app sends: the pages packed as one PDF
	}
	for _, p := range pages {
		for _, n := range []int{1, benchClients} {
			b.Run(fmt.Sprintf("%s/clients=%d", p.name, n), func(b *testing.B) {
				submitAll(b, clients[:n], p.page)
			})
		}
	}
}

// submitAll sends b.N submissions spread over the clients, each client
// one at a time.
func submitAll(b *testing.B, clients []*api.Client, page app.Page) {
	ctx := context.Background()
	latency := make([]time.Duration, b.N)
	var next atomic.Int64
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= b.N || failed.Load() != nil {
					return
				}
				r := benchRequest(page)
				t0 := time.Now()
				rc, err := c.Submit(ctx, r)
				latency[i] = time.Since(t0)
				if err == nil && rc.Status != app.Allocated {
					err = fmt.Errorf("receipt %s: status %s, want %s", rc.ID, rc.Status, app.Allocated)
				}
				if err != nil {
					failed.CompareAndSwap(nil, &err)
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if err := failed.Load(); err != nil {
		b.Fatal(*err)
	}
	slices.Sort(latency)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "submissions/s")
	b.ReportMetric(ms(percentile(latency, 50)), "p50-ms")
	b.ReportMetric(ms(percentile(latency, 99)), "p99-ms")
}

// percentile of sorted durations, nearest rank.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i, 1)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// born counts the requests built, so that every one has a birth date and
// sex whose BIS sequence (499 at most per date and sex) is far from full,
// whatever b.N.
var born atomic.Int64

// benchRequest is a complete request for a new person, with page.
func benchRequest(page app.Page) *app.Request {
	n := born.Add(1)
	birth := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n/2%20000))
	sex := []app.Sex{app.Male, app.Female}[n%2]
	return &app.Request{
		Key: app.NewKey(), Requester: "hr@example.be",
		Document: app.Document{Kind: app.Passport, Number: "X1234567", IssuingState: "POL"},
		Pages:    []app.Page{page},
		Person: app.Person{Surname: fmt.Sprintf("Kowalski%06d", n), GivenNames: "Jan", Sex: sex,
			BirthDate:  app.Date{Year: birth.Year(), Month: int(birth.Month()), Day: birth.Day()},
			BirthPlace: "Gdańsk"},
	}
}

// signInStaff adds n staff members with access, alternately to the
// bakery and the transport firm, and signs each in through the sign-in
// form. Their API calls go over a plain keep-alive client (the app's, not
// the contract-checking one of the tests), so the figures are the
// sandbox's and the wire's, not the checker's.
func signInStaff(b *testing.B, srv *sandboxtest.Server, n int) []*api.Client {
	b.Helper()
	hc := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: n}}
	b.Cleanup(hc.CloseIdleConnections)
	var out []*api.Client
	for i := range n {
		company := sandbox.DemoCompanies[i%2].Number
		email := fmt.Sprintf("desk%d@example.be", i)
		if _, err := srv.Sandbox.AddStaff(company, fmt.Sprintf("Desk %d", i), email, true); err != nil {
			b.Fatal(err)
		}
		ss := signin.New(srv.URL, signin.Memory(), hc, nil)
		if err := srv.SignIn(ss, "code", email, sandbox.DemoCode); err != nil {
			b.Fatal(err)
		}
		c, err := api.New(srv.URL, ss.Client())
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, c.ForCompany(company))
	}
	return out
}

// cardPNG is a passport data page scanned at 150 dpi, as a PNG.
func cardPNG(b *testing.B) app.Page {
	b.Helper()
	img, err := specimen.Render(specimen.Random(7, specimen.Passport), specimen.RenderOptions{DPI: 150, Page: specimen.Card})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		b.Fatal(err)
	}
	b.Logf("png page: %dx%d px, %d KiB", img.Bounds().Dx(), img.Bounds().Dy(), buf.Len()>>10)
	return app.Page{Label: "front", ContentType: "image/png", Data: buf.Bytes(), DPI: 150}
}

// cardPDF is a passport data page scanned at 300 dpi and packed the way
// the app packs a request's pages (scan.PackPDF: JPEG at the page's
// physical size).
func cardPDF(b *testing.B) app.Page {
	b.Helper()
	img, err := specimen.Render(specimen.Random(7, specimen.Passport), specimen.RenderOptions{DPI: 300, Page: specimen.Card})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		b.Fatal(err)
	}
	pdf, err := scan.PackPDF([]app.Page{{Label: "front", ContentType: "image/png", Data: buf.Bytes(), DPI: 300}})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("pdf page: %dx%d px at 300 dpi, %d KiB", img.Bounds().Dx(), img.Bounds().Dy(), len(pdf.Data)>>10)
	return pdf
}
