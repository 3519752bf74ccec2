package normalize

import (
	"sync/atomic"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

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

// runeInfo caches what the parser asks of a rune: its script, whether it is
// a combining mark, a letter, an uppercase letter, and whether it is stable
// under NFKC (it is in NFKC and does not combine with the rune before it).
type runeInfo uint8

const (
	riScript runeInfo = 0x0F
	riMark   runeInfo = 1 << (iota + 3)
	riLetter
	riUpper
	riStable
)

func (i runeInfo) script() script { return script(i & riScript) }

// runeInfos caches the runeInfo of the BMP.
var runeInfos = bmpCache[runeInfo]{compute: makeRuneInfo}

// infoOf returns the runeInfo of r.
func infoOf(r rune) runeInfo {
	if r < 0 || r >= 0x10000 {
		return makeRuneInfo(r)
	}
	return *runeInfos.get(r)
}

// bmpCache caches a value for each rune of the Basic Multilingual Plane,
// computed 256 runes a block on first use; concurrent first uses compute the
// same block and one wins. It is safe for concurrent use.
type bmpCache[T any] struct {
	blocks  [256]atomic.Pointer[[256]T]
	compute func(rune) T
}

// get returns the value of r, which must be below U+10000.
func (c *bmpCache[T]) get(r rune) *T {
	blk := c.blocks[r>>8].Load()
	if blk == nil {
		blk = new([256]T)
		base := r &^ 0xFF
		for k := range blk {
			blk[k] = c.compute(base + rune(k))
		}
		c.blocks[r>>8].Store(blk)
	}
	return &blk[r&0xFF]
}

func makeRuneInfo(r rune) runeInfo {
	sc, mark := classifyRune(r)
	i := runeInfo(sc)
	if mark {
		i |= riMark
	}
	if unicode.IsLetter(r) {
		i |= riLetter
	}
	if unicode.IsUpper(r) {
		i |= riUpper
	}
	if r < 0xD800 || r > 0xDFFF {
		p := norm.NFKC.PropertiesString(string(r))
		if p.BoundaryBefore() && p.CCC() == 0 && norm.NFKC.IsNormalString(string(r)) {
			i |= riStable
		}
	}
	return i
}

// scriptOf classifies one rune. Combining marks (and format characters such
// as the zero-width non-joiner) return scOther with mark=true: they belong
// to the run of the letter they follow.
func scriptOf(r rune) (sc script, mark bool) {
	if r < 0x80 {
		return classifyRune(r)
	}
	i := infoOf(r)
	return i.script(), i&riMark != 0
}

func classifyRune(r rune) (sc script, mark bool) {
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
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
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
			switch {
			case cur != scNone:
				continue
			case unicode.Is(unicode.Cf, r):
				sc = scNone // a format character between words
			default:
				sc = scOther
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

// isMark reports whether r is a combining mark (or a format character).
func isMark(r rune) bool {
	_, mark := scriptOf(r)
	return mark
}
