package lang

import (
	"unicode"

	"golang.org/x/text/language"
)

// script is a writing system the Detector tells apart. It indexes arrays, so
// it is a small integer rather than a language.Script.
type script uint8

// The scripts, in the order scriptTables tries them after the previous rune's
// script. unknownScript counts letters of scripts not listed here.
const (
	noScript script = iota
	latn
	cyrl
	grek
	armn
	hebr
	arab
	deva
	beng
	guru
	gujr
	orya
	taml
	telu
	knda
	mlym
	sinh
	thai
	laoo
	tibt
	mymr
	geor
	ethi
	khmr
	hang
	hira
	kana
	hani
	unknownScript
	jpan // route: Han with kana
	kore // route: Hangul, possibly with Han
	numScripts
)

// scriptTables maps the Unicode script property to our scripts.
var scriptTables = [unknownScript]*unicode.RangeTable{
	latn: unicode.Latin,
	cyrl: unicode.Cyrillic,
	grek: unicode.Greek,
	armn: unicode.Armenian,
	hebr: unicode.Hebrew,
	arab: unicode.Arabic,
	deva: unicode.Devanagari,
	beng: unicode.Bengali,
	guru: unicode.Gurmukhi,
	gujr: unicode.Gujarati,
	orya: unicode.Oriya,
	taml: unicode.Tamil,
	telu: unicode.Telugu,
	knda: unicode.Kannada,
	mlym: unicode.Malayalam,
	sinh: unicode.Sinhala,
	thai: unicode.Thai,
	laoo: unicode.Lao,
	tibt: unicode.Tibetan,
	mymr: unicode.Myanmar,
	geor: unicode.Georgian,
	ethi: unicode.Ethiopic,
	khmr: unicode.Khmer,
	hang: unicode.Hangul,
	hira: unicode.Hiragana,
	kana: unicode.Katakana,
	hani: unicode.Han,
}

// scriptCodes are the ISO 15924 codes of the scripts and routes.
var scriptCodes = [...]string{
	noScript: "Zyyy", latn: "Latn", cyrl: "Cyrl", grek: "Grek", armn: "Armn", hebr: "Hebr", arab: "Arab",
	deva: "Deva", beng: "Beng", guru: "Guru", gujr: "Gujr", orya: "Orya", taml: "Taml", telu: "Telu",
	knda: "Knda", mlym: "Mlym", sinh: "Sinh", thai: "Thai", laoo: "Laoo", tibt: "Tibt", mymr: "Mymr",
	geor: "Geor", ethi: "Ethi", khmr: "Khmr", hang: "Hang", hira: "Hira", kana: "Kana", hani: "Hani",
	unknownScript: "Zzzz", jpan: "Jpan", kore: "Kore",
}

// tag returns the x/text form of s.
func (s script) tag() language.Script {
	return language.MustParseScript(scriptCodes[s])
}

// scriptOf returns the script of letter r. prev is the script of the
// previous letter, tried first because scripts come in runs.
func scriptOf(r rune, prev script) script {
	switch {
	case r < 0x80 || (r >= 0xC0 && r < 0x250):
		return latn
	case prev != noScript && prev != unknownScript && unicode.Is(scriptTables[prev], r):
		return prev
	}
	for s := latn; s < unknownScript; s++ {
		if unicode.Is(scriptTables[s], r) {
			return s
		}
	}
	return unknownScript
}

// scriptCounts counts the letters of a text by script.
type scriptCounts [numScripts]int

// count adds the letters of s and returns the number of letters added.
func (c *scriptCounts) count(s string) int {
	n := 0
	prev := noScript
	for _, r := range s {
		if r < 0x80 {
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				c[latn]++
				n++
				prev = latn
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		prev = scriptOf(r, prev)
		c[prev]++
		n++
	}
	return n
}

// Weights of a letter when scripts compete: a Han character carries about
// as much of a text as a short word, a kana or a Hangul syllable as two
// alphabetic letters.
const (
	hanWeight      = 3
	syllableWeight = 2
)

// route returns the script a text is routed by, and whether that script has
// at least half of the (weighted) letters. Han with kana is Japanese (jpan)
// when kana are at least a tenth of the Han characters, as in any Japanese
// sentence; a few katakana names in a Chinese text do not make it Japanese.
// Hangul with or without Han is Korean (kore).
func (c *scriptCounts) route() (script, bool) {
	kanas := c[hira] + c[kana]
	cjk := c[hani]*hanWeight + kanas*syllableWeight + c[hang]*syllableWeight
	best, bestN, total := noScript, 0, cjk
	for s := latn; s <= unknownScript; s++ {
		switch s {
		case hang, hira, kana, hani:
			continue
		}
		total += c[s]
		if c[s] > bestN {
			best, bestN = s, c[s]
		}
	}
	if cjk > bestN {
		bestN = cjk
		switch {
		case c[hang]*4 >= c[hang]+c[hani]+kanas:
			best = kore
		case kanas*10 < c[hani]:
			best = hani
		default:
			best = jpan
		}
	}
	return best, bestN*2 >= total
}
