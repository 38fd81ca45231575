package mrz

import "testing"

func TestSplitName(t *testing.T) {
	tests := []struct{ in, surname, given string }{
		{"ERIKSSON<<ANNA<MARIA<<<<<<<<<<", "ERIKSSON", "ANNA MARIA"},
		{"VAN<DER<BERG<<JAN<<<<<<<<<<<<<", "VAN DER BERG", "JAN"},
		{"MADONNA<<<<<<<<<<<<<<<<<<<<<<<", "MADONNA", ""},
		{"<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "", ""},
		{"DE<LA<CRUZ<<MARIA<<JOSE<<<<<<<", "DE LA CRUZ", "MARIA JOSE"},
	}
	for _, tt := range tests {
		s, g := splitName(tt.in)
		if s != tt.surname || g != tt.given {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", tt.in, s, g, tt.surname, tt.given)
		}
	}
}

func TestCleanNameFillers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SMITH<<JOHN<<<<KKK", "SMITH<<JOHN<<<<<<<"},
		{"SMITH<<JOHN<KKKK", "SMITH<<JOHN<<<<<"},
		{"SMITH<<<<<<CCCCE<", "SMITH<<<<<<<<<<<<"},
		{"SMITH<<JOHN<SEK<<", "SMITH<<JOHN<<<<<<"},
		{"SMITH<<JOHN<<<<<<", "SMITH<<JOHN<<<<<<"},
		// Real names stay, even short ones made of the misread letters.
		{"ESSEX<<CECE<<<<<<", "ESSEX<<CECE<<<<<<"},
		{"ESSEX<<ESSE<<<<<<", "ESSEX<<ESSE<<<<<<"},
		{"SMITH<<JOHN<EK<<<", "SMITH<<JOHN<EK<<<"},
		{"KKK<<<<<<<<<<<<<<", "KKK<<<<<<<<<<<<<<"},
		{"SMITH<<JOHN<<KKXK", "SMITH<<JOHN<<KKXK"},
	}
	for _, tt := range tests {
		if got := cleanNameFillers(tt.in); got != tt.want {
			t.Errorf("cleanNameFillers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStrayMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		// A lone mark in the fill after the names (real crops: I, Q, W).
		{"SPECIMEN<<VZOR<<<<<<<<<I<<<", "SPECIMEN<<VZOR<<<<<<<<<<<<<"},
		{"HAPPY<<TRAVELER<<<<<<Q", "HAPPY<<TRAVELER<<<<<<<"},
		{"SMITH<<<<<<<W<<", "SMITH<<<<<<<<<<"},
		// Initials stay: after one filler, or the two before the given names.
		{"SMITH<<JOHN<A<<<<", "SMITH<<JOHN<A<<<<"},
		{"SMITH<<A<<<<<<<<", "SMITH<<A<<<<<<<<"},
		// So does a longer word after a run (a name after a misread
		// filler), and a digit (print out of place, not a misread filler).
		{"SMITH<<<NNA<MARIA", "SMITH<<<NNA<MARIA"},
		{"PETER<UILL98M<<<<<<<<2", "PETER<UILL98M<<<<<<<<2"},
	}
	for _, tt := range tests {
		b := []byte(tt.in)
		strayMarks(b, func(int) bool { return false })
		if string(b) != tt.want {
			t.Errorf("strayMarks(%q) = %q, want %q", tt.in, b, tt.want)
		}
	}
	b := []byte("VZOR<<<<Z<<")
	strayMarks(b, func(i int) bool { return i == 8 })
	if string(b) != "VZOR<<<<Z<<" {
		t.Errorf("a kept position changed: %q", b)
	}
}
