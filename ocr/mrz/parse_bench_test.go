package mrz

import "testing"

// BenchmarkParse parses a clean passport, a passport with lost fillers and
// confusions, and an ID card with a long document number.
func BenchmarkParse(b *testing.B) {
	for _, bc := range []struct {
		name  string
		lines []string
	}{
		{"td3_clean", []string{td3Name, td3Data}},
		{"td3_noisy", []string{"p<utoeriksson<<anna<maria<<<<<<<<<<KKKK", "L8989O2C36UT07408122F1204159ZE184226B<<<10"}},
		{"td1_long_number", []string{"I<UTOD23145890K7349<<<<<<<<<<<", td1Data, "ERIKSSON<<ANNA<MARIA<<<KKKKKK"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseAt(bc.lines, parseNow)
			}
		})
	}
}

// BenchmarkParseWorst parses eight lines of garbage full of filler runs,
// the most work Parse accepts before giving up.
func BenchmarkParseWorst(b *testing.B) {
	line := "K<O<I<Z<S<B<G<1<2<5<8<6<0<K<O<I<Z<S<B<G<1<2<5<8<6<0"
	in := []string{line[:44], line[:44], line[:30], line[:30], line[:36], line[:36], line[:30], line[:9]}
	for b.Loop() {
		ParseAt(in, parseNow)
	}
}
