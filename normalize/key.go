package normalize

import "strings"

// Key returns a phonetic key for one word of a name, in any script. Spellings
// that differ only by romanization convention share a key:
//   - vowels are dropped (Arabic and Hebrew do not write them, katakana and
//     Hangul add them, ou/u and doubled vowels vary); a word-initial vowel
//     leaves the mark 'a' and a word-initial y before a vowel the mark 'y';
//   - l and r are merged (Japanese and Korean do not distinguish them);
//   - b, p, f, v, ph and w before a vowel are merged, as are t, d, th and dh,
//     and k, g, q, c (hard) and gh;
//   - all sibilants and affricates are merged: s, z, sh, zh, ch, j, ts, dz,
//     soft c, and pinyin q and x before i or u (Хаяси, Hayashi; Цзиньпин,
//     Jinping);
//   - kh and h are merged; a final h after a vowel is dropped;
//   - ng that does not start a syllable is n; doubled letters count once.
//
// So Key("Blinken") == Key("بلينكن") == Key("ブリンケン") == Key("布林肯")
// == "blnkn". Key returns "" for words without letters or digits.
func Key(word string) string {
	return KeyLatin(Romanize(word))
}

// KeyLatin returns the key of [Key] for a word that is already romanized
// (lowercase ASCII, as [Romanize] returns); spaces are ignored, so the key of
// a multi-word name is the concatenation of the words' keys. It is the cheap
// part of Key, for callers that romanize once and key many times.
func KeyLatin(w string) string {
	if strings.IndexByte(w, ' ') >= 0 {
		w = strings.ReplaceAll(w, " ", "")
	}
	return string(appendKey(make([]byte, 0, len(w)), w))
}

// appendKey appends the key of the romanized word w (lowercase ASCII, no
// spaces) to b.
func appendKey(b []byte, w string) []byte {
	start := len(b)
	var last byte
	emit := func(c byte) {
		if c != last {
			b = append(b, c)
			last = c
		}
	}
	at := func(i int) byte {
		if i < len(w) {
			return w[i]
		}
		return 0
	}
	for i := 0; i < len(w); i++ {
		c, next := w[i], at(i+1)
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			if i == 0 {
				emit('a')
			}
			last = 0
		case 'y':
			switch {
			case i == 0 && next == 'i' && !isVowel(at(i+2)):
				emit('a') // pinyin yi is the vowel i
			case i == 0 && isVowel(next):
				emit('y')
			case i == 0:
				emit('a')
			}
			last = 0
		case 'w':
			switch {
			case i == 0 && next == 'u' && !isVowel(at(i+2)):
				emit('a') // pinyin wu is the vowel u
			case isVowel(next) && (i == 0 || isVowel(w[i-1])):
				emit('b')
			default:
				if i == 0 {
					emit('a')
				}
				last = 0 // a glide: hwa, kwon, chow
			}
		case 'h':
			if i == len(w)-1 && i > 0 && isVowel(w[i-1]) {
				continue // Allah, Shah: a final h is often not written
			}
			emit('h')
		case 's', 'z':
			if next == 'h' || next == 'z' && c == 's' {
				i++
			} else if c == 's' && next == 'c' && at(i+2) == 'h' {
				i += 2
			}
			emit('s')
		case 'c':
			switch {
			case next == 'h' || next == 'z':
				i++
				emit('s')
			case next == 'k':
				i++
				emit('k')
			case next == 'e' || next == 'i' || next == 'y':
				emit('s')
			default:
				emit('k')
			}
		case 'j':
			emit('s')
		case 'k':
			if next == 'h' {
				i++
				emit('h')
			} else {
				emit('k')
			}
		case 'g':
			if next == 'h' {
				i++
			}
			emit('k')
		case 'q':
			if next == 'i' {
				emit('s')
			} else {
				emit('k')
			}
		case 'x':
			if i == 0 || next == 'i' || next == 'u' {
				emit('s')
			} else {
				emit('k')
				emit('s')
			}
		case 't', 'd':
			switch {
			case next == 'h':
				i++
				emit('t')
			case next == 's' || next == 'z' || next == 'j':
				i++
				if at(i+1) == 'h' {
					i++
				}
				emit('s')
			case next == 'c' && at(i+2) == 'h':
				i += 2
				emit('s')
			default:
				emit('t')
			}
		case 'p', 'b':
			if next == 'h' {
				i++
			}
			emit('b')
		case 'f', 'v':
			emit('b')
		case 'l', 'r':
			if c == 'r' && next == 'h' {
				i++
			}
			emit('l')
		case 'n':
			if next == 'g' && !isVowel(at(i+2)) {
				i++
			}
			emit('n')
		case 'm':
			emit('m')
		default:
			if '0' <= c && c <= '9' {
				emit(c)
			}
		}
	}
	if len(b) == start+1 && b[start] == 'a' && len(w) > 0 {
		// an all-vowel word keeps its mark, so that it is not empty
		return b
	}
	return b
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// keyCost is the cost of turning key letter x into y in [keyDistance]; 0 is
// insertion or deletion. Costs are in half units.
func keyCost(x, y byte) int {
	if x == y {
		return 0
	}
	if x > y {
		x, y = y, x
	}
	switch {
	case x == 0 && (y == 'h' || y == 'a' || y == 'y' || y == 'l'):
		return 1 // h, r, an initial vowel or glide come and go between scripts
	case x == 'h' && y == 'k', x == 'a' && y == 'y', x == 's' && y == 'y', x == 'm' && y == 'n':
		return 1 // カーン/Khan, Yevgeny/Evgeny, Jens/Йенс, assimilated nasals
	}
	return 2
}

// indelCost is the cost of inserting or deleting k[i]: an r or l is dropped
// cheaply only after a vowel (ベーアボック, Baerbock), never at the start.
func indelCost(k string, i int) int {
	if i == 0 && k[i] == 'l' {
		return 2
	}
	return keyCost(0, k[i])
}

// keyDistance is a weighted edit distance between two keys, in half units.
func keyDistance(a, b string) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	var buf [32]int
	var row []int
	if len(a)+1 <= len(buf) {
		row = buf[:len(a)+1]
	} else {
		row = make([]int, len(a)+1)
	}
	row[0] = 0
	for i := 1; i <= len(a); i++ {
		row[i] = row[i-1] + indelCost(a, i-1)
	}
	for j := 1; j <= len(b); j++ {
		diag := row[0]
		row[0] += indelCost(b, j-1)
		for i := 1; i <= len(a); i++ {
			cur := row[i]
			v := diag + keyCost(a[i-1], b[j-1])
			if d := row[i] + indelCost(b, j-1); d < v {
				v = d
			}
			if d := row[i-1] + indelCost(a, i-1); d < v {
				v = d
			}
			row[i] = v
			diag = cur
		}
	}
	return row[len(a)]
}

// keySimilarity is 1 minus the edit distance of the keys relative to the
// longer one: 1 for equal keys, 0 for keys with nothing in common.
func keySimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	n := max(len(a), len(b))
	if n == 0 {
		return 0
	}
	d := float64(keyDistance(a, b)) / 2
	return max(0, 1-d/float64(n))
}
