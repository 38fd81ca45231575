package scan

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// Backends is several backends as one, keyed by Device.Backend: Devices
// lists them all, Capabilities and Scan go to the device's own. The UI gives
// a Session this, so the user picks a scanner without knowing its driver.
type Backends map[string]Backend

var _ Backend = Backends(nil)

// order is SANE, eSCL, WIA, then any other backend by name.
func (b Backends) order() []string {
	names := []string{SANE, ESCL, WIA}
	for n := range b {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	slices.Sort(names[3:])
	return names
}

// Devices lists every backend's devices. A backend that fails does not hide
// the others: its error is joined to the result.
func (b Backends) Devices(ctx context.Context) ([]Device, error) {
	var devs []Device
	var errs []error
	for _, name := range b.order() {
		be := b[name]
		if be == nil {
			continue
		}
		found, err := be.Devices(ctx)
		devs = append(devs, found...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return devs, errors.Join(errs...)
}

func (b Backends) backend(dev Device) (Backend, error) {
	if be := b[dev.Backend]; be != nil {
		return be, nil
	}
	return nil, DeviceError(ErrNotFound, dev.Name(), fmt.Errorf("no %q backend on this system", dev.Backend))
}

// Capabilities asks the device's backend.
func (b Backends) Capabilities(ctx context.Context, dev Device) (Capabilities, error) {
	be, err := b.backend(dev)
	if err != nil {
		return Capabilities{}, err
	}
	return be.Capabilities(ctx, dev)
}

// Scan scans with the device's backend.
func (b Backends) Scan(ctx context.Context, dev Device, s Settings, progress Progress) ([]Page, error) {
	be, err := b.backend(dev)
	if err != nil {
		return nil, err
	}
	return be.Scan(ctx, dev, s, progress)
}
