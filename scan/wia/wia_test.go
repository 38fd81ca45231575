package wia

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"unsafe"

	"github.com/go-ole/go-ole"

	"github.com/idpro/idpro/app"
	"github.com/idpro/idpro/scan"
)

func TestHRESULTsMapToTypedErrors(t *testing.T) {
	for hr, want := range map[uint32]error{
		0x80210003: scan.ErrFeederEmpty,
		0x80210002: scan.ErrJammed,
		0x80210006: scan.ErrBusy,
		0x80210016: scan.ErrCoverOpen,
		0x80210005: scan.ErrOffline,
		0x8021000A: scan.ErrOffline,
		0x80210015: scan.ErrNotFound,
		0x80070005: scan.ErrAccessDenied,
		0x8021000C: scan.ErrUnsupported,
		0x80004005: scan.ErrFailed, // E_FAIL
	} {
		// As go-ole returns it, wrapped the way callers wrap it.
		err := fmt.Errorf("Transfer: %w", ole.NewError(uintptr(hr)))
		got := deviceError("Canon LiDE 400", err)
		if !errors.Is(got, want) || !errors.Is(got, err) {
			t.Errorf("%#x: %v, want %v", hr, got, want)
		}
	}
	if c := app.ErrorCode(deviceError("x", ole.NewError(0x80210003))); c != "scanner.feeder_empty" {
		t.Errorf("code %q", c)
	}
	if !errors.Is(deviceError("x", errNotFound{"{6BDD1FC6}\\0000"}), scan.ErrNotFound) {
		t.Error("a vanished device is not ErrNotFound")
	}
	if condition(errors.New("not COM")) != scan.ErrFailed {
		t.Error("a non-COM error is not a plain failure")
	}
}

func TestBackendIsNilOffWindows(t *testing.T) {
	if b := Backend(); (b != nil) != isWindows {
		t.Errorf("Backend() = %v on this system", b)
	}
}

// excepinfo is the EXCEPINFO that IDispatch::Invoke fills in when a WIA
// automation call fails: go-ole has no constructor for it, so scode is
// written where the COM server writes it, at the field's offset.
func excepinfo(t *testing.T, scode uint32) ole.EXCEPINFO {
	t.Helper()
	var ex ole.EXCEPINFO
	f, ok := reflect.TypeOf(ex).FieldByName("scode")
	if !ok || f.Type.Kind() != reflect.Uint32 {
		t.Fatal("go-ole's EXCEPINFO has no uint32 scode field any more")
	}
	*(*uint32)(unsafe.Add(unsafe.Pointer(&ex), f.Offset)) = scode
	if ex.SCODE() != scode {
		t.Fatalf("SCODE() = %#x, want %#x", ex.SCODE(), scode)
	}
	return ex
}

func TestDispatchExceptionsMapByTheirSCODE(t *testing.T) {
	for hr, want := range map[uint32]error{
		0x80210003: scan.ErrFeederEmpty,
		0x80210002: scan.ErrJammed,
		0x80210016: scan.ErrCoverOpen,
		0x80210006: scan.ErrBusy,
		0x80210005: scan.ErrOffline,
		0x00000000: scan.ErrFailed, // DISP_E_EXCEPTION that names no code
	} {
		// As go-ole's IDispatch.Invoke returns it (DISP_E_EXCEPTION with
		// the exception info as its sub-error), wrapped by the caller.
		oe := ole.NewErrorWithSubError(0x80020009, "WIA", excepinfo(t, hr))
		got := deviceError("Canon LiDE 400", fmt.Errorf("Transfer: %w", oe))
		if !errors.Is(got, want) {
			t.Errorf("DISP_E_EXCEPTION with scode %#x: %v, want %v", hr, got, want)
		}
	}
}
