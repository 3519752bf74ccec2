package normalize

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"github.com/mozillazg/go-unidecode"
)

// Romanize returns s folded and written in lowercase ASCII Latin letters and
// digits, words separated by single spaces. Han characters become pinyin
// without tones, a run of Han characters forming one word (布林肯 → bulinken);
// other scripts are transliterated letter by letter. Punctuation is dropped.
func Romanize(s string) string {
	s = greekDigraphs.Replace(Fold(s))
	var b strings.Builder
	b.Grow(len(s))
	var han []rune
	flushHan := func() {
		if len(han) == 0 {
			return
		}
		for _, syl := range pinyin.LazyPinyin(string(han), pinyinArgs) {
			b.WriteString(syl)
		}
		han = han[:0]
	}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han = append(han, r)
			continue
		}
		flushHan()
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r == 0x30FC: // katakana prolonged sound mark: the vowel is already there
		case r == 0x30FB || r == 0x00B7: // middle dots separate the parts of names
			b.WriteByte(' ')
		default:
			b.WriteString(unidecode.Unidecode(string(r)))
		}
	}
	flushHan()
	return cleanLatin(b.String())
}

// greekDigraphs spells the Modern Greek voiced stops written μπ, ντ and γκ,
// which letter-by-letter transliteration renders as mp, nt and gk.
var greekDigraphs = strings.NewReplacer("μπ", "b", "ντ", "d", "γκ", "g")

var pinyinArgs = pinyin.Args{Style: pinyin.Normal, Heteronym: false, Separator: ""}

// cleanLatin lowercases s, keeps ASCII letters and digits and collapses
// everything else into single spaces.
func cleanLatin(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		case c == '\'':
			// apostrophes (hamza, ayin) are not word boundaries
		default:
			space = true
		}
	}
	return b.String()
}
