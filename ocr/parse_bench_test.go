package ocr

import "testing"

// BenchmarkParse parses a clean passport, a passport with lost fillers and
// confusions, and an ID card with a long document number, per op.
func BenchmarkParse(b *testing.B) {
	inputs := [][]string{
		{td3Name, td3Data},
		{"p<utoeriksson<<anna<maria<<<<<<<<<<KKKK", "L8989O2C36UT07408122F1204159ZE184226B<<<10"},
		{"I<UTOD23145890K7349<<<<<<<<<<<", td1Data, "ERIKSSON<<ANNA<MARIA<<<KKKKKK"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			ParseAt(in, now)
		}
	}
}

// BenchmarkParseWorst parses eight lines of garbage full of filler runs,
// the most work Parse accepts before giving up.
func BenchmarkParseWorst(b *testing.B) {
	line := "K<O<I<Z<S<B<G<1<2<5<8<6<0<K<O<I<Z<S<B<G<1<2<5<8<6<0"
	in := []string{line[:44], line[:44], line[:30], line[:30], line[:36], line[:36], line[:30], line[:9]}
	for b.Loop() {
		ParseAt(in, now)
	}
}
