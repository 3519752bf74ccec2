package normalize

// kana holds the Hepburn romanization of the hiragana block, U+3041 to
// U+3096, in order; katakana (U+30A1 to U+30F6) map onto it. Small kana are
// prefixed with "_".
var kana = [...]string{
	"_a", "a", "_i", "i", "_u", "u", "_e", "e", "_o", "o", // ぁ..お
	"ka", "ga", "ki", "gi", "ku", "gu", "ke", "ge", "ko", "go", // か..ご
	"sa", "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo", // さ..ぞ
	"ta", "da", "chi", "ji", "_tsu", "tsu", "zu", "te", "de", "to", "do", // た..ど
	"na", "ni", "nu", "ne", "no", // な..の
	"ha", "ba", "pa", "hi", "bi", "pi", "fu", "bu", "pu", "he", "be", "pe", "ho", "bo", "po", // は..ぽ
	"ma", "mi", "mu", "me", "mo", // ま..も
	"_ya", "ya", "_yu", "yu", "_yo", "yo", // ゃ..よ
	"ra", "ri", "ru", "re", "ro", // ら..ろ
	"_wa", "wa", "i", "e", "o", "n", "vu", "_ka", "_ke", // ゎ..ゖ
}

// kanaRoman returns the romanization of one kana, "" for marks such as the
// long-vowel sign.
func kanaRoman(r rune) string {
	switch {
	case r >= 0x30A1 && r <= 0x30F6:
		r -= 0x60
	case r >= 0x30F7 && r <= 0x30FA: // ヷ ヸ ヹ ヺ
		return [...]string{"va", "vi", "ve", "vo"}[r-0x30F7]
	case r >= 0x31F0 && r <= 0x31FF: // small katakana for Ainu
		return [...]string{"ku", "shi", "su", "to", "nu", "ha", "hi", "fu", "he", "ho", "mu", "ra", "ri", "ru", "re", "ro"}[r-0x31F0]
	}
	if r >= 0x3041 && r <= 0x3096 {
		return kana[r-0x3041]
	}
	return ""
}

// appendKana appends the Hepburn romanization of a run of kana. Small ya, yu,
// yo and small vowels combine with the kana before them (キャ kya, シェ she,
// ティ ti, ファ fa, ウィ wi); the small tsu doubles the next consonant. With
// nasal, ン is written N: it stands for n and ng alike; and フ Fu, h or f.
func appendKana(b []byte, run string, nasal bool) []byte {
	double := false
	start := len(b) // start of the last syllable written
	for _, r := range run {
		s := kanaRoman(r)
		if s == "" {
			continue // ー, iteration marks
		}
		if s == "_tsu" {
			double = true
			continue
		}
		if s[0] == '_' {
			s = s[1:]
			prev := string(b[start:])
			switch {
			case prev == "":
			case s[0] == 'y' && len(prev) >= 2 && prev[len(prev)-1] == 'i':
				// キャ kya; シャ sha, チャ cha, ジャ ja drop the y too
				b = b[:len(b)-1]
				if p := prev[:len(prev)-1]; p == "sh" || p == "ch" || p == "j" {
					s = s[1:]
				}
				b = append(b, s...)
				continue
			case len(s) == 1 && (prev == "u" || prev == "i"):
				// ウィ wi, イェ ye
				b = b[:start]
				if prev == "u" {
					b = append(b, 'w')
				} else {
					b = append(b, 'y')
				}
				b = append(b, s...)
				continue
			case len(s) == 1 && len(prev) >= 2 && isVowel(prev[len(prev)-1]):
				// ファ fa, ティ ti, シェ she, ツァ tsa
				b = append(b[:len(b)-1], s...)
				continue
			}
		}
		if nasal && s == "n" {
			s = "N"
		} else if nasal && s == "fu" {
			s = "Fu"
		}
		start = len(b)
		if double && s[0] != 'n' && !isVowel(s[0]) {
			if s[0] == 'c' {
				b = append(b, 't')
			} else {
				b = append(b, s[0])
			}
			start = len(b)
		}
		double = false
		b = append(b, s...)
	}
	return b
}
