package mrz

import "testing"

func TestCheckDigit(t *testing.T) {
	tests := []struct {
		in   string
		want byte
		ok   bool
	}{
		{"L898902C3", '6', true}, // ICAO 9303 Part 4 specimen
		{"740812", '2', true},
		{"120415", '9', true},
		{"ZE184226B<<<<<", '1', true},
		{"L898902C3674081221204159ZE184226B<<<<<1", '0', true}, // composite, ICAO
		{"D23145890", '7', true},
		{"<<<<<<", '0', true},
		{"", '0', true},
		{"520727", '3', true},
		{"ab1", 0, false},
		{"12 3", 0, false},
		{"É", 0, false},
	}
	for _, tt := range tests {
		got, ok := CheckDigit(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CheckDigit(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
