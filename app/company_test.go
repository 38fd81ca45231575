package app

import "testing"

func TestParseEnterprise(t *testing.T) {
	for in, want := range map[string]string{
		"0403.170.701": "0403170701", "BE0403170701": "0403170701", "0403 170 701": "0403170701",
		"403170701": "0403170701", "0417.181.162": "0417181162",
		"0403.170.702": "", "2403170701": "", "04031707": "", "0403.17O.701": "",
	} {
		got, err := ParseEnterprise(in)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	if FormatEnterprise("0403170701") != "0403.170.701" {
		t.Error(FormatEnterprise("0403170701"))
	}
}
