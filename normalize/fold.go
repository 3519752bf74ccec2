// Package normalize folds text and names across scripts so that the same word
// or name written by different outlets, in different languages and scripts,
// compares equal.
//
// It provides text folding ([Fold], [NewFolder]), romanization to Latin
// ([Romanize]), a phonetic key for names ([Key]), name parsing ([ParseName])
// and matching ([Matcher]), and a multilingual gazetteer of countries
// ([Countries]).
//
// Names are read with the conventions of the script they are written in:
// Mandarin pinyin and the Korean reading for Han characters (and the
// Japanese reading of common Japanese names), Hepburn for kana, Revised
// Romanization for Hangul, Palladius and Kontsevich spellings for Cyrillic,
// the unwritten short vowels of Arabic, Persian and Hebrew, and both the
// English and the continental reading of Latin spelling (Peskow, Jens).
//
// Tables are built on first use and shared. Functions and a Matcher are safe
// for concurrent use; a transformer of NewFolder is not.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s folded for comparison: NFKC, Unicode case folding,
// diacritics removed from Latin and Greek letters (kana voicing marks,
// Cyrillic й, ё and ї, and Hangul are kept), Arabic orthographic variants
// unified (hamza forms of alef, ة→ه, ى→ي), Persian and Urdu letters mapped to
// their Arabic counterparts (ی→ي, ک→ك, ے→ي, ہ ھ→ه), tatweel and harakat
// removed, digits of every script mapped to ASCII, and zero-width and
// bidirectional control characters removed.
//
// Fold is idempotent: Fold(Fold(s)) == Fold(s). Invalid UTF-8 is replaced by
// U+FFFD. Most runes are folded from a table filled on first use; only
// sequences with combining marks go through the transformers of [NewFolder].
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || !keptASCII(c) {
			// Removed characters go first, so that what stands on either
			// side of them combines as it will in the result: ｶ + U+200B
			// + ﾞ is ガ.
			s = dropRemoved(s, i)
			// the ASCII letter before may combine with what follows: A + ̆
			return string(appendFold(make([]byte, 0, len(s)+len(s)/8), s, max(i-1, 0)))
		}
	}
	return lowerASCII(s)
}

// appendFold appends the folding of s to b; s[:i] is known to be ASCII.
func appendFold(b []byte, s string, i int) []byte {
	for k := 0; k < i; k++ {
		b = append(b, lowerByte(s[k]))
	}
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+1 < len(s) && s[i+1] >= utf8.RuneSelf && !boundaryBefore(s[i+1:]) {
				i = foldSlow(&b, s, i)
				continue
			}
			if keptASCII(c) {
				b = append(b, lowerByte(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 || r == utf8.RuneError && size == 1 {
			i = foldSlow(&b, s, i)
			continue
		}
		e := foldEntryOf(r)
		if !e.simple || i+size < len(s) && !boundaryBefore(s[i+size:]) {
			i = foldSlow(&b, s, i)
			continue
		}
		b = append(b, e.out...)
		i += size
	}
	return b
}

// dropRemoved returns s without the characters that folding removes
// (controls and format characters, see validUTF8); s[:i] is known to be
// kept ASCII. It returns s itself when there are none.
func dropRemoved(s string, i int) string {
	var b []byte
	start := 0 // start of the text not yet copied to b
	for i < len(s) {
		c := s[i]
		size, removed := 1, false
		if c < utf8.RuneSelf {
			removed = !keptASCII(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
			case r < 0x10000:
				removed = foldEntryOf(r).removed
			default:
				removed = validUTF8(r) < 0
			}
		}
		if removed {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[start:i]...)
			start = i + size
		}
		i += size
	}
	if b == nil {
		return s
	}
	return string(append(b, s[start:]...))
}

// keptASCII reports whether an ASCII byte survives folding: controls other
// than tab and line breaks are removed.
func keptASCII(c byte) bool {
	return c >= 0x20 && c != 0x7F || c == '\t' || c == '\n' || c == '\r'
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// boundaryBefore reports whether the rune starting s does not combine with
// the rune before it.
func boundaryBefore(s string) bool {
	if s[0] < utf8.RuneSelf {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	if r < 0x10000 && r != utf8.RuneError {
		return foldEntryOf(r).before
	}
	return norm.NFKC.PropertiesString(s).BoundaryBefore()
}

// foldSlow folds the segment of s that starts at i and runs to the next rune
// that starts a new combining sequence, with the transformers of NewFolder,
// and returns the end of the segment.
func foldSlow(b *[]byte, s string, i int) int {
	_, size := utf8.DecodeRuneInString(s[i:])
	j := i + size
	for j < len(s) && !boundaryBefore(s[j:]) {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
	}
	*b = append(*b, foldSegment(s[i:j])...)
	return j
}

// foldSegment folds s with the steps of [NewFolder], one after the other on
// the whole string. It gives what the transformer gives, without the buffers
// that a transform.Chain allocates for each use (4 KiB per step), which made
// filling the table of foldEntries cost over a gigabyte of allocation.
func foldSegment(s string) string {
	s = strings.Map(validUTF8, s) // invalid bytes → U+FFFD, controls removed
	s = norm.NFKC.String(s)
	s = cases.Fold().String(s)
	s = strings.Map(cherokeeUpper, s)
	s = norm.NFD.String(s)
	s = strings.Map((&markFolder{}).fold, s)
	return norm.NFC.String(s)
}

// foldEntry is the folding of one BMP rune on its own.
type foldEntry struct {
	out     string
	simple  bool // folding the rune on its own is right in any context
	before  bool // the rune never combines with the one before it
	removed bool // folding removes the rune (a control or format character)
}

// foldEntries caches the foldEntry of the BMP.
var foldEntries = bmpCache[foldEntry]{compute: makeFoldEntry}

func foldEntryOf(r rune) *foldEntry { return foldEntries.get(r) }

func makeFoldEntry(r rune) foldEntry {
	if r >= 0xD800 && r <= 0xDFFF {
		return foldEntry{out: "\uFFFD", simple: true, before: true}
	}
	s := string(r)
	p := norm.NFKC.PropertiesString(s)
	return foldEntry{
		out:     foldSegment(s),
		simple:  p.BoundaryBefore() && p.CCC() == 0,
		before:  p.BoundaryBefore(),
		removed: validUTF8(r) < 0,
	}
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = lowerByte(b[j])
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
		runeMapper(cherokeeUpper),
		norm.NFD,
		&markFolder{},
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

// cherokeeUpper maps Cherokee small letters to capitals, as Unicode case
// folding does; cases.Fold of x/text swaps the two cases, which would make
// folding not idempotent.
func cherokeeUpper(r rune) rune {
	switch {
	case r >= 0xAB70 && r <= 0xABBF:
		return r - 0xAB70 + 0x13A0
	case r >= 0x13F8 && r <= 0x13FD:
		return r - 0x13F8 + 0x13F0
	}
	return r
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

// markFolder folds decomposed text: it removes diacritics, keeping those that
// distinguish letters, maps digits to ASCII and unifies Arabic letters. It
// remembers whether the last base letter was Cyrillic, to keep ё and ї.
type markFolder struct{ cyrillic bool }

func (m *markFolder) Reset() { m.cyrillic = false }

func (m *markFolder) Transform(dst, src []byte, atEOF bool) (int, int, error) {
	return runeMapper(m.fold).Transform(dst, src, atEOF)
}

func (m *markFolder) fold(r rune) rune {
	switch {
	case r < 0x80:
		m.cyrillic = false
		return r
	case unicode.Is(unicode.Mn, r):
		if r == 0x0308 && m.cyrillic {
			return r // ё, ї
		}
		return foldMark(r)
	}
	m.cyrillic = unicode.Is(unicode.Cyrillic, r)
	return foldRune(r)
}

// foldRune folds one decomposed rune that is not a mark.
func foldRune(r rune) rune {
	switch {
	case unicode.IsDigit(r):
		if d := digitValue(r); d >= 0 {
			return '0' + rune(d)
		}
	}
	return arabicFold(r)
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

// arabicFold unifies Arabic-script letter variants: hamza forms of alef,
// teh marbuta, alef maksura, Persian and Urdu yeh, keheh and heh; it drops
// tatweel (-1). Other runes are returned unchanged.
func arabicFold(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ة', 'ە', 'ۀ', 'ہ', 'ھ', 'ۃ':
		return 'ه'
	case 'ى', 'ی', 'ۍ', 'ې', 'ئ', 'ے':
		return 'ي'
	case 'ؤ':
		return 'و'
	case 'ک', 'ڪ':
		return 'ك'
	case 'ـ':
		return -1
	}
	return r
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
