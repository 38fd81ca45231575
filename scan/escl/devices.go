package escl

import (
	"context"

	"github.com/idpro/idpro/scan"
)

// Devices lists the manually entered scanners that answer and, when Find is
// set, the discovered ones. A manual address that does not answer is still
// listed, by address, so the user sees what they typed.
func (c *Client) Devices(ctx context.Context) ([]scan.Device, error) {
	var devs []scan.Device
	for _, m := range c.Manual {
		base, err := scan.ESCLBaseURL(m)
		if err != nil {
			return nil, scan.DeviceError(scan.ErrNotFound, m, err)
		}
		dev := scan.Device{Backend: scan.ESCL, ID: base, Kind: "eSCL"}
		var caps capabilities
		if c.getXML(ctx, dev, base+"/ScannerCapabilities", &caps) == nil {
			dev.Model = caps.MakeAndModel
		}
		devs = append(devs, dev)
	}
	if c.Find != nil {
		found, err := c.Find(ctx)
		if err != nil {
			return devs, err
		}
		devs = append(devs, found...)
	}
	return devs, nil
}
