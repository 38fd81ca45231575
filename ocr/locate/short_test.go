package locate

import "testing"

// Blobs of an MRZ at 300 dpi in an upright frame (u = x, v = y): OCR-B
// capitals 28 px high at a pitch of 30 px, lines 50 px apart.
const (
	testPitch   = 30.0
	testCap     = 28.0
	testSpacing = 50.0
)

// row lays out characters from the centre (x, y) of the first on, each
// advance[i%len(advance)] pitches after the one before; the last fillers
// characters are fillers, smaller.
func row(x, y, h float64, n, fillers int, advance ...float64) []Blob {
	var out []Blob
	for i := range n {
		ch := h
		if i >= n-fillers {
			ch = 0.8 * h
		}
		w := 0.6 * h
		b := Blob{
			x0: int(x - w/2), y0: int(y - ch/2), x1: int(x + w/2), y1: int(y + ch/2),
			cx: x, cy: y, u: x, v: y, h: ch,
		}
		b.n = (b.x1 - b.x0) * (b.y1 - b.y0) / 2
		out = append(out, b)
		x += advance[i%len(advance)] * testPitch
	}
	return out
}

// swiss is the two long lines of a Swiss licence MRZ with the given first
// line, and some print far above. The name line is mostly fillers, so its
// capitals measure small.
func swiss(short []Blob) []Blob {
	bs := append(row(100, 300, testCap, 30, 5, 1), row(100, 300+testSpacing, testCap, 30, 25, 1)...)
	bs = append(bs, row(300, 100, 20, 12, 0, 0.9, 0.6, 1.1)...)
	return append(bs, short...)
}

func findIn(t *testing.T, bs []Blob) Block {
	t.Helper()
	block, ok := findBlock(bs, newGrid(bs, 48))
	if !ok {
		t.Fatal("no block found")
	}
	return block
}

func TestShortFirstLineHeadsTheBlock(t *testing.T) {
	upright := findIn(t, swiss(row(100, 300-testSpacing, testCap, 9, 2, 1)))
	if len(upright.Lines) != 3 || upright.Lines[0].chars != 9 || upright.Flipped || !upright.Headed {
		t.Fatalf("upright: %d lines, first of %d characters, flipped %v, headed %v; want 3, 9, false, true",
			len(upright.Lines), upright.Lines[0].chars, upright.Flipped, upright.Headed)
	}
	// Upside down in the Frame: the short line comes last, flush right,
	// and says so even though the print lies above the block.
	bs := append(row(100, 300, testCap, 30, 25, 1), row(100, 300+testSpacing, testCap, 30, 5, 1)...)
	bs = append(bs, row(100+21*testPitch, 300+2*testSpacing, testCap, 9, 2, 1)...)
	bs = append(bs, row(300, 100, 20, 12, 0, 0.9, 0.6, 1.1)...)
	flipped := findIn(t, bs)
	if len(flipped.Lines) != 3 || flipped.Lines[2].chars != 9 || !flipped.Flipped || !flipped.Headed {
		t.Fatalf("upside down: %d lines, last of %d characters, flipped %v, headed %v; want 3, 9, true, true",
			len(flipped.Lines), flipped.Lines[len(flipped.Lines)-1].chars, flipped.Flipped, flipped.Headed)
	}
}

// A short line of print that is not the Swiss first line must leave a
// two-line MRZ alone.
func TestShortLineOfOtherPrintIsNotMRZ(t *testing.T) {
	for _, c := range []struct {
		name  string
		short []Blob
	}{
		{"smaller capitals", row(100, 300-testSpacing, 0.7*testCap, 9, 0, 1)},
		{"larger capitals", row(100, 300-testSpacing, 1.4*testCap, 9, 0, 1)},
		{"proportional print", row(100, 300-testSpacing, testCap, 9, 0, 0.7, 1.3, 0.8, 1.2)},
		{"another pitch", row(100, 300-testSpacing, testCap, 9, 0, 1.25)},
		{"starting elsewhere", row(100+3*testPitch, 300-testSpacing, testCap, 9, 0, 1)},
		{"farther above", row(100, 300-1.5*testSpacing, testCap, 9, 0, 1)},
		{"a shorter word", row(100, 300-testSpacing, testCap, 6, 0, 1)},
		{"a longer word", row(100, 300-testSpacing, testCap, 13, 0, 1)},
		{"below, flush left", row(100, 300+2*testSpacing, testCap, 9, 0, 1)},
	} {
		block := findIn(t, swiss(c.short))
		if len(block.Lines) != 2 || block.Headed {
			t.Errorf("%s: %d lines (headed %v), want the 2 long ones", c.name, len(block.Lines), block.Headed)
		}
	}
}

// A TD1 block has its three lines already; a short line above is print.
func TestShortLineDoesNotExtendTD1(t *testing.T) {
	var bs []Blob
	for i := range 3 {
		bs = append(bs, row(100, 300+float64(i)*testSpacing, testCap, 30, 10, 1)...)
	}
	bs = append(bs, row(100, 300-testSpacing, testCap, 9, 2, 1)...)
	if block := findIn(t, bs); len(block.Lines) != 3 || block.Lines[0].chars != 30 {
		t.Errorf("%d lines, first of %d characters; want the 3 of 30", len(block.Lines), block.Lines[0].chars)
	}
}
