// Package normalize folds text and names across scripts so that the same word
// or name written by different outlets, in different languages and scripts,
// compares equal.
//
// It provides text folding ([Fold], [NewFolder]), romanization to Latin
// ([Romanize]), a phonetic key for names ([Key]), a name matcher ([Matcher])
// and a multilingual gazetteer of countries ([Countries]).
package normalize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s folded for comparison: NFKC, Unicode case folding, Latin and
// Greek diacritics removed (kana voicing marks, Cyrillic й and ё and Hangul are
// kept), Arabic orthographic variants unified (hamza forms of alef, ة→ه, ى→ي,
// Persian ی/ک → ي/ك), tatweel and harakat removed, digits of every script
// mapped to ASCII, and zero-width and bidirectional control characters
// removed.
//
// Fold is idempotent: Fold(Fold(s)) == Fold(s). Invalid UTF-8 is replaced by
// U+FFFD.
func Fold(s string) string {
	// Fast path for ASCII: only case folding applies.
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
			ascii = false
			break
		}
	}
	if ascii {
		return lowerASCII(s)
	}
	out, _, err := transform.String(NewFolder(), s)
	if err != nil {
		// The transformers used never fail on any input; keep the input rather
		// than lose it if that ever changes.
		return s
	}
	return out
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// NewFolder returns a transformer that performs the folding of [Fold]. It is
// not safe for concurrent use; create one per goroutine.
func NewFolder() transform.Transformer {
	return transform.Chain(
		runeMapper(validUTF8), // invalid bytes → U+FFFD, controls removed
		norm.NFKC,
		cases.Fold(),
		norm.NFD,
		runeMapper(foldRune),
		norm.NFC,
	)
}

// runeMapper is a transform.Transformer that maps each rune through f; a
// negative result drops the rune.
type runeMapper func(r rune) rune

func (f runeMapper) Reset() {}

func (f runeMapper) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size < utf8.UTFMax && !atEOF && !utf8.FullRune(src[nSrc:]) {
			err = transform.ErrShortSrc
			break
		}
		m := f(r)
		if m < 0 {
			nSrc += size
			continue
		}
		n := utf8.RuneLen(m)
		if nDst+n > len(dst) {
			err = transform.ErrShortDst
			break
		}
		utf8.EncodeRune(dst[nDst:], m)
		nDst += n
		nSrc += size
	}
	return nDst, nSrc, err
}

// validUTF8 drops format characters (zero-width joiners, bidi controls, BOM)
// and C0/C1 controls other than whitespace.
func validUTF8(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return r
	case unicode.Is(unicode.Cf, r), unicode.IsControl(r):
		return -1
	}
	return r
}

// foldRune folds one decomposed rune.
func foldRune(r rune) rune {
	switch {
	case r < 0x80:
		return r
	case unicode.Is(unicode.Mn, r):
		return foldMark(r)
	case unicode.IsDigit(r):
		if d := digitValue(r); d >= 0 {
			return '0' + rune(d)
		}
	}
	if m, ok := arabicFold[r]; ok {
		return m
	}
	return r
}

// foldMark decides whether a combining mark is kept. Marks that distinguish
// letters (kana voicing, Cyrillic breve of й, Indic vowel signs) are kept;
// accents on Latin, Greek and Cyrillic vowels and Arabic/Hebrew vowel points
// are removed.
func foldMark(r rune) rune {
	switch {
	case r == 0x3099 || r == 0x309A: // kana voiced and semi-voiced marks
		return r
	case r == 0x0306: // breve: й, ў
		return r
	case r >= 0x0300 && r <= 0x036F: // combining diacritics for Latin, Greek, Cyrillic
		return -1
	case r >= 0x064B && r <= 0x065F, r == 0x0670: // Arabic harakat, superscript alef
		return -1
	case r >= 0x0591 && r <= 0x05C7: // Hebrew points and cantillation
		return -1
	}
	return r
}

// arabicFold unifies Arabic-script letter variants.
var arabicFold = map[rune]rune{
	'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', // alef with hamza or madda, wasla
	'ة': 'ه', // teh marbuta
	'ى': 'ي', // alef maksura
	'ی': 'ي', // Farsi yeh
	'ۍ': 'ي',
	'ې': 'ي',
	'ئ': 'ي',
	'ؤ': 'و',
	'ک': 'ك', // keheh
	'ڪ': 'ك',
	'ە': 'ه', // ae
	'ۀ': 'ه',
	'ـ': -1, // tatweel
}

// digitValue returns the value of a decimal digit of any script, or -1.
// Unicode encodes every set of decimal digits as a contiguous run starting at
// zero, so the value is the distance from the start of the run.
func digitValue(r rune) int {
	if !unicode.Is(unicode.Nd, r) {
		return -1
	}
	z := r
	for unicode.Is(unicode.Nd, z-1) {
		z--
	}
	return int(r-z) % 10
}
