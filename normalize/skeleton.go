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
// [SkeletonRune], and combining marks and format characters (zero-width
// spaces and joiners, bidirectional controls, the soft hyphen), as given or
// as mapped (a halfwidth voicing mark becomes a combining one), are removed.
//
// Unlike [Fold] it loses information a reader would not: it is meant for
// near-duplicate detection, not for display or for language detection.
// Skeleton is idempotent, and returns valid UTF-8 (invalid bytes become
// U+FFFD).
func Skeleton(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r = SkeletonRune(r); !ignorable(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ignorable reports whether Skeleton removes r.
func ignorable(r rune) bool {
	return r >= 0x80 && (unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf))
}

// SkeletonRune returns the prototype of r, the character r is written like,
// in lower case:
//
//   - compatibility variants become their plain letter or digit: fullwidth
//     Ｓ and mathematical 𝐒 become s, ſ becomes s (NFKC, when it gives one
//     character);
//   - Latin, Greek and Cyrillic letters lose their diacritics, as they do
//     when written decomposed: é and e◌́ both become e;
//   - Cyrillic and Greek letters whose lower case is written like a Latin
//     letter become that letter: Cyrillic а, е, о, р, с, у, х, ѕ, і, ј, һ,
//     ԁ, ԛ, ԝ, ӏ and Greek α, ι, κ, ν, ο, ρ, υ, χ, γ, ω, ϳ (and their
//     capitals, since case is folded), as do dotless ı and Armenian օ.
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
	if r >= 0xD800 && r <= 0xDFFF || r > unicode.MaxRune {
		return utf8.RuneError
	}
	for range 4 {
		next := skeletonStep(r)
		if next == r {
			break
		}
		r = next
	}
	return r
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

// lookalikes maps lower-case letters of other scripts to the Latin letter
// they are written like, after the confusables of Unicode Technical Standard
// #39 restricted to lower case (see SkeletonRune). No two letters of one
// script map to one Latin letter, so that genuine Cyrillic and Greek text
// keeps its distinctions.
var lookalikes = map[rune]rune{
	// Cyrillic
	'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
	'ѕ': 's', 'і': 'i', 'ј': 'j', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
	// Greek
	'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'υ': 'u',
	'χ': 'x', 'γ': 'y', 'ω': 'w', 'ϳ': 'j',
	// Latin and Armenian
	'ı': 'i', 'օ': 'o',
}
