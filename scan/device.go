package scan

import (
	"context"
	"net/url"
	"strings"
)

// Backend is one way of reaching scanners: SANE's scanimage, eSCL over the
// network or WIA on Windows. The UI and the profiles talk to every backend
// through it, so a scanner is a scanner whatever the driver.
//
// Scan returns only whole pages: a cancelled context stops the scanner and
// returns an error wrapping ErrCancelled with no pages. Any other failure
// after some pages were read returns those pages with the error, so the user
// can keep a batch that jammed at page 7.
type Backend interface {
	Devices(ctx context.Context) ([]Device, error)
	Capabilities(ctx context.Context, dev Device) (Capabilities, error)
	Scan(ctx context.Context, dev Device, s Settings, progress Progress) ([]Page, error)
}

// Progress reports the page being scanned (1-based) and how much of it has
// arrived (0..1). It is called from the scanning goroutine.
type Progress func(page int, done float64)

// Device names a scanner. ID is what its backend needs to reach it again
// (a SANE device name, an eSCL base URL, a WIA device ID) and, with Backend,
// what the app remembers as the default scanner.
type Device struct {
	Backend string `json:"backend"` // "sane", "escl" or "wia"
	ID      string `json:"id"`
	Vendor  string `json:"vendor,omitempty"`
	Model   string `json:"model,omitempty"`
	Kind    string `json:"kind,omitempty"` // e.g. "flatbed scanner", "virtual device"
	// UUID identifies a network scanner whatever its address (eSCL's TXT
	// "UUID"); empty when the backend has none.
	UUID string `json:"uuid,omitempty"`
}

// Name is how the device is shown to the user: vendor and model. SANE's
// test and file backends report the vendor "Noname", which tells a user
// nothing, so it is left out.
func (d Device) Name() string {
	vendor := d.Vendor
	if strings.EqualFold(vendor, "noname") {
		vendor = ""
	}
	name := strings.TrimSpace(vendor + " " + d.Model)
	if name == "" {
		return d.ID
	}
	return name
}

// Names are the devices' names as a list shows them: each Name, and where
// two would read the same, what tells them apart (the SANE device name
// such as pnm:0, the network scanner's host, the WIA ID).
func Names(devs []Device) []string {
	count := map[string]int{}
	for _, d := range devs {
		count[d.Name()]++
	}
	names := make([]string, len(devs))
	for i, d := range devs {
		names[i] = d.Name()
		if count[names[i]] > 1 && d.where() != names[i] {
			names[i] += " (" + d.where() + ")"
		}
	}
	return names
}

// where is the part of the device's address a user recognises: the host of
// a network scanner, the whole ID for the others.
func (d Device) where() string {
	if d.Backend == ESCL {
		if u, err := url.Parse(d.ID); err == nil && u.Host != "" {
			return u.Host
		}
	}
	return d.ID
}

// Backend names used in Device.Backend.
const (
	SANE = "sane"
	ESCL = "escl"
	WIA  = "wia"
)

// String is the inverse of ParseAddress.
func (d Device) String() string {
	if d.Backend == WIA {
		return "wia:" + d.ID
	}
	return d.ID
}
