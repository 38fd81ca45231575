package ui

import (
	"strings"
	"testing"

	"github.com/idpro/idpro/ocr"
)

// The MRZ line says what the checks prove: a zone without check digits
// (the Swiss licence) is neither "correct" nor "does not match".
func TestMRZSummarySaysWhatTheChecksProve(t *testing.T) {
	e := newEnv(t, nil)
	d := e.u.wizard.docs
	for _, c := range []struct {
		res  ocr.Result
		want string
	}{
		{ocr.Result{Found: true, Format: ocr.TD3, Valid: true, Checks: map[string]bool{"birth_date": true}}, "All check digits are correct"},
		{ocr.Result{Found: true, Format: ocr.TD3, Checks: map[string]bool{"birth_date": false}}, "do not match"},
		{ocr.Result{Found: true, Format: ocr.DLCHE, Checks: map[string]bool{}}, "no check digits"},
	} {
		if got := d.describe(c.res); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", c.res.Format, got, c.want)
		}
	}
}
