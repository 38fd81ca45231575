package mrz

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	seeds := [][]string{
		{td3Name, td3Data},
		{td1Doc, td1Data, td1Name},
		{"I<UTOD23145890<7349<<<<<<<<<<<", td1Data, td1Name},
		{"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"},
		{"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"},
		{"IDFRABERTHIER<<<<<<<<<<<<<<<<<932052", "8806923102858CORINNE<<<<<<<6507028F7"},
		{"D1FRA13AA0000261B1231MART1N<<9"},
		{"D1NLD15094962111659VW87Z78NB84"},
		{"AAAOOID<<", "FACHE30514Z1ZB097<<B001Z6<<<<<", "MARCHAND<<FA81ENNE<<<<<<<<<<<<"},
		{"p<uto eriksson<<anna<maria<<<<<<<KKKK", "L8989O2C36UT07408122F1204159ZE184226B<<10"},
		{"<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"},
		{"KKKKKKKKKKKKKKKKKKKKKKKKKKKKKK", "KKKKKKKKKKKKKKKKKKKKKKKKKKKKKK", "KKKKKKKKKKKKKKKKKKKKKKKKKKKKKK"},
		{"«", "é", "\x00\xff"},
		{"D"},
		// Restoring a lost P< filler once turned IDFRA into I<DFRA.
		{"IDFRA1770C<7701000000<2<0000I52", "00000000000000000000000000<000000001"},
	}
	for _, s := range seeds {
		f.Add(strings.Join(s, "\n"))
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		r := ParseAt(lines, parseNow)
		if len(r.RawLines) != len(lines) {
			t.Fatalf("raw lines %q, input %q", r.RawLines, lines)
		}
		if !r.Found {
			if r.Valid || len(r.Corrections) > 0 {
				t.Fatalf("not found but valid=%v corrections=%v", r.Valid, r.Corrections)
			}
			return
		}
		lay := layoutsFor(len(r.Lines))
		if lay == nil {
			t.Fatalf("found %s in %d lines", r.Format, len(r.Lines))
		}
		for _, l := range r.Lines {
			for i := 0; i < len(l); i++ {
				if _, ok := charValue(l[i]); !ok && l[i] != '?' && !(l[i] < 0x80) {
					t.Fatalf("line %q holds %q", l, l[i])
				}
			}
		}
		for name, ok := range r.Checks {
			if r.Valid && !ok {
				t.Fatalf("valid with check %s failing", name)
			}
		}
		for _, c := range r.Corrections {
			if c.Line < 0 || c.Line >= len(r.Lines) || c.Col < 0 || c.Col > len(r.Lines[c.Line]) {
				t.Fatalf("correction %+v outside %q", c, r.Lines)
			}
		}
		// A valid reading is stable: its corrected lines parse the same,
		// with nothing left to correct.
		if r.Valid {
			again := ParseAt(r.Lines, parseNow)
			if again.Format != r.Format || again.Fields != r.Fields || !again.Valid || len(again.Corrections) > 0 {
				t.Fatalf("reparse differs:\n%+v\n%+v", r, again)
			}
		}
	})
}
