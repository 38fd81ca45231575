package mrz

import "testing"

// TestShapeChangeNeedsMoreThanAChanceComposite: a 0 in a card's optional
// data, which only the composite covers, that its shape says is an O.
// The change passes the composite; while the document number's own
// check fails, the composite covers that failing field too and should
// fail with it, so its passing is chance and the 0 stays. Once every
// other check passes, the composite is a witness and the O stands.
func TestShapeChangeNeedsMoreThanAChanceComposite(t *testing.T) {
	line2 := "7408122F1204159UTO<<<<<<<<<<<"
	for _, c := range []struct {
		name, doc string
		holds     bool
	}{
		// 1 read as 2 at column 8 and the check 7 as 6 (both weigh 7
		// in the composite, so it holds as printed).
		{"document number misread twice", "I<UTOD232458906", false},
		{"document number as printed", "I<UTOD231458907", true},
	} {
		// The composite as the issuer printed it, over the O.
		truth := "I<UTOD231458907<<SRCO015244<<<"
		digit, _ := CheckDigit(truth[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
		lines := [][]byte{[]byte(c.doc + "<<SRC0015244<<<"), []byte(line2 + string(digit)), []byte(td1Name)}
		d := newDraft(td1, lines, nil)
		if got := d.ChangeHolds(0, 20, 'O'); got != c.holds {
			t.Errorf("%s: change to O holds %v, want %v (%q)", c.name, got, c.holds, d.lines[0])
		}
	}
}
