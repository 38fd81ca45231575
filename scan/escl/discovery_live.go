package escl

import (
	"context"
	"errors"
	"net"
	"os"
	"time"

	"github.com/idpro/idpro/scan"
)

// MDNSAddr is the IPv4 mDNS group.
const MDNSAddr = "224.0.0.251:5353"

// Browser finds eSCL scanners on the local network.
type Browser struct {
	// Addr is where the query goes: MDNSAddr on a real network.
	Addr string
	// Wait is how long answers are collected; 0 means 2 s.
	Wait time.Duration
}

// Find sends the query from an ephemeral port, which makes it a "legacy
// unicast" query (RFC 6762 §6.7): responders answer to that port directly,
// so nothing needs port 5353, which avahi or Bonjour already hold.
func (b Browser) Find(ctx context.Context) ([]scan.Device, error) {
	services, err := b.Services(ctx)
	devs := make([]scan.Device, 0, len(services))
	for _, s := range services {
		devs = append(devs, s.Device())
	}
	return devs, err
}

// Services returns the services that answered within Wait.
func (b Browser) Services(ctx context.Context) ([]Service, error) {
	addr, err := net.ResolveUDPAddr("udp4", b.Addr)
	if err != nil {
		return nil, scan.DeviceError(scan.ErrNotFound, b.Addr, err)
	}
	conn, err := net.ListenUDP("udp4", nil)
	if err != nil {
		return nil, scan.DeviceError(scan.ErrOffline, b.Addr, err)
	}
	defer conn.Close()
	q, err := Query()
	if err != nil {
		return nil, scan.DeviceError(scan.ErrFailed, b.Addr, err)
	}
	if _, err := conn.WriteToUDP(q, addr); err != nil {
		return nil, scan.DeviceError(scan.ErrOffline, b.Addr, err)
	}
	wait := b.Wait
	if wait <= 0 {
		wait = 2 * time.Second
	}
	deadline := time.Now().Add(wait)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	stop := context.AfterFunc(ctx, func() { conn.SetReadDeadline(time.Now()) })
	defer stop()
	if err := conn.SetReadDeadline(deadline); err != nil {
		return nil, scan.DeviceError(scan.ErrFailed, b.Addr, err)
	}
	var found Services
	buf := make([]byte, 9000) // the largest mDNS message (RFC 6762 §17)
	for {
		n, _, err := conn.ReadFromUDP(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			break
		}
		if err != nil {
			return found.List(), scan.DeviceError(scan.ErrOffline, b.Addr, err)
		}
		// A malformed answer from one device must not hide the others.
		_ = found.Add(buf[:n])
	}
	if ctx.Err() != nil {
		return found.List(), scan.DeviceError(scan.ErrCancelled, b.Addr, ctx.Err())
	}
	return found.List(), nil
}
