package normalize

import (
	"unicode"
	"unicode/utf8"
)

// cyrillic maps lowercase Cyrillic letters of Russian, Ukrainian,
// Belarusian, Serbian and Macedonian, from U+0400, to Latin; "-" marks a
// letter written with nothing (ъ, ь). See translitOf.
var cyrillic = [...]string{
	'а' - 0x400: "a", 'б' - 0x400: "b", 'в' - 0x400: "v", 'г' - 0x400: "g", 'д' - 0x400: "d", 'е' - 0x400: "e",
	'ё' - 0x400: "yo", 'ж' - 0x400: "zh", 'з' - 0x400: "z", 'и' - 0x400: "i", 'й' - 0x400: "y", 'к' - 0x400: "k",
	'л' - 0x400: "l", 'м' - 0x400: "m", 'н' - 0x400: "n", 'о' - 0x400: "o", 'п' - 0x400: "p", 'р' - 0x400: "r",
	'с' - 0x400: "s", 'т' - 0x400: "t", 'у' - 0x400: "u", 'ф' - 0x400: "f", 'х' - 0x400: "kh", 'ц' - 0x400: "ts",
	'ч' - 0x400: "ch", 'ш' - 0x400: "sh", 'щ' - 0x400: "shch", 'ъ' - 0x400: "-", 'ы' - 0x400: "y",
	'ь' - 0x400: "-", 'э' - 0x400: "e", 'ю' - 0x400: "yu", 'я' - 0x400: "ya", 'є' - 0x400: "ye",
	'і' - 0x400: "i", 'ї' - 0x400: "yi", 'ґ' - 0x400: "g", 'ў' - 0x400: "u", 'ђ' - 0x400: "dj", 'ј' - 0x400: "j",
	'љ' - 0x400: "lj", 'њ' - 0x400: "nj", 'ћ' - 0x400: "ch", 'џ' - 0x400: "dzh", 'ѓ' - 0x400: "gj",
	'ќ' - 0x400: "kj", 'ѕ' - 0x400: "dz", 'қ' - 0x400: "k", 'ғ' - 0x400: "g", 'ң' - 0x400: "ng",
	'ү' - 0x400: "u", 'ұ' - 0x400: "u", 'һ' - 0x400: "h", 'ә' - 0x400: "a", 'ө' - 0x400: "o",
}

// translitOf returns the entry of r in a table that starts at rune base, and
// whether it has one.
func translitOf(table []string, base, r rune) (string, bool) {
	if r < base || int(r-base) >= len(table) || table[r-base] == "" {
		return "", false
	}
	if s := table[r-base]; s != "-" {
		return s, true
	}
	return "", true
}

// appendCyrillic appends the romanization of a Cyrillic run; with nasal (for
// keys), an н before a consonant or at the end is written N, and ы i.
func appendCyrillic(b []byte, run string, nasal bool) []byte {
	for i, r := range run {
		r = unicode.ToLower(r)
		if r == 'н' && nasal {
			next, _ := utf8.DecodeRuneInString(run[i+len("н"):])
			if s, ok := translitOf(cyrillic[:], 0x400, unicode.ToLower(next)); !ok || s != "" && !isVowel(s[0]) && s[0] != 'y' && next != 'н' && next != 'Н' {
				b = append(b, 'N')
				continue
			}
		}
		if r == 'ы' && nasal {
			b = append(b, 'i') // a vowel, not the glide y of й
		} else if s, ok := translitOf(cyrillic[:], 0x400, r); ok {
			b = append(b, s...)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = appendFallback(b, string(r))
		}
	}
	return b
}

// greek maps lowercase Greek letters, without their accents, from α, to
// Latin (Modern Greek values).
var greek = [...]string{
	'α' - 'α': "a", 'β' - 'α': "v", 'γ' - 'α': "g", 'δ' - 'α': "d", 'ε' - 'α': "e", 'ζ' - 'α': "z",
	'η' - 'α': "i", 'θ' - 'α': "th", 'ι' - 'α': "i", 'κ' - 'α': "k", 'λ' - 'α': "l", 'μ' - 'α': "m",
	'ν' - 'α': "n", 'ξ' - 'α': "x", 'ο' - 'α': "o", 'π' - 'α': "p", 'ρ' - 'α': "r", 'σ' - 'α': "s",
	'ς' - 'α': "s", 'τ' - 'α': "t", 'υ' - 'α': "y", 'φ' - 'α': "f", 'χ' - 'α': "kh", 'ψ' - 'α': "ps",
	'ω' - 'α': "o",
}

// greekDigraph returns the romanization of a pair of Greek letters read
// together; digraphs are read before single letters. The first letter of αι, ει,
// οι, ου must not carry an accent and the second no diaeresis for them to be
// digraphs.
func greekDigraph(pair string) (string, bool) {
	switch pair {
	case "αι":
		return "e", true
	case "ει":
		return "i", true
	case "οι":
		return "i", true
	case "ου":
		return "ou", true
	case "υι":
		return "i", true
	case "αυ":
		return "av", true
	case "ευ":
		return "ev", true
	case "ηυ":
		return "iv", true
	case "μπ":
		return "b", true
	case "ντ":
		return "d", true
	case "γκ":
		return "g", true
	case "γγ":
		return "ng", true
	case "τσ":
		return "ts", true
	case "τζ":
		return "dz", true
	}
	return "", false
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
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	for i := 0; i < len(rs); i++ {
		r, acc, _ := greekBase(rs[i])
		if i+1 < len(rs) {
			n, _, dia := greekBase(rs[i+1])
			if s, ok := greekDigraph(string([]rune{r, n})); ok && !acc && !dia {
				b = append(b, s...)
				i++
				continue
			}
		}
		if s, ok := translitOf(greek[:], 'α', r); ok {
			b = append(b, s...)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b = appendFallback(b, string(r))
		}
	}
	return b
}

// arabic maps the consonants of the Arabic script (Arabic, Persian, Urdu),
// from U+0600, to Latin. Alef, waw, yeh, ain, teh marbuta and heh depend on their position and
// are handled in appendArabic.
var arabic = [...]string{
	'ب' - 0x600: "b", 'ت' - 0x600: "t", 'ث' - 0x600: "th", 'ج' - 0x600: "j", 'ح' - 0x600: "h", 'خ' - 0x600: "kh",
	'د' - 0x600: "d", 'ذ' - 0x600: "dh", 'ر' - 0x600: "r", 'ز' - 0x600: "z", 'س' - 0x600: "s", 'ش' - 0x600: "sh",
	'ص' - 0x600: "s", 'ض' - 0x600: "d", 'ط' - 0x600: "t", 'ظ' - 0x600: "z", 'غ' - 0x600: "gh", 'ف' - 0x600: "f",
	'ق' - 0x600: "q", 'ك' - 0x600: "k", 'ل' - 0x600: "l", 'م' - 0x600: "m", 'ن' - 0x600: "n", 'ء' - 0x600: "-",
	'پ' - 0x600: "p", 'چ' - 0x600: "ch", 'ژ' - 0x600: "zh", 'گ' - 0x600: "g", 'ک' - 0x600: "k", 'ڤ' - 0x600: "v",
	'ڭ' - 0x600: "ng", 'ٹ' - 0x600: "t", 'ڈ' - 0x600: "d", 'ڑ' - 0x600: "r", 'ں' - 0x600: "n", 'ھ' - 0x600: "h",
}

// arabicKind classifies an Arabic-script letter for appendArabic: the
// letters that [Fold] unifies with alef, waw, yeh and heh, and ain.
func arabicKind(r rune) byte {
	switch r {
	case 'ى':
		return 'a' // alef maksura is read a
	case 'ھ':
		return 0 // do-chashmi he marks an aspirate: بھ bh
	}
	switch arabicFold(r) {
	case 'ا':
		return 'a'
	case 'و':
		return 'w'
	case 'ي':
		return 'y'
	case 'ه':
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
		if r == 'ـ' || isMark(r) {
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
			// a consonant at the start, after an alef or before one (نواز
			// nawaz), unless that alef ends the word (كتبوا katabu)
			if first || !last && (i > 1 && arabicKind(rs[i-1]) == 'a' || arabicKind(rs[i+1]) == 'a' && i+2 < len(rs)) {
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
			} else if s, ok := translitOf(arabic[:], 0x600, r); ok {
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

// hebrew maps Hebrew consonants, from א, to Latin; א ה ו י ע depend on
// their position.
var hebrew = [...]string{
	'ב' - 'א': "b", 'ג' - 'א': "g", 'ד' - 'א': "d", 'ז' - 'א': "z", 'ח' - 'א': "kh", 'ט' - 'א': "t",
	'כ' - 'א': "k", 'ך' - 'א': "kh", 'ל' - 'א': "l", 'מ' - 'א': "m", 'ם' - 'א': "m", 'נ' - 'א': "n",
	'ן' - 'א': "n", 'ס' - 'א': "s", 'פ' - 'א': "p", 'ף' - 'א': "f", 'צ' - 'א': "ts", 'ץ' - 'א': "ts",
	'ק' - 'א': "k", 'ר' - 'א': "r", 'ש' - 'א': "sh", 'ת' - 'א': "t",
}

// hebrewGeresh romanizes the consonants a geresh (׳ or ') turns into sounds
// foreign to Hebrew.
func hebrewGeresh(r rune) (string, bool) {
	switch r {
	case 'ג':
		return "j", true
	case 'ז':
		return "zh", true
	case 'צ':
		return "ch", true
	case 'ץ':
		return "ch", true
	case 'ת':
		return "th", true
	}
	return "", false
}

func appendHebrew(b []byte, run string) []byte {
	rs := make([]rune, 0, len(run)/2)
	for _, r := range run {
		if isMark(r) {
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
				if s, ok := hebrewGeresh(r); ok {
					b = append(b, s...)
					i++
					continue
				}
			}
			if s, ok := translitOf(hebrew[:], 'א', r); ok {
				b = append(b, s...)
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b = appendFallback(b, string(r))
			}
		}
	}
	return b
}
