package mrz

import (
	"slices"
	"testing"
)

func TestPassesSwitchOffByName(t *testing.T) {
	defer SwitchOff()
	// A date's 0 read as O: the classes pass makes it a 0 again.
	lines := []string{"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"}
	if r := ParseAt(lines, parseNow); !r.Valid || r.Fields.BirthDate != "1974-08-12" {
		t.Fatalf("with every pass: valid=%v birth %q", r.Valid, r.Fields.BirthDate)
	}
	if err := SwitchOff("classes", "check-digits"); err != nil {
		t.Fatal(err)
	}
	if r := ParseAt(lines, parseNow); r.Valid {
		t.Errorf("classes and check digits off: still valid, birth %q", r.Fields.BirthDate)
	}
	if err := SwitchOff("no such pass"); err == nil {
		t.Error("an unknown pass switched off without an error")
	}
	names := PassNames()
	slices.Sort(names)
	if len(slices.Compact(names)) != len(passes) {
		t.Errorf("pass names not unique: %v", PassNames())
	}
}
