package locate

import "testing"

func TestExtendedAssumesTheLinesAnMRZHas(t *testing.T) {
	line := func(v float64, chars int) Line {
		return Line{u0: 100, u1: 100 + float64(chars-1)*20, v: v, pitch: 20, height: 20, chars: chars}
	}
	for _, tt := range []struct {
		name  string
		block Block
		want  [][]float64 // the lines' v of each block
	}{
		{"two lines of 30: the third above or below", Block{Lines: []Line{line(200, 30), line(236, 30)}},
			[][]float64{{200, 236}, {164, 200, 236}, {200, 236, 272}}},
		{"one line of 44: the other above or below", Block{Lines: []Line{line(200, 44)}},
			[][]float64{{200}, {164.8, 200}, {200, 235.2}}},
		{"a whole TD1", Block{Lines: []Line{line(200, 30), line(236, 30), line(272, 30)}}, [][]float64{{200, 236, 272}}},
		{"a lone line of 30: a licence, or a card's line", Block{Lines: []Line{line(200, 30)}},
			[][]float64{{200}, {129.6, 164.8, 200}, {164.8, 200, 235.2}, {200, 235.2, 270.4}}},
		{"the Swiss licence's block is told by its head", Block{Headed: true, Lines: []Line{line(200, 9), line(236, 30)}}, [][]float64{{200, 236}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Extended(tt.block)
			if len(got) != len(tt.want) {
				t.Fatalf("%d blocks, want %d", len(got), len(tt.want))
			}
			for i, b := range got {
				if len(b.Lines) != len(tt.want[i]) {
					t.Fatalf("block %d: %d lines, want %d", i, len(b.Lines), len(tt.want[i]))
				}
				for k, l := range b.Lines {
					if d := l.v - tt.want[i][k]; d > 0.01 || d < -0.01 {
						t.Errorf("block %d line %d at %.2f, want %.2f", i, k, l.v, tt.want[i][k])
					}
				}
			}
		})
	}
}

func TestCandidateBlocksAssumeALineBetweenTwo(t *testing.T) {
	line := func(v, pitch float64) Line {
		return Line{u0: 100, u1: 100 + 29*pitch, v: v, pitch: pitch, height: 20, chars: 30}
	}
	// A TD1 whose middle line did not chain: its first and last lines
	// stand two line spacings apart.
	blocks := candidateBlocks([]Line{line(200, 20), line(272, 21)})
	if len(blocks) == 0 || len(blocks[0].Lines) != 3 || blocks[0].Lines[1].v != 236 || blocks[0].Lines[1].chars != 0 {
		t.Fatalf("first block %+v, want three lines with one assumed at 236", blocks)
	}
	// Three lines apart they are no MRZ's.
	for _, b := range candidateBlocks([]Line{line(200, 20), line(320, 20)}) {
		if len(b.Lines) != 1 {
			t.Errorf("lines three spacings apart made a block of %d", len(b.Lines))
		}
	}
}
