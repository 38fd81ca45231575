package mrz

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// ocrNoise garbles MRZ text the way the Tesseract engines measured in
// docs/engineering notes do: the legacy engine swaps look-alikes (O/0,
// I/1, Z/2...), the LSTM engine also loses fillers and reads them as K,
// S, E or C.
type ocrNoise struct {
	swap, lose, misread float64
}

var (
	legacyNoise = ocrNoise{swap: 0.03}
	lstmNoise   = ocrNoise{swap: 0.02, lose: 0.35, misread: 0.1}
)

func (n ocrNoise) apply(r *rand.Rand, line string) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '<' && r.Float64() < n.lose:
			continue
		case c == '<' && r.Float64() < n.misread:
			c = fillerMisreads[r.IntN(len(fillerMisreads))]
		case r.Float64() < n.swap:
			if l, ok := letterToDigit[c]; ok {
				c = l
			} else if d, ok := digitToLetter[c]; ok {
				c = d
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// noiseOutcome counts what Parse made of garbled MRZs: valid with all
// fields right; valid with every wrong field flagged for review; valid
// with a wrong field not flagged (the failure that matters); or left
// invalid for the user to fix.
type noiseOutcome struct{ right, flagged, silent, invalid, total int }

// wrongFields lists the json names of the fields that differ.
func wrongFields(got, want Fields) []Field {
	var out []Field
	for _, name := range FieldNames {
		if got.Get(name) != want.Get(name) {
			out = append(out, name)
		}
	}
	return out
}

func measureNoise(noise ocrNoise, n int) noiseOutcome {
	r := rand.New(rand.NewPCG(7, 8))
	var o noiseOutcome
	for i := range n {
		g := generateTD3(r)
		if i%2 == 1 {
			g = generateTD1(r)
		}
		lines := make([]string, len(g.lines))
		for k, l := range g.lines {
			lines[k] = noise.apply(r, l)
		}
		got := ParseAt(lines, parseNow)
		o.total++
		wrong := wrongFields(got.Fields, g.want)
		switch {
		case !got.Valid:
			o.invalid++
		case len(wrong) == 0:
			o.right++
		case slices.ContainsFunc(wrong, func(f Field) bool { return !slices.Contains(got.Review, f) }):
			o.silent++
		default:
			o.flagged++
		}
	}
	return o
}

// BenchmarkParseNoisy reports, per noise profile, the shares of garbled
// MRZs Parse got fully right, got wrong but flagged every wrong field for
// review, got wrong silently, and left invalid.
func BenchmarkParseNoisy(b *testing.B) {
	for _, p := range []struct {
		name  string
		noise ocrNoise
	}{{"legacy", legacyNoise}, {"lstm", lstmNoise}} {
		b.Run(p.name, func(b *testing.B) {
			var o noiseOutcome
			for b.Loop() {
				o = measureNoise(p.noise, 400)
			}
			b.ReportMetric(100*float64(o.right)/float64(o.total), "%right")
			b.ReportMetric(100*float64(o.flagged)/float64(o.total), "%flagged")
			b.ReportMetric(100*float64(o.silent)/float64(o.total), "%silent")
			b.ReportMetric(100*float64(o.invalid)/float64(o.total), "%invalid")
		})
	}
}

func TestNoiseModelGarbles(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	changed := 0
	for range 50 {
		if lstmNoise.apply(r, td3Data) != td3Data {
			changed++
		}
	}
	if changed < 40 {
		t.Errorf("lstm noise changed only %d of 50 lines", changed)
	}
}
