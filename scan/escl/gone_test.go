package escl_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/app/locale"
	"github.com/idpro/idpro/assets"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl/escltest"
)

// vanishing stands between the client and the test scanner on loopback
// and makes the scanner disappear while it sends page cut+1: after half
// of that page's bytes it resets the connection and stops listening
// (switched off, cable pulled), or it stops answering altogether and
// keeps the connection open (a scanner gone from a Wi-Fi network).
type vanishing struct {
	srv      *httptest.Server
	pages    atomic.Int32
	cut      int32
	blackout bool
	gone     chan struct{}
}

func newVanishing(t *testing.T, target string, cut int32, blackout bool) *vanishing {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = ""
	v := &vanishing{cut: cut, blackout: blackout, gone: make(chan struct{})}
	proxy := httputil.NewSingleHostReverseProxy(u)
	v.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/NextDocument") || v.pages.Add(1) <= v.cut {
			proxy.ServeHTTP(w, r)
			return
		}
		if v.blackout {
			<-v.gone
			return
		}
		v.halfAndReset(t, w, u.String()+r.URL.Path)
	}))
	t.Cleanup(func() {
		close(v.gone)
		v.srv.Close()
	})
	return v
}

// halfAndReset sends the page's header and half its bytes, then resets
// the connection and closes the listener, so that every later call is
// refused.
func (v *vanishing) halfAndReset(t *testing.T, w http.ResponseWriter, page string) {
	resp, err := http.Get(page)
	if err != nil {
		t.Error(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for k, vs := range resp.Header {
		w.Header()[k] = vs
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(body[:len(body)/2])
	w.(http.Flusher).Flush()
	v.srv.Listener.Close()
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	conn.(*net.TCPConn).SetLinger(0) // a reset, as a device that lost power sends none at all
	conn.Close()
}

func (v *vanishing) device() scan.Device {
	return scan.Device{Backend: scan.ESCL, ID: v.srv.URL + "/eSCL", Model: "Vanishing Scanner"}
}

// A network scanner that disappears in the middle of a feeder batch, by
// a reset connection or by silence: the scan ends with "does not answer"
// in the user's language, the two pages that arrived whole are kept,
// and nothing waits past the client's own time limit.
func TestScannerGoneMidBatchKeepsThePagesScanned(t *testing.T) {
	for _, blackout := range []bool{false, true} {
		name := map[bool]string{false: "reset", true: "silence"}[blackout]
		t.Run(name, func(t *testing.T) {
			scanner := escltest.NewServer(escltest.Config{Sheets: sheets(t, 5)})
			defer scanner.Close()
			v := newVanishing(t, scanner.URL, 2, blackout)
			c := client()
			// The time limit a silent scanner meets: the app's is two
			// minutes (escl.DefaultHTTP), shortened so the test is quick.
			c.HTTP = &http.Client{Timeout: 3 * time.Second}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			pages, err := c.Scan(ctx, v.device(), scan.Settings{Source: scan.Feeder, DPI: 150}, nil)
			if ctx.Err() != nil {
				t.Fatal("the scan waited for the test's deadline")
			}
			if !errors.Is(err, scan.ErrOffline) || app.ErrorCode(err) != "scanner.offline" {
				t.Fatalf("err %v (code %q), want the scanner offline", err, app.ErrorCode(err))
			}
			if len(pages) != 2 {
				t.Fatalf("%d pages kept, want the 2 scanned before it went", len(pages))
			}
			for i, p := range pages {
				if p.Image == nil || len(p.Data) == 0 || p.Source != "Vanishing Scanner" {
					t.Errorf("page %d: image %v, %d bytes, from %q", i+1, p.Image != nil, len(p.Data), p.Source)
				}
			}
			for _, lang := range []string{"en", "nl", "fr", "de"} {
				cat, lerr := locale.New(assets.Translations, "translations", lang)
				if lerr != nil {
					t.Fatal(lerr)
				}
				if msg := cat.Error(err); !strings.Contains(msg, "Vanishing Scanner") || strings.Contains(msg, "scanner.offline") {
					t.Errorf("%s: %q", lang, msg)
				}
			}
		})
	}
}
