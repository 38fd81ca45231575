package sane

import (
	"context"
	"testing"

	"github.com/idpro/idpro/scan"
)

// BenchmarkList is device listing with the tests' SANE_CONFIG_DIR (test and
// pnm backends only): go test -bench . ./scan/sane/
func BenchmarkList(b *testing.B) {
	s := testScanner(b)
	for b.Loop() {
		if _, err := s.Devices(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFlatbed300 is a colour 300-dpi scan of the test backend's
// default 80x100 mm area, read back and decoded.
func BenchmarkFlatbed300(b *testing.B) {
	s := testScanner(b)
	for b.Loop() {
		if _, err := s.Scan(context.Background(), testDevice, scan.Settings{DPI: 300, Mode: scan.Color}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
