package wia

import (
	"errors"
	"fmt"
	"testing"

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
