// Package wia scans with Windows Image Acquisition 2.0 through its COM
// automation layer (WIA.DeviceManager), called from pure Go with go-ole, so
// the Windows build needs no cgo and no driver SDK. Only the error mapping
// builds on other systems; Backend returns nil there.
package wia

import (
	"errors"
	"fmt"

	"github.com/go-ole/go-ole"

	"github.com/idpro/idpro/scan"
)

// WIA HRESULTs (wia.h / wiadef.h) the mapping knows.
const (
	errGeneral         = 0x80210001
	errPaperJam        = 0x80210002
	errPaperEmpty      = 0x80210003
	errPaperProblem    = 0x80210004
	errOffline         = 0x80210005
	errBusy            = 0x80210006
	errWarmingUp       = 0x80210007
	errItemDeleted     = 0x80210009
	errCommunication   = 0x8021000A
	errInvalidCommand  = 0x8021000B
	errBadSetting      = 0x8021000C
	errDeviceLocked    = 0x8021000D
	errNoDevice        = 0x80210015
	errCoverOpen       = 0x80210016
	errLampOff         = 0x80210017
	errMultiFeed       = 0x80210020
	errAccessDenied    = 0x80070005
	errAbort           = 0x80004004
	errDispException   = 0x80020009
	errUserCancelledHR = 0x800704C7 // HRESULT_FROM_WIN32(ERROR_CANCELLED)
)

var conditions = map[uint32]error{
	errPaperJam:        scan.ErrJammed,
	errMultiFeed:       scan.ErrJammed,
	errPaperProblem:    scan.ErrJammed,
	errPaperEmpty:      scan.ErrFeederEmpty,
	errOffline:         scan.ErrOffline,
	errCommunication:   scan.ErrOffline,
	errLampOff:         scan.ErrOffline,
	errBusy:            scan.ErrBusy,
	errWarmingUp:       scan.ErrBusy,
	errDeviceLocked:    scan.ErrBusy,
	errCoverOpen:       scan.ErrCoverOpen,
	errItemDeleted:     scan.ErrNotFound,
	errNoDevice:        scan.ErrNotFound,
	errInvalidCommand:  scan.ErrUnsupported,
	errBadSetting:      scan.ErrUnsupported,
	errAccessDenied:    scan.ErrAccessDenied,
	errAbort:           scan.ErrCancelled,
	errUserCancelledHR: scan.ErrCancelled,
	errGeneral:         scan.ErrFailed,
}

// condition maps a COM error to a scan condition. Errors raised inside an
// automation call come as DISP_E_EXCEPTION with the WIA code in the
// exception's scode.
func condition(err error) error {
	if errors.As(err, new(errNotFound)) {
		return scan.ErrNotFound
	}
	if c, ok := conditions[hresult(err)]; ok {
		return c
	}
	return scan.ErrFailed
}

func hresult(err error) uint32 {
	var oe *ole.OleError
	if !errors.As(err, &oe) {
		return 0
	}
	code := uint32(oe.Code())
	if code == errDispException {
		if ex, ok := oe.SubError().(ole.EXCEPINFO); ok && ex.SCODE() != 0 {
			return ex.SCODE()
		}
	}
	return code
}

// deviceError is the user-facing error for a failed WIA call on device.
func deviceError(device string, err error) error {
	return scan.DeviceError(condition(err), device, err)
}

// errNotFound is a device ID that WIA does not list (any more).
type errNotFound struct{ id string }

func (e errNotFound) Error() string { return fmt.Sprintf("no WIA device %s", e.id) }
