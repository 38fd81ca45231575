// Package escl scans over the network with eSCL (Apple AirScan, Mopria), the
// driverless protocol of most network scanners and multifunction printers:
// XML over HTTP, so it needs no driver and no cgo on any OS. Scanners are
// found by mDNS (Discover) or entered by address (scan.ParseAddress).
package escl

import (
	"context"
	"crypto/tls"
	"net/http"
	"time"

	"github.com/idpro/idpro/scan"
)

// XML namespaces of eSCL documents.
const (
	NSPWG  = "http://www.pwg.org/schemas/2010/12/sm"
	NSScan = "http://schemas.hp.com/imaging/escl/2011/05/03"
)

// Client is the eSCL scan.Backend. Devices lists Manual addresses and, when
// Discover is set, the scanners it finds.
type Client struct {
	HTTP   *http.Client
	Manual []string                                         // base URLs entered by the user
	Find   func(ctx context.Context) ([]scan.Device, error) // discovery (Discover); nil for none
	// RetryDelay is the wait after a 503 answer; Retries how many such
	// answers a request tolerates (a HP LaserJet M28w needs many for the
	// next page at high resolution, sane-airscan notes 30).
	RetryDelay time.Duration
	Retries    int
	// Limits bound a page the scanner sends (bytes and pixels) before it
	// is decoded; New sets scan.DefaultLimits, those of imported files.
	Limits scan.Limits
}

var _ scan.Backend = (*Client)(nil)

// defaultHTTP serves Clients whose HTTP is nil.
var defaultHTTP = DefaultHTTP()

// New returns a Client for the given manually entered addresses.
func New(manual ...string) *Client {
	return &Client{HTTP: DefaultHTTP(), Manual: manual, RetryDelay: time.Second, Retries: 30, Limits: scan.DefaultLimits}
}

// DefaultHTTP is the HTTP client for scanners. eSCL over HTTPS
// (_uscans._tcp) uses self-signed certificates on every device seen, so the
// certificate is not checked: what travels is the scanned image, on the
// local network, and a check would make every such scanner unusable.
func DefaultHTTP() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &http.Client{Transport: t, Timeout: 2 * time.Minute}
}
