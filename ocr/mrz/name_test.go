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
