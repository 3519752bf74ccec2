package lang

import (
	"unicode"

	"golang.org/x/text/language"
)

// scriptCounts counts the letters of text by writing system.
type scriptCounts struct {
	counts map[language.Script]int
	total  int
}

// Scripts used for routing. language.MustParseScript is cheap, but these are
// compared in hot loops, so they are computed once.
var (
	scriptLatn = language.MustParseScript("Latn")
	scriptCyrl = language.MustParseScript("Cyrl")
	scriptGrek = language.MustParseScript("Grek")
	scriptArab = language.MustParseScript("Arab")
	scriptHebr = language.MustParseScript("Hebr")
	scriptHani = language.MustParseScript("Hani")
	scriptHira = language.MustParseScript("Hira")
	scriptKana = language.MustParseScript("Kana")
	scriptJpan = language.MustParseScript("Jpan")
	scriptHang = language.MustParseScript("Hang")
	scriptKore = language.MustParseScript("Kore")
	scriptThai = language.MustParseScript("Thai")
	scriptDeva = language.MustParseScript("Deva")
	scriptBeng = language.MustParseScript("Beng")
	scriptGeor = language.MustParseScript("Geor")
	scriptArmn = language.MustParseScript("Armn")
	scriptGujr = language.MustParseScript("Gujr")
	scriptGuru = language.MustParseScript("Guru")
	scriptTaml = language.MustParseScript("Taml")
	scriptTelu = language.MustParseScript("Telu")
	scriptZyyy = language.MustParseScript("Zyyy")
)

// scriptTables maps the Unicode script tables to x/text script codes, in the
// order they are tried.
var scriptTables = []struct {
	table  *unicode.RangeTable
	script language.Script
}{
	{unicode.Latin, scriptLatn},
	{unicode.Cyrillic, scriptCyrl},
	{unicode.Arabic, scriptArab},
	{unicode.Han, scriptHani},
	{unicode.Hiragana, scriptHira},
	{unicode.Katakana, scriptKana},
	{unicode.Hangul, scriptHang},
	{unicode.Greek, scriptGrek},
	{unicode.Hebrew, scriptHebr},
	{unicode.Thai, scriptThai},
	{unicode.Devanagari, scriptDeva},
	{unicode.Bengali, scriptBeng},
	{unicode.Georgian, scriptGeor},
	{unicode.Armenian, scriptArmn},
	{unicode.Gujarati, scriptGujr},
	{unicode.Gurmukhi, scriptGuru},
	{unicode.Tamil, scriptTaml},
	{unicode.Telugu, scriptTelu},
}

// scriptOf returns the script of a letter, or Zyyy when it is not one of the
// routed scripts.
func scriptOf(r rune) language.Script {
	if r < 0x80 {
		return scriptLatn
	}
	for _, s := range scriptTables {
		if unicode.Is(s.table, r) {
			return s.script
		}
	}
	return scriptZyyy
}

// countScripts counts the letters of s per script, reading at most limit
// letters (limit <= 0 means no limit).
func countScripts(s string, limit int) scriptCounts {
	c := scriptCounts{counts: make(map[language.Script]int, 4)}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		c.counts[scriptOf(r)]++
		c.total++
		if limit > 0 && c.total >= limit {
			break
		}
	}
	return c
}

// dominant returns the writing system of the text: Jpan for Han mixed with
// kana, Kore for Hangul (with or without Han), otherwise the most frequent
// script. It returns Zyyy when there are no letters.
func (c scriptCounts) dominant() language.Script {
	if c.total == 0 {
		return scriptZyyy
	}
	kana := c.counts[scriptHira] + c.counts[scriptKana]
	han := c.counts[scriptHani]
	hangul := c.counts[scriptHang]
	switch {
	case hangul > 0 && hangul*4 >= (han+kana+hangul):
		return scriptKore
	case kana > 0 && kana*10 >= han:
		// Japanese prose has kana in almost every sentence; a few katakana
		// words in a Chinese text do not make it Japanese.
		return scriptJpan
	}
	best, bestN := scriptZyyy, 0
	for s, n := range c.counts {
		if s == scriptHira || s == scriptKana {
			s = scriptJpan
			n = kana
		}
		if n > bestN || (n == bestN && s.String() < best.String()) {
			best, bestN = s, n
		}
	}
	return best
}
