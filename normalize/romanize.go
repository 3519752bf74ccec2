package normalize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// Romanize returns s written in lowercase ASCII Latin letters and digits,
// words separated by single spaces; punctuation is dropped.
//
// Each script has its own rules, chosen to keep names recognisable rather
// than to be reversible:
//   - Latin: diacritics removed; Turkish and Slavic ç ş ğ č š ž ć ș ț as ch,
//     sh, g, ch, sh, zh, ch, sh, ts.
//   - Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian): the
//     usual English-language transliteration (х kh, ж zh, ц ts, щ shch, й y).
//   - Greek: Modern Greek values, including the digraphs αι ει οι ου μπ ντ γκ.
//   - Arabic, Persian, Urdu: consonants as written, و and ي as w/y at the
//     start of a word and as u/i after a consonant, ة and a final ه after a
//     consonant as a vowel, initial ع as a vowel.
//   - Hebrew: unpointed spelling, ו and י as vowels inside words, geresh
//     forms (ג׳ j, צ׳ ch).
//   - Hiragana and katakana: Hepburn, long-vowel mark dropped.
//   - Hangul: Revised Romanization, syllable by syllable.
//   - Han: Mandarin pinyin without tones, from Unihan; a run of Han
//     characters forms one word (布林肯 → bulinken).
//   - Anything else: a generic letter-by-letter transliteration.
//
// Runs of different scripts inside one word are separated by a space:
// ゼレンスキー大統領 → "zerensuki datongling".
func Romanize(s string) string {
	b := make([]byte, 0, len(s)+8)
	prev := scNone
	forEachRun(prepare(s), func(text string, sc script) {
		if sc == scNone {
			b = append(b, ' ')
		} else {
			if prev != scNone && prev != sc {
				b = append(b, ' ')
			}
			b = appendRoman(b, text, sc, false)
		}
		prev = sc
	})
	return cleanLatin(b)
}

// prepare returns s in NFKC with letters lowercased and format characters
// (zero-width joiners, bidi controls) removed; diacritics are kept so that
// the romanizers can read them.
func prepare(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	s = norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// appendRoman appends the romanization of a run of one script. korean selects
// Korean rather than Mandarin readings of Han characters.
func appendRoman(b []byte, run string, sc script, korean bool) []byte {
	switch sc {
	case scLatin:
		return appendLatin(b, run)
	case scCyrillic:
		return appendCyrillic(b, run)
	case scGreek:
		return appendGreek(b, run)
	case scArabic:
		return appendArabic(b, run)
	case scHebrew:
		return appendHebrew(b, run)
	case scKana:
		return appendKana(b, run)
	case scHangul:
		for _, r := range run {
			b = appendHangul(b, r)
		}
		return b
	case scHan:
		return appendHan(b, run, korean)
	}
	return appendFallback(b, run)
}

func appendFallback(b []byte, run string) []byte {
	for _, r := range run {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = append(b, strings.ToLower(unidecode.Unidecode(string(r)))...)
		}
	}
	return b
}

// appendHan appends the readings of a run of Han characters. Characters
// without a reading fall back to the generic transliteration; 々 repeats the
// character before it.
func appendHan(b []byte, run string, korean bool) []byte {
	var last rune
	for _, r := range run {
		if r == 0x3005 {
			r = last
		}
		last = r
		py, hg := hanReadings(r)
		switch {
		case korean && hg != 0:
			b = appendHangul(b, hg)
		case py != "":
			b = append(b, py...)
		case hg != 0:
			b = appendHangul(b, hg)
		default:
			b = appendFallback(b, string(r))
		}
	}
	return b
}

// appendLatin appends a Latin run with diacritics removed.
func appendLatin(b []byte, run string) []byte {
	for i := 0; i < len(run); {
		c := run[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(run[i:])
		i += size
		if unicode.IsDigit(r) {
			if d := digitValue(r); d >= 0 {
				b = append(b, byte('0'+d))
			}
			continue
		}
		b = append(b, latinBase(r)...)
	}
	return b
}

// latinSpecial are Latin letters whose romanization is not their base letter.
var latinSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ŋ': "ng",
	'ç': "ch", 'ş': "sh", 'ș': "sh", 'ţ': "ts", 'ț': "ts", 'č': "ch", 'ć': "ch", 'š': "sh", 'ž': "zh",
	'ř': "rzh", 'ĳ': "ij", 'ŀ': "l", 'ſ': "s", 'ʻ': "", 'ʼ': "",
}

var latinTable = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 800)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if s, ok := latinSpecial[r]; ok {
				m[r] = s
				continue
			}
			var base []byte
			for _, d := range norm.NFKD.String(string(unicode.ToLower(r))) {
				if 'a' <= d && d <= 'z' {
					base = append(base, byte(d))
				}
			}
			m[r] = string(base)
		}
	}
	add(0x80, 0x24F)
	add(0x1E00, 0x1EFF)
	return m
})

func latinBase(r rune) string {
	if s, ok := latinTable()[unicode.ToLower(r)]; ok {
		return s
	}
	return strings.ToLower(unidecode.Unidecode(string(r)))
}

// cleanLatin keeps ASCII letters and digits of b, lowercased, and collapses
// everything else into single spaces.
func cleanLatin(b []byte) string {
	out := b[:0]
	space := false
	for _, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			if space && len(out) > 0 {
				out = append(out, ' ')
			}
			space = false
			out = append(out, c)
		case c == '\'':
			// apostrophes (hamza, ayin, elision) are not word boundaries
		default:
			space = true
		}
	}
	return string(out)
}

func lastRune(s string) (rune, int) { return utf8.DecodeLastRuneInString(s) }
