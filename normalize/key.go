package normalize

import "strings"

// Key returns a phonetic key for one word of a name, in any script. Spellings
// that differ only by romanization convention share a key: vowels are dropped
// (Arabic and Hebrew do not write them, katakana and Hangul add them), l and r
// are merged (Japanese and Korean do not distinguish them), as are s/sh/z,
// k/g/q/c/kh, b/p/v/w/f, d/t, and doubled letters.
//
//	Key("Blinken") == Key("بلينكن") == Key("ブリンケン") == Key("布林肯") == "blnkn"
//
// Key returns "" for words without letters.
func Key(word string) string {
	return keyLatin(Romanize(word))
}

// keyLatin computes the key of an already romanized word (lowercase ASCII,
// spaces between parts are ignored).
func keyLatin(w string) string {
	w = strings.ReplaceAll(w, " ", "")
	if w == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(w))
	var last byte
	emit := func(c byte) {
		if c != last {
			b.WriteByte(c)
			last = c
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case '0' <= c && c <= '9':
			emit(c)
		case isVowel(c) || c == 'y' || c == 'w' && (i > 0 || next != 0 && !isVowel(next)):
			// vowels and glides: not written in Arabic/Hebrew, epenthetic in
			// katakana and Hangul romanizations; they only separate consonants
			// for doubling purposes.
			last = 0
		case c == 'h':
			// h after a consonant forms a digraph handled below; elsewhere it
			// is a consonant of its own, merged with kh (Х, خ).
			if i == 0 || isVowel(w[i-1]) || w[i-1] == 'y' {
				emit('h')
			}
		default:
			switch c {
			case 's', 'z', 'x':
				if c == 'x' && i > 0 {
					emit('k')
				}
				if c == 's' && next == 'h' {
					i++
				}
				emit('s')
			case 'c':
				if next == 'h' {
					i++
					emit('s') // ch, tch: ч, ش/چ variants
				} else {
					emit('k')
				}
			case 'k', 'g', 'q':
				if next == 'h' {
					i++
					if c == 'k' {
						emit('h') // kh: Х, خ
						continue
					}
				}
				emit('k')
			case 'p', 'b', 'v', 'w', 'f':
				if c == 'p' && next == 'h' {
					i++
				}
				emit('b')
			case 't', 'd':
				if next == 'h' {
					i++
				}
				if c == 't' && (next == 's' || next == 'z') {
					i++
					emit('s')
					continue
				}
				emit('t')
			case 'l', 'r':
				emit('l')
			case 'j':
				emit('s')
			case 'n':
				if next == 'g' && (i+2 >= len(w) || !isVowel(w[i+2])) {
					i++ // ng at a syllable end (Korean, pinyin) ≈ n
				}
				emit('n')
			case 'm':
				emit('m')
			default:
				emit(c)
			}
		}
	}
	return b.String()
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
