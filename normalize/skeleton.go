package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Skeleton returns a key of s for finding disguised copies of a text, in the
// spirit of the skeleton of Unicode Technical Standard #39: two texts that
// look alike have the same skeleton. Each character is mapped by
// [SkeletonRune], and those it removes are dropped: combining marks, format
// characters (zero-width spaces and joiners, bidirectional controls, the
// soft hyphen, tags) and invisible fillers.
//
// Unlike [Fold] it loses information a reader would not: it is meant for
// near-duplicate detection, not for display or for language detection.
// Skeleton is idempotent, and returns valid UTF-8 (invalid bytes become
// U+FFFD).
func Skeleton(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r = SkeletonRune(r); r >= 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SkeletonRune returns the prototype of r, the character r is written like,
// in lower case, or -1 for a character that is not seen on its own:
//
//   - combining marks, format characters (Unicode categories Mn, Me and Cf:
//     zero-width characters, bidirectional controls, the soft hyphen,
//     variation selectors, tags) and other default-ignorable characters
//     (the invisible Hangul fillers) give -1;
//   - compatibility variants become their plain letter or digit: fullwidth
//     Ｓ, mathematical 𝐒 and circled Ⓢ become s, ſ becomes s (NFKC, when it
//     gives one character);
//   - Latin, Greek and Cyrillic letters lose their diacritics, as they do
//     when written decomposed: é and e◌́ both become e;
//   - letters of other scripts whose lower case is written like a Latin
//     letter become that letter: Cyrillic а, е, о, р, с, у, х, ѕ, і, ј, һ,
//     ԁ, ԛ, ԝ, ӏ, Greek α, ι, κ, ν, ο, ρ, υ, χ, γ, ω, ϳ, Armenian ց, հ, ո, ս,
//     օ, զ (and their capitals, since case is folded), and the Latin small
//     capitals ᴀ, ʙ, ᴄ … and dotless ı.
//
// Only letters whose lower case is a look-alike are mapped: a Cyrillic Н
// looks like H but н does not look like h, and mapping the capital alone
// would make НАТО and нато differ. Letters of other scripts are only
// lower-cased, and other characters are returned as they are.
func SkeletonRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r < 0x10000:
		return *skeletons.get(r)
	default:
		return makeSkeleton(r)
	}
}

// skeletons caches SkeletonRune on the BMP.
var skeletons = bmpCache[rune]{compute: makeSkeleton}

// makeSkeleton computes SkeletonRune(r), repeating the steps until r no
// longer changes so that SkeletonRune is idempotent.
func makeSkeleton(r rune) rune {
	if r >= 0xD800 && r <= 0xDFFF || r > unicode.MaxRune || r < 0 {
		return utf8.RuneError
	}
	for range 4 {
		if invisible(r) {
			return -1
		}
		next := skeletonStep(r)
		if next == r {
			break
		}
		r = next
	}
	return r
}

// invisible reports whether SkeletonRune removes r.
func invisible(r rune) bool {
	return r >= utf8.RuneSelf && unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point)
}

// skeletonStep applies the steps of SkeletonRune once.
func skeletonStep(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToLower(r)
	}
	r = unicode.ToLower(r) // first too: NFKC maps Ϲ to Σ but ϲ to ς
	if c, ok := singleRune(norm.NFKC.String(string(r))); ok {
		r = c
	}
	if unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) {
		if d := norm.NFD.String(string(r)); len(d) > 0 {
			base, size := utf8.DecodeRuneInString(d)
			if strings.IndexFunc(d[size:], func(m rune) bool { return !unicode.Is(unicode.Mn, m) }) < 0 {
				r = base
			}
		}
	}
	r = unicode.ToLower(r)
	if l, ok := lookalikes[r]; ok {
		r = l
	}
	return r
}

// singleRune returns the rune of a one-rune string.
func singleRune(s string) (rune, bool) {
	r, size := utf8.DecodeRuneInString(s)
	return r, size > 0 && size == len(s)
}

// lookalikes maps lower-case letters to the Latin letter they are written
// like, after the confusables of Unicode Technical Standard #39 restricted
// to lower case (see SkeletonRune). No two letters of one script's ordinary
// alphabet map to one Latin letter, so that genuine Cyrillic, Greek and
// Armenian text keeps its distinctions.
var lookalikes = map[rune]rune{
	// Cyrillic
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'ѕ': 's', 'і': 'i', 'ј': 'j', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
	// Greek
	'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'υ': 'u',
	'χ': 'x', 'γ': 'y', 'ω': 'w', 'ϳ': 'j',
	// Armenian
	'ց': 'g', 'հ': 'h', 'ո': 'n', 'ս': 'u', 'օ': 'o', 'զ': 'q',
	// Latin small capitals (phonetic letters) and dotless i
	'ᴀ': 'a', 'ʙ': 'b', 'ᴄ': 'c', 'ᴅ': 'd', 'ᴇ': 'e', 'ꜰ': 'f', 'ɢ': 'g', 'ʜ': 'h',
	'ɪ': 'i', 'ᴊ': 'j', 'ᴋ': 'k', 'ʟ': 'l', 'ᴍ': 'm', 'ɴ': 'n', 'ᴏ': 'o', 'ᴘ': 'p',
	'ʀ': 'r', 'ꜱ': 's', 'ᴛ': 't', 'ᴜ': 'u', 'ᴠ': 'v', 'ᴡ': 'w', 'ʏ': 'y', 'ᴢ': 'z',
	'ı': 'i',
}
