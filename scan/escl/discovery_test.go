package escl_test

import (
	"context"
	"net"
	"net/netip"
	"os"
	"slices"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"

	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
)

// The testdata messages are mDNS answers in the shape devices send them:
// compressed names, the cache-flush bit, an NSEC record, an unrelated _ipp
// PTR, and (Brother) the PTR and the SRV/TXT/A records in separate
// messages.
func readMessages(t *testing.T, names ...string) [][]byte {
	t.Helper()
	var out [][]byte
	for _, n := range names {
		b, err := os.ReadFile("testdata/" + n)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func TestServicesFromRecordedAnswers(t *testing.T) {
	var s escl.Services
	for _, m := range readMessages(t, "hp-laserjet.bin", "brother-ptr.bin", "brother-srv.bin") {
		if err := s.Add(m); err != nil {
			t.Fatal(err)
		}
	}
	list := s.List()
	if len(list) != 2 {
		t.Fatalf("%d services: %+v", len(list), list)
	}
	br, hp := list[0], list[1]
	if hp.URL() != "http://192.168.1.31:8080/eSCL" || hp.Secure || hp.TXT["ty"] != "HP LaserJet MFP M28w" {
		t.Errorf("HP: %s %+v", hp.URL(), hp)
	}
	if !slices.Contains(hp.Addrs, netip.MustParseAddr("fe80::f2b1:c2ff:fed3:e4f5")) {
		t.Errorf("HP addresses %v", hp.Addrs)
	}
	if br.URL() != "https://10.0.0.7:443/eSCL" || !br.Secure {
		t.Errorf("Brother: %s", br.URL())
	}
	d := br.Device()
	back, err := scan.ParseAddress(d.String())
	if d.Backend != scan.ESCL || d.Model != "Brother MFC-L2710DW series" || d.UUID != "e3248000-80ce-11db-8000-3c2af4e5d6c7" ||
		err != nil || back != (scan.Device{Backend: scan.ESCL, ID: d.ID}) {
		t.Errorf("device %+v, read back as %+v, %v", d, back, err)
	}
}

func TestIncompleteServiceIsNotListed(t *testing.T) {
	var s escl.Services
	if err := s.Add(readMessages(t, "brother-ptr.bin")[0]); err != nil {
		t.Fatal(err)
	}
	if l := s.List(); len(l) != 0 {
		t.Errorf("a PTR alone gave %+v", l)
	}
}

func TestMalformedAnswerIsAnError(t *testing.T) {
	m := readMessages(t, "hp-laserjet.bin")[0]
	var s escl.Services
	if err := s.Add(m[:len(m)-30]); err == nil {
		t.Error("truncated message accepted")
	}
}

func TestQueryAsksForBothServiceTypes(t *testing.T) {
	q, err := escl.Query()
	if err != nil {
		t.Fatal(err)
	}
	var p dnsmessage.Parser
	h, err := p.Start(q)
	if err != nil || h.Response {
		t.Fatalf("header %+v, %v", h, err)
	}
	qs, err := p.AllQuestions()
	if err != nil || len(qs) != 2 || qs[0].Name.String() != escl.ServiceHTTP || qs[1].Name.String() != escl.ServiceHTTPS || qs[0].Type != dnsmessage.TypePTR {
		t.Fatalf("questions %+v, %v", qs, err)
	}
}

// TestBrowserOverLoopback runs the live discovery code against a responder
// on 127.0.0.1 that answers with the recorded messages; no multicast.
func TestBrowserOverLoopback(t *testing.T) {
	conn, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	answers := readMessages(t, "hp-laserjet.bin", "brother-ptr.bin", "brother-srv.bin")
	go func() {
		buf := make([]byte, 1500)
		n, from, err := conn.ReadFromUDP(buf)
		if err != nil {
			return
		}
		var p dnsmessage.Parser
		if _, err := p.Start(buf[:n]); err != nil {
			return
		}
		if q, err := p.Question(); err != nil || q.Name.String() != escl.ServiceHTTP {
			return
		}
		for _, a := range answers {
			conn.WriteToUDP(a, from)
		}
		conn.WriteToUDP([]byte("not dns"), from)
	}()
	b := escl.Browser{Addr: conn.LocalAddr().String(), Wait: 2 * time.Second} // margin for a loaded CI machine
	devs, err := b.Find(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(devs) != 2 || devs[1].ID != "http://192.168.1.31:8080/eSCL" {
		t.Fatalf("devices %+v", devs)
	}
}
