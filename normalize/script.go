package normalize

import "unicode"

// script is the writing system of a run of letters, as far as romanization
// and name parsing care.
type script uint8

const (
	scNone     script = iota // spaces, punctuation, symbols
	scLatin                  // Latin letters and ASCII digits
	scCyrillic               //
	scGreek                  //
	scArabic                 // Arabic, Persian, Urdu
	scHebrew                 //
	scKana                   // hiragana and katakana
	scHangul                 //
	scHan                    // Chinese characters (hanzi, kanji, hanja)
	scOther                  // any other letters: transliterated by the generic fallback
)

// scriptOf classifies one rune. Combining marks return scOther with
// mark=true: they belong to the run of the letter they follow.
func scriptOf(r rune) (sc script, mark bool) {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return scLatin, false
		}
		return scNone, false
	case r == 0x30FB || r == 0xFF65: // katakana middle dot separates name parts
		return scNone, false
	case r == 0x30FC || r == 0xFF70 || 0x3040 <= r && r <= 0x30FF || 0x31F0 <= r && r <= 0x31FF:
		return scKana, false
	case 0xAC00 <= r && r <= 0xD7A3 || 0x1100 <= r && r <= 0x11FF || 0x3130 <= r && r <= 0x318F:
		return scHangul, false
	case r == 0x3005 || unicode.Is(unicode.Han, r):
		return scHan, false
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r):
		return scOther, true
	case unicode.IsDigit(r):
		return scLatin, false // folded to ASCII digits
	case !unicode.IsLetter(r):
		return scNone, false
	case r < 0x250 || 0x1E00 <= r && r <= 0x1EFF:
		return scLatin, false
	case 0x400 <= r && r <= 0x52F:
		return scCyrillic, false
	case 0x370 <= r && r <= 0x3FF || 0x1F00 <= r && r <= 0x1FFF:
		return scGreek, false
	case 0x600 <= r && r <= 0x6FF || 0x750 <= r && r <= 0x77F || 0xFB50 <= r && r <= 0xFDFF || 0xFE70 <= r && r <= 0xFEFF:
		return scArabic, false
	case 0x590 <= r && r <= 0x5FF:
		return scHebrew, false
	}
	return scOther, false
}

// isApostrophe reports the apostrophes that may stand inside a word: O'Brien,
// прем'єр, ג'ונסון (geresh), and the ayin/hamza signs of Latin
// transliterations.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', 0x2019, 0x02BC, 0x02BB, 0x02BE, 0x02BF, 0x05F3:
		return true
	}
	return false
}

// forEachRun splits s into runs of one script. Separators (spaces,
// punctuation) form runs of scNone. A combining mark joins the run before
// it; an apostrophe between two letters of one script stays inside the run.
func forEachRun(s string, fn func(text string, sc script)) {
	start, cur := 0, scNone
	for i, r := range s {
		sc, mark := scriptOf(r)
		if mark {
			if cur == scNone {
				sc = scOther
			} else {
				continue
			}
		}
		if isApostrophe(r) && cur != scNone {
			continue // decided by the rune after it
		}
		if sc != cur {
			if i > start {
				end := i
				if cur != scNone {
					end = trimApostrophes(s, start, i)
				}
				fn(s[start:end], cur)
				if end < i {
					fn(s[end:i], scNone)
				}
			}
			start, cur = i, sc
		}
	}
	if start < len(s) {
		end := len(s)
		if cur != scNone {
			end = trimApostrophes(s, start, len(s))
		}
		fn(s[start:end], cur)
		if end < len(s) {
			fn(s[end:], scNone)
		}
	}
}

// trimApostrophes returns the end of s[start:end] without trailing
// apostrophes, except a Hebrew geresh, which modifies the letter before it.
func trimApostrophes(s string, start, end int) int {
	for end > start {
		r, size := lastRune(s[start:end])
		if !isApostrophe(r) || r == 0x05F3 || r == '\'' && end-size > start && isHebrewGereshBase(s[start:end-size]) {
			break
		}
		end -= size
	}
	return end
}

func isHebrewGereshBase(s string) bool {
	r, _ := lastRune(s)
	switch r {
	case 'ג', 'ז', 'צ', 'ץ', 'ת':
		return true
	}
	return false
}
