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
			b = appendRoman(b, text, sc, 0)
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

// romanOpt are options of appendRoman.
type romanOpt uint8

const (
	// romanKorean reads Han characters in Korean rather than Mandarin.
	romanKorean romanOpt = 1 << iota
	// romanMarks writes, for keys only, capitals for sounds the spelling
	// leaves open: N for an n that may stand for ng (a Cyrillic н closing a
	// syllable without a soft sign, as Palladius writes -n as -нь and -ng as
	// -н; a kana ン), F for kana フ (h or f), G for Turkish ğ (silent).
	romanMarks
)

// appendRoman appends the romanization of a run of one script.
func appendRoman(b []byte, run string, sc script, opt romanOpt) []byte {
	switch sc {
	case scLatin:
		return appendLatin(b, run, opt&romanMarks != 0)
	case scCyrillic:
		return appendCyrillic(b, run, opt&romanMarks != 0)
	case scGreek:
		return appendGreek(b, run)
	case scArabic:
		return appendArabic(b, run)
	case scHebrew:
		return appendHebrew(b, run)
	case scKana:
		return appendKana(b, run, opt&romanMarks != 0)
	case scHangul:
		for _, r := range run {
			b = appendHangul(b, r)
		}
		return b
	case scHan:
		return appendHan(b, run, opt&romanKorean != 0)
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

// appendLatin appends a Latin run with diacritics removed; with marks, ğ is
// written G.
func appendLatin(b []byte, run string, marks bool) []byte {
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
		if marks && (r == 'ğ' || r == 'Ğ') {
			b = append(b, 'G')
			continue
		}
		b = append(b, latinBase(r)...)
	}
	return b
}

// latinSpecial romanizes the Latin letters whose romanization is not their
// base letter.
func latinSpecial(r rune) (string, bool) {
	switch r {
	case 'ß':
		return "ss", true
	case 'æ':
		return "ae", true
	case 'œ':
		return "oe", true
	case 'ø':
		return "o", true
	case 'ł':
		return "l", true
	case 'đ':
		return "d", true
	case 'ð':
		return "d", true
	case 'þ':
		return "th", true
	case 'ı':
		return "i", true
	case 'ŋ':
		return "ng", true
	case 'ç':
		return "ch", true
	case 'ş':
		return "sh", true
	case 'ș':
		return "sh", true
	case 'ţ':
		return "ts", true
	case 'ț':
		return "ts", true
	case 'č':
		return "ch", true
	case 'ć':
		return "ch", true
	case 'š':
		return "sh", true
	case 'ž':
		return "zh", true
	case 'ř':
		return "rzh", true
	case 'ĳ':
		return "ij", true
	case 'ŀ':
		return "l", true
	case 'ſ':
		return "s", true
	case 'ʻ':
		return "", true
	case 'ʼ':
		return "", true
	}
	return "", false
}

var latinTable = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 800)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if s, ok := latinSpecial(r); ok {
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
