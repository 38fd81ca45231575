package scan_test

import (
	"errors"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

func TestParseAddress(t *testing.T) {
	for _, c := range []struct {
		in      string
		backend string
		id      string
	}{
		// Network addresses as users type them: eSCL, with /eSCL.
		{"192.168.1.20", scan.ESCL, "http://192.168.1.20/eSCL"},
		{" 192.168.1.20:8080 ", scan.ESCL, "http://192.168.1.20:8080/eSCL"},
		{"192.168.1.20/eSCL", scan.ESCL, "http://192.168.1.20/eSCL"},
		{"fe80::1", scan.ESCL, "http://[fe80::1]/eSCL"},
		{"fe80::1%eth0", scan.ESCL, "http://[fe80::1%25eth0]/eSCL"},
		{"[fe80::1]:8080", scan.ESCL, "http://[fe80::1]:8080/eSCL"},
		{"::1", scan.ESCL, "http://[::1]/eSCL"},
		{"scanner.local", scan.ESCL, "http://scanner.local/eSCL"},
		{"scanner.local:8080", scan.ESCL, "http://scanner.local:8080/eSCL"},
		{"HP-M28w.fritz.box", scan.ESCL, "http://HP-M28w.fritz.box/eSCL"},
		{"localhost:9000", scan.ESCL, "http://localhost:9000/eSCL"},
		{"printer.example.com:443", scan.ESCL, "https://printer.example.com:443/eSCL"},
		{"http://192.168.1.20", scan.ESCL, "http://192.168.1.20/eSCL"},
		{"http://192.168.1.20/", scan.ESCL, "http://192.168.1.20/eSCL"},
		{"HTTPS://10.0.0.5/eSCL/", scan.ESCL, "https://10.0.0.5/eSCL"},
		{"http://10.0.0.5:8080/escl", scan.ESCL, "http://10.0.0.5:8080/escl"},
		{"http://[fe80::1%25eth0]/", scan.ESCL, "http://[fe80::1%25eth0]/eSCL"},
		{"http://printer/escl?x#frag", scan.ESCL, "http://printer/escl"},
		{"http://10.0.0.5/eSCL/ScannerCapabilities", scan.ESCL, "http://10.0.0.5/eSCL"},
		{"10.0.0.5/ScannerStatus", scan.ESCL, "http://10.0.0.5/eSCL"},
		// SANE names stay what they are.
		{"test:0", scan.SANE, "test:0"},
		{"pnm:0", scan.SANE, "pnm:0"},
		{"sane:test:1", scan.SANE, "test:1"},
		{"escl:http://192.168.1.20:80", scan.SANE, "escl:http://192.168.1.20:80"},
		{"airscan:e0:HP LaserJet MFP M28w", scan.SANE, "airscan:e0:HP LaserJet MFP M28w"},
		{"hpaio:/usb/Deskjet_3630_series?serial=CN6AN3B0X7", scan.SANE, "hpaio:/usb/Deskjet_3630_series?serial=CN6AN3B0X7"},
		{"v4l:/dev/video0", scan.SANE, "v4l:/dev/video0"},
		{"net:192.168.1.5:test:0", scan.SANE, "net:192.168.1.5:test:0"},
		{"epson2:net:192.168.1.2", scan.SANE, "epson2:net:192.168.1.2"},
		{"genesys:libusb:001:005", scan.SANE, "genesys:libusb:001:005"},
		{"brother4:bus3;dev1", scan.SANE, "brother4:bus3;dev1"},
		// WIA device IDs.
		{"wia:{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000", scan.WIA, "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000"},
	} {
		d, err := scan.ParseAddress(c.in)
		if err != nil || d.Backend != c.backend || d.ID != c.id {
			t.Errorf("ParseAddress(%q) = %s %q, %v; want %s %q", c.in, d.Backend, d.ID, err, c.backend, c.id)
		}
		if err == nil && d.Backend != scan.ESCL {
			if back, _ := scan.ParseAddress(d.String()); back != d {
				t.Errorf("%q: String %q reads back as %+v", c.in, d.String(), back)
			}
		}
	}
	for _, bad := range []string{"", "  ", "http://", "https:///eSCL", "http://user:pw@10.0.0.5/", "http://10.0.0.5:99999999/"} {
		_, err := scan.ParseAddress(bad)
		var ae *app.Error
		if !errors.As(err, &ae) || ae.Code != "scanner.bad_address" {
			t.Errorf("ParseAddress(%q): %v", bad, err)
		}
	}
}

func TestESCLBaseURLKeepsAnyHost(t *testing.T) {
	// A manual eSCL address (--escl) is a network scanner even without a dot.
	if got, err := scan.ESCLBaseURL("printer"); err != nil || got != "http://printer/eSCL" {
		t.Errorf("%q, %v", got, err)
	}
	if _, err := scan.ESCLBaseURL("ftp://x"); err == nil {
		t.Error("ftp accepted")
	}
}
