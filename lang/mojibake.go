package lang

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// mojibakeCharsets are the charsets UTF-8 is most often misread as in
// scraped news: "CafÃ©" (Windows-1252) and "k√∂pek" (Mac OS Roman).
var mojibakeCharsets = []*charmap.Charmap{charmap.Windows1252, charmap.Macintosh}

// repairMojibake returns s with the words that are UTF-8 misread as one of
// mojibakeCharsets read correctly. Such text would otherwise look like a
// language full of rare letters. A word is repaired when writing it back in
// the charset gives valid UTF-8 with at least one multi-byte character:
// correct text practically never does, because its accented letters do not
// come in the lead-byte, continuation-byte pairs UTF-8 requires.
func repairMojibake(s string) string {
	if !hasMojibakePair(s) {
		return s
	}
	words := strings.SplitAfter(s, " ")
	for i, w := range words {
		words[i] = repairWord(w)
	}
	return strings.Join(words, "")
}

// hasMojibakePair reports whether s has two adjacent characters that some
// charset of mojibakeCharsets writes as a UTF-8 lead byte and a
// continuation byte: the cheap test that comes before repairing words.
func hasMojibakePair(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if r >= utf8.RuneSelf && prev >= utf8.RuneSelf {
			for _, cs := range mojibakeCharsets {
				lead, ok1 := cs.EncodeRune(prev)
				cont, ok2 := cs.EncodeRune(r)
				if ok1 && ok2 && lead >= 0xC2 && lead <= 0xF4 && cont >= 0x80 && cont <= 0xBF {
					return true
				}
			}
		}
		prev = r
	}
	return false
}

// repairWord returns w read again as UTF-8 from its bytes in the first
// charset of mojibakeCharsets that gives valid multi-byte UTF-8, or w.
func repairWord(w string) string {
	for _, cs := range mojibakeCharsets {
		if b, ok := encodeIn(cs, w); ok && utf8.Valid(b) && utf8.RuneCount(b) < len(b) {
			return string(b)
		}
	}
	return w
}

// encodeIn writes w in charset cs if every character of w is in it.
func encodeIn(cs *charmap.Charmap, w string) ([]byte, bool) {
	b := make([]byte, 0, len(w))
	for _, r := range w {
		c, ok := cs.EncodeRune(r)
		if !ok {
			return nil, false
		}
		b = append(b, c)
	}
	return b, true
}
