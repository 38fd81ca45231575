package scan

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/idpro/idpro/app"
)

// ParseAddress reads a scanner as the user typed it (the CLI's --device,
// the GUI's address field) or as Device.String wrote it. A network address
// in any usual form is an eSCL scanner with its base URL: "192.168.1.20",
// "192.168.1.20:8080", "fe80::1", "[fe80::1]:8080", "scanner.local",
// "scanner.local:8080", "localhost", "http(s)://host[:port][/path]" (the
// path defaults to /eSCL). "wia:ID" is a WIA device, "sane:NAME" and every
// other text a SANE device name: SANE names ("test:0", "escl:http://…",
// "airscan:e0:Name", "hpaio:/usb/…", "v4l:/dev/video0") start with a
// backend name without a dot, which is how they are told from host names.
// A malformed URL is an *app.Error "scanner.bad_address".
func ParseAddress(s string) (Device, error) {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	switch {
	case s == "":
		return Device{}, badAddress(s, errors.New("empty"))
	case strings.HasPrefix(lower, "wia:"):
		return Device{Backend: WIA, ID: s[len("wia:"):]}, nil
	case strings.HasPrefix(lower, "sane:"):
		return Device{Backend: SANE, ID: s[len("sane:"):]}, nil
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"), isNetworkAddress(s):
		base, err := ESCLBaseURL(s)
		if err != nil {
			return Device{}, badAddress(s, err)
		}
		return Device{Backend: ESCL, ID: base}, nil
	}
	return Device{Backend: SANE, ID: s}, nil
}

func badAddress(s string, err error) error {
	return app.Errorf("scanner.bad_address", err, "address", s)
}

// isNetworkAddress tells a host, host:port or IP address, optionally
// followed by a path, from a SANE device name.
func isNetworkAddress(s string) bool {
	hostport, _, _ := strings.Cut(s, "/")
	if _, err := netip.ParseAddr(hostport); err == nil {
		return true // bare IPv4 or IPv6, also with a zone
	}
	host := hostport
	if h, port, err := net.SplitHostPort(hostport); err == nil {
		if !isPort(port) {
			return false
		}
		host = h
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return true
	}
	return isHostName(host) && (strings.Contains(host, ".") || strings.EqualFold(host, "localhost"))
}

func isPort(p string) bool {
	if p == "" || len(p) > 5 {
		return false
	}
	for _, c := range p {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isHostName accepts letters, digits, '-' and '.', the characters of DNS
// and mDNS host names.
func isHostName(h string) bool {
	if h == "" || strings.HasPrefix(h, ".") || strings.HasPrefix(h, "-") {
		return false
	}
	for _, c := range h {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// esclResources are eSCL requests a user may have copied from a browser's
// address bar along with the base URL.
var esclResources = []string{"/ScannerCapabilities", "/ScannerStatus", "/ScanJobs"}

// ESCLBaseURL turns a network scanner's address ("192.168.1.20",
// "fe80::1%eth0", "scanner.local:8080", "http://10.0.0.5/eSCL/") into its
// eSCL base URL: http unless the port is 443 or the URL says https, /eSCL
// as the default resource path, no trailing slash, query or fragment.
func ESCLBaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("empty scanner address")
	}
	if !strings.Contains(s, "://") {
		s = "http://" + bracketIPv6(s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("not a scanner address: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
		return "", fmt.Errorf("not a scanner address: %q", s)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("not a port: %q", p)
		}
	}
	if u.Scheme == "http" && u.Port() == "443" {
		u.Scheme = "https"
	}
	path := strings.TrimRight(u.Path, "/")
	for _, r := range esclResources {
		if len(path) >= len(r) && strings.EqualFold(path[len(path)-len(r):], r) {
			path = path[:len(path)-len(r)]
			break
		}
	}
	if path == "" {
		path = "/eSCL"
	}
	u.Path, u.RawPath, u.RawQuery, u.Fragment, u.ForceQuery = path, "", "", "", false
	return u.String(), nil
}

// bracketIPv6 puts a bare IPv6 address (and its zone, escaped) in the
// brackets a URL needs: "fe80::1%eth0/x" → "[fe80::1%25eth0]/x".
func bracketIPv6(s string) string {
	hostport, rest, slash := strings.Cut(s, "/")
	a, err := netip.ParseAddr(hostport)
	if err != nil || !a.Is6() {
		return s
	}
	host := "[" + strings.Replace(hostport, "%", "%25", 1) + "]"
	if slash {
		return host + "/" + rest
	}
	return host
}
