package mrz

// checkWeights are the ICAO 9303 check digit weights, repeated over the data.
var checkWeights = [3]int{7, 3, 1}

// CheckDigit computes the ICAO 9303 check digit of s: digits count as their
// value, A-Z as 10-35, the filler '<' as 0, weighted 7, 3, 1 repeatedly; the
// digit is the sum modulo 10. It reports false when s holds a character
// outside A-Z 0-9 '<'.
func CheckDigit(s string) (byte, bool) {
	sum := 0
	for i := 0; i < len(s); i++ {
		v, ok := charValue(s[i])
		if !ok {
			return 0, false
		}
		sum += v * checkWeights[i%3]
	}
	return byte('0' + sum%10), true
}

func charValue(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10, true
	case c == '<':
		return 0, true
	}
	return 0, false
}
