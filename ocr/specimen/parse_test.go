package specimen

import (
	"slices"
	"testing"
	"time"

	"github.com/idpro/idpro/ocr"
)

// Every generated MRZ must read back through ocr.Parse exactly as
// generated: the expected format, every field of Fields and nothing else,
// all check digits passing and nothing corrected. The generator computes
// its check digits on its own, so this tests both sides.
func TestParseReadsEveryKind(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, k := range Kinds {
		variants := map[bool]int{}
		for seed := uint64(0); seed < 200; seed++ {
			d := Random(seed, k)
			mrz := d.MRZ()
			r := ocr.ParseAt(mrz, now)
			// The Swiss licence has no check digit: Parse never calls it valid.
			wantValid := k != SwissLicence
			if !r.Found || r.Format != k.Format() || r.Valid != wantValid || len(r.Corrections) > 0 {
				t.Fatalf("%v seed %d %q: found=%v format=%s valid=%v checks=%v corrections=%v", k, seed, mrz,
					r.Found, r.Format, r.Valid, r.Checks, r.Corrections)
			}
			if r.Fields != d.Fields() {
				t.Fatalf("%v seed %d %q:\n got %+v\nwant %+v", k, seed, mrz, r.Fields, d.Fields())
			}
			if !slices.Equal(r.Lines, mrz) {
				t.Fatalf("%v seed %d: lines %q, want %q", k, seed, r.Lines, mrz)
			}
			if k == IDCardLong {
				if n := len(d.DocumentNumber); n < 10 || n > 12 {
					t.Fatalf("seed %d: %d-character number %q", seed, n, d.DocumentNumber)
				}
				variants[d.FillerInCheck]++
			}
		}
		if k == IDCardLong && (variants[true] < 50 || variants[false] < 50) {
			t.Errorf("long numbers: %d checked with the filler, %d without, of 200", variants[true], variants[false])
		}
	}
}
