//go:build windows

package wia

import (
	"context"

	"github.com/idpro/idpro/scan"
)

// WIA property IDs (wiadef.h).
const (
	propName          = "7"    // WIA_DIP_DEV_NAME
	propManufacturer  = "3"    // WIA_DIP_VEND_DESC
	propDescription   = "4"    // WIA_DIP_DEV_DESC
	propHandlingCaps  = "3086" // WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES
	propHandlingSel   = "3088" // WIA_DPS_DOCUMENT_HANDLING_SELECT
	propPages         = "3096" // WIA_DPS_PAGES
	propBedWidth      = "3074" // WIA_DPS_HORIZONTAL_BED_SIZE, 1/1000 inch
	propBedHeight     = "3075" // WIA_DPS_VERTICAL_BED_SIZE
	propIntent        = "6146" // WIA_IPS_CUR_INTENT
	propXRes          = "6147" // WIA_IPS_XRES
	propYRes          = "6148" // WIA_IPS_YRES
	propXPos          = "6149" // WIA_IPS_XPOS, pixels
	propYPos          = "6150" // WIA_IPS_YPOS
	propXExtent       = "6151" // WIA_IPS_XEXTENT
	propYExtent       = "6152" // WIA_IPS_YEXTENT
	scannerDeviceType = 1

	handlingFeeder  = 0x1
	handlingFlatbed = 0x2
	handlingDuplex  = 0x4

	intentColor = 0x1
	intentGray  = 0x2

	formatPNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"

	subTypeRange = 1
	subTypeList  = 2
)

// Devices lists WIA scanners.
func (s *Scanner) Devices(ctx context.Context) ([]scan.Device, error) {
	var devs []scan.Device
	err := s.do(func() error {
		mgr, err := newObject("WIA.DeviceManager")
		if err != nil {
			return err
		}
		defer mgr.release()
		infos, err := mgr.get("DeviceInfos")
		if err != nil {
			return err
		}
		defer infos.release()
		n, err := infos.count()
		if err != nil {
			return err
		}
		for i := 1; i <= n; i++ {
			dev, ok, err := deviceOf(infos, i)
			if err != nil {
				return err
			}
			if ok {
				devs = append(devs, dev)
			}
		}
		return nil
	})
	if err != nil {
		return nil, deviceError("WIA", err)
	}
	return devs, nil
}

func deviceOf(infos object, i int) (scan.Device, bool, error) {
	info, err := infos.get("Item", i)
	if err != nil {
		return scan.Device{}, false, err
	}
	defer info.release()
	typ, err := info.value("Type")
	if err != nil || toInt(typ) != scannerDeviceType {
		return scan.Device{}, false, err
	}
	id, err := info.value("DeviceID")
	if err != nil {
		return scan.Device{}, false, err
	}
	dev := scan.Device{Backend: scan.WIA, ID: toString(id), Kind: "WIA"}
	if v, err := info.propertyValue(propManufacturer); err == nil {
		dev.Vendor = toString(v)
	}
	if v, err := info.propertyValue(propName); err == nil {
		dev.Model = toString(v)
	} else if v, err := info.propertyValue(propDescription); err == nil {
		dev.Model = toString(v)
	}
	return dev, true, nil
}

// connect finds the device by ID and connects to it.
func connect(id string) (object, error) {
	mgr, err := newObject("WIA.DeviceManager")
	if err != nil {
		return object{}, err
	}
	defer mgr.release()
	infos, err := mgr.get("DeviceInfos")
	if err != nil {
		return object{}, err
	}
	defer infos.release()
	n, err := infos.count()
	if err != nil {
		return object{}, err
	}
	for i := 1; i <= n; i++ {
		info, err := infos.get("Item", i)
		if err != nil {
			return object{}, err
		}
		v, err := info.value("DeviceID")
		if err == nil && toString(v) == id {
			d, err := info.call("Connect")
			info.release()
			if err != nil {
				return object{}, err
			}
			return object{d.ToIDispatch()}, nil
		}
		info.release()
	}
	return object{}, errNotFound{id}
}
