package normalize

import (
	"unicode"
	"unicode/utf8"
)

// cyrillic maps lowercase Cyrillic letters of Russian, Ukrainian,
// Belarusian, Serbian and Macedonian to Latin.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
	'є': "ye", 'і': "i", 'ї': "yi", 'ґ': "g", 'ў': "u",
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "ch", 'џ': "dzh", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	'қ': "k", 'ғ': "g", 'ң': "ng", 'ү': "u", 'ұ': "u", 'һ': "h", 'ә': "a", 'ө': "o",
}

func appendCyrillic(b []byte, run string) []byte {
	for _, r := range run {
		if s, ok := cyrillic[r]; ok {
			b = append(b, s...)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = appendFallback(b, string(r))
		}
	}
	return b
}

// greek maps lowercase Greek letters, without their accents, to Latin
// (Modern Greek values).
var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k",
	'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
	'υ': "y", 'φ': "f", 'χ': "kh", 'ψ': "ps", 'ω': "o",
}

// greekDigraphs are read before single letters. The first letter of αι, ει,
// οι, ου must not carry an accent and the second no diaeresis for them to be
// digraphs.
var greekDigraphs = map[string]string{
	"αι": "e", "ει": "i", "οι": "i", "ου": "ou", "υι": "i", "αυ": "av", "ευ": "ev", "ηυ": "iv",
	"μπ": "b", "ντ": "d", "γκ": "g", "γγ": "ng", "τσ": "ts", "τζ": "tz",
}

// greekBase splits an accented Greek letter into its base letter and whether
// it had an accent (tonos) or a diaeresis.
func greekBase(r rune) (base rune, accent, diaeresis bool) {
	switch r {
	case 'ά':
		return 'α', true, false
	case 'έ':
		return 'ε', true, false
	case 'ή':
		return 'η', true, false
	case 'ί':
		return 'ι', true, false
	case 'ό':
		return 'ο', true, false
	case 'ύ':
		return 'υ', true, false
	case 'ώ':
		return 'ω', true, false
	case 'ϊ':
		return 'ι', false, true
	case 'ϋ':
		return 'υ', false, true
	case 'ΐ':
		return 'ι', true, true
	case 'ΰ':
		return 'υ', true, true
	}
	return r, false, false
}

func appendGreek(b []byte, run string) []byte {
	rs := []rune(run)
	for i := 0; i < len(rs); i++ {
		r, acc, _ := greekBase(rs[i])
		if i+1 < len(rs) {
			n, _, dia := greekBase(rs[i+1])
			if s, ok := greekDigraphs[string([]rune{r, n})]; ok && !acc && !dia {
				b = append(b, s...)
				i++
				continue
			}
		}
		if s, ok := greek[r]; ok {
			b = append(b, s...)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = appendFallback(b, string(r))
		}
	}
	return b
}

// arabic maps the consonants of the Arabic script (Arabic, Persian, Urdu) to
// Latin. Alef, waw, yeh, ain, teh marbuta and heh depend on their position and
// are handled in appendArabic.
var arabic = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r", 'ز': "z",
	'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k",
	'ل': "l", 'م': "m", 'ن': "n", 'ء': "",
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ک': "k", 'ڤ': "v", 'ڭ': "ng",
	'ٹ': "t", 'ڈ': "d", 'ڑ': "r", 'ں': "n", 'ھ': "h",
}

// arabicKind classifies an Arabic-script letter for appendArabic.
func arabicKind(r rune) byte {
	switch r {
	case 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى':
		return 'a'
	case 'و', 'ؤ':
		return 'w'
	case 'ي', 'ی', 'ئ', 'ې', 'ۍ', 'ے':
		return 'y'
	case 'ه', 'ہ', 'ة', 'ۃ', 'ە', 'ۀ':
		return 'h'
	case 'ع':
		return 'e'
	}
	return 0
}

func appendArabic(b []byte, run string) []byte {
	rs := make([]rune, 0, len(run)/2)
	for _, r := range run {
		// harakat, tatweel and other marks carry no consonant
		if r == 'ـ' || unicode.Is(unicode.Mn, r) {
			continue
		}
		rs = append(rs, r)
	}
	// prevVowel reports whether the last letter written is a vowel (or
	// nothing). Waw and yeh are consonants at the start of a word and after a
	// medial alef (زايد zayd), vowels elsewhere (أورسولا ursula, بوريس buris).
	prevVowel := true
	for i, r := range rs {
		first, last := i == 0, i == len(rs)-1
		switch arabicKind(r) {
		case 'a':
			b = append(b, 'a')
			prevVowel = true
		case 'w':
			if first || i > 1 && arabicKind(rs[i-1]) == 'a' && !last {
				b = append(b, 'w')
				prevVowel = false
			} else {
				b = append(b, 'u')
				prevVowel = true
			}
		case 'y':
			if first || i > 1 && arabicKind(rs[i-1]) == 'a' && !last {
				b = append(b, 'y')
				prevVowel = false
			} else {
				b = append(b, 'i')
				prevVowel = true
			}
		case 'h':
			if r == 'ة' || r == 'ۃ' || last && !prevVowel && !first {
				b = append(b, 'e')
				prevVowel = true
			} else {
				b = append(b, 'h')
				prevVowel = false
			}
		case 'e':
			if first {
				b = append(b, 'a')
				prevVowel = true
			}
		default:
			if r == 'غ' && last && i > 0 && rs[i-1] == 'ن' {
				b = append(b, 'g') // نغ: the -ng of Chinese and English names
				prevVowel = false
			} else if s, ok := arabic[r]; ok {
				b = append(b, s...)
				prevVowel = s == ""
			} else if unicode.IsDigit(r) {
				if d := digitValue(r); d >= 0 {
					b = append(b, byte('0'+d))
				}
			} else if unicode.IsLetter(r) {
				b = appendFallback(b, string(r))
				prevVowel = false
			}
		}
	}
	return b
}

// hebrew maps Hebrew consonants to Latin; א ה ו י ע depend on their position.
var hebrew = map[rune]string{
	'ב': "b", 'ג': "g", 'ד': "d", 'ז': "z", 'ח': "kh", 'ט': "t", 'כ': "k", 'ך': "kh", 'ל': "l", 'מ': "m",
	'ם': "m", 'נ': "n", 'ן': "n", 'ס': "s", 'פ': "p", 'ף': "f", 'צ': "ts", 'ץ': "ts", 'ק': "k", 'ר': "r",
	'ש': "sh", 'ת': "t",
}

// hebrewGeresh are the consonants a geresh (׳ or ') turns into sounds
// foreign to Hebrew.
var hebrewGeresh = map[rune]string{'ג': "j", 'ז': "zh", 'צ': "ch", 'ץ': "ch", 'ת': "th"}

func appendHebrew(b []byte, run string) []byte {
	rs := make([]rune, 0, len(run)/2)
	for _, r := range run {
		if unicode.Is(unicode.Mn, r) {
			continue // points and cantillation
		}
		rs = append(rs, r)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		first, last := i == 0, i == len(rs)-1
		next := rune(0)
		if !last {
			next = rs[i+1]
		}
		switch r {
		case 'א', 'ע':
			b = append(b, 'a')
		case 'ה':
			if last && !first {
				b = append(b, 'e')
			} else {
				b = append(b, 'h')
			}
		case 'ו':
			if first || next == 'ו' {
				b = append(b, 'v')
				if next == 'ו' {
					i++
				}
			} else {
				b = append(b, 'o')
			}
		case 'י':
			if first || next == 'י' && !last {
				b = append(b, 'y')
				if next == 'י' {
					i++
				}
			} else {
				b = append(b, 'i')
			}
		case 'פ':
			if first {
				b = append(b, 'p')
			} else {
				b = append(b, 'f')
			}
		default:
			if isApostrophe(next) {
				if s, ok := hebrewGeresh[r]; ok {
					b = append(b, s...)
					i++
					continue
				}
			}
			if s, ok := hebrew[r]; ok {
				b = append(b, s...)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b = appendFallback(b, string(r))
			}
		}
	}
	return b
}

// runeCount is utf8.RuneCountInString, named for brevity in tables.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
