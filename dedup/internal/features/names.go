package features

import (
	"strings"
	"unicode"

	"github.com/eventdedup/eventdedup/normalize"
)

// SpelledAlike reports whether two names of one phonetic key, as written,
// may be one name. The key is tolerant enough to match a name in scripts
// that leave out vowels or cannot tell sounds apart (بوتين, プーチン, 푸틴: Putin),
// where it is what the scripts share. Two names in alphabets that write
// their vowels (Latin, Cyrillic, Greek) are compared as spellings instead,
// by the name matcher of package normalize, which tells Putin from Biden and
// Байден (one key, btn) and finds Zelensky in Selenskyj and Зеленский. Keys
// of spelled names ("=" and the name) and equal spellings need no matcher.
func SpelledAlike(key, x, y string) bool {
	if strings.HasPrefix(key, "=") || x == y || !spelledOut(x) || !spelledOut(y) {
		return true
	}
	return normalize.Matcher{}.Match(x, y).Same
}

// spelledOut reports whether a name is written in an alphabet that writes
// its vowels: its first letter is Latin, Cyrillic or Greek.
func spelledOut(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek)
		}
	}
	return false
}
