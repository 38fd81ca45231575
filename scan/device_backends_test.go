package scan_test

import (
	"context"
	"errors"
	"image"
	"testing"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
	"github.com/idpro/idpro/scan/escl"
	"github.com/idpro/idpro/scan/escl/escltest"
)

func TestBackendsRouteByDevice(t *testing.T) {
	up := escltest.NewServer(escltest.Config{MakeAndModel: "Up"})
	defer up.Close()
	down := escltest.NewServer(escltest.Config{})
	down.Close()
	// Two eSCL clients under different names stand for two backends.
	b := scan.Backends{scan.ESCL: escl.New(up.URL), "other": escl.New(down.URL)}

	devs, err := b.Devices(context.Background())
	if err != nil || len(devs) != 2 || devs[0].Model != "Up" {
		t.Fatalf("%+v, %v", devs, err)
	}
	pages, err := b.Scan(context.Background(), scan.Device{Backend: scan.ESCL, ID: up.URL}, scan.Settings{DPI: 75}, nil)
	if err != nil || len(pages) != 1 || pages[0].Image.Bounds() != image.Rect(0, 0, 620, 877) {
		t.Fatalf("%d pages, %v", len(pages), err)
	}
	_, err = b.Capabilities(context.Background(), scan.Device{Backend: scan.WIA, ID: "x"})
	if !errors.Is(err, scan.ErrNotFound) || app.ErrorCode(err) != "scanner.not_found" {
		t.Errorf("missing backend: %v", err)
	}
	_, err = b.Scan(context.Background(), scan.Device{Backend: "other", ID: down.URL}, scan.Settings{}, nil)
	if !errors.Is(err, scan.ErrOffline) {
		t.Errorf("routed to the wrong backend: %v", err)
	}
}
