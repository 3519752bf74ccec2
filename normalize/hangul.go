package normalize

// Revised Romanization of Korean (2000) for the initial, medial and final
// jamo of a precomposed Hangul syllable.
var (
	hangulInitial = [19]string{"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	hangulMedial  = [21]string{"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"}
	hangulFinal   = [28]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "l", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// appendHangul appends the Revised Romanization of one Hangul syllable, read
// on its own (names are romanized syllable by syllable). Other runes,
// including isolated jamo, are passed to the generic fallback.
func appendHangul(b []byte, r rune) []byte {
	if r < 0xAC00 || r > 0xD7A3 {
		return appendFallback(b, string(r))
	}
	i := int(r - 0xAC00)
	b = append(b, hangulInitial[i/(21*28)]...)
	b = append(b, hangulMedial[i/28%21]...)
	return append(b, hangulFinal[i%28]...)
}
