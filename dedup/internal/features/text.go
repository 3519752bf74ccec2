package features

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Script is the writing system of a word, as far as feature extraction cares.
type Script uint8

const (
	scriptOther    Script = iota
	scriptLatin           // cased
	scriptCyrillic        // cased
	scriptGreek           // cased
	scriptArabic          // Arabic, Persian, Urdu: uncased, vowels unwritten
	scriptHebrew          // uncased, vowels unwritten
	scriptHangul          // uncased, spaces between words
	ScriptCJK             // Han and kana: no spaces between words
)

// code returns the ISO 15924 code of the script, used to scope surface
// tokens.
func (s Script) code() string {
	return [...]string{"Zyyy", "Latn", "Cyrl", "Grek", "Arab", "Hebr", "Hang", "Hani"}[s]
}

func (s Script) cased() bool { return s == scriptLatin || s == scriptCyrillic || s == scriptGreek }

// ScriptOf returns the script of a rune, scriptOther for one of none.
func ScriptOf(r rune) Script {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return scriptOther
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー':
		return ScriptCJK
	}
	return scriptOther
}

// word is one word of a text.
type word struct {
	s       string
	script  Script
	initial bool // first word of a sentence, a line or a title-case title
	title   bool // in the title
}

// isWordRune reports whether r continues a word: letters, combining marks,
// and the katakana prolonged sound mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == 'ー'
}

// splitWords calls fn for every word of text: a maximal run of letters and
// marks, possibly joined by an apostrophe or a hyphen ("O'Brien",
// "Jae-in"). A word is initial when it starts a sentence or a line.
func splitWords(text string, title bool, fn func(word)) {
	initial := true
	start := -1
	emit := func(end int) {
		w := text[start:end]
		r, _ := utf8.DecodeRuneInString(w)
		fn(word{s: w, script: ScriptOf(r), initial: initial, title: title})
		initial = false
		start = -1
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if (r == '\'' || r == '’' || r == '-') && i+utf8.RuneLen(r) < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
				if isWordRune(next) {
					continue
				}
			}
			emit(i)
		}
		switch r {
		case '.':
			// "Mr." and "M." do not end a sentence.
			initial = !abbreviation(text[:i])
		case '!', '?', '\n', '…', '。', '！', '？', ':', '"', '“', '«', '„', '「', '『', '•', '|':
			initial = true
		}
	}
	if start >= 0 {
		emit(len(text))
	}
}

// abbreviation reports whether text ends in a capitalised word of one or
// two letters, such as "M" or "Mr", which a full stop abbreviates.
func abbreviation(text string) bool {
	n := 0
	for i := len(text); i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(r) {
			return n > 0 && n <= 2 && unicode.IsUpper(first(text[i:]))
		}
		n++
		i -= size
	}
	return n > 0 && n <= 2 && unicode.IsUpper(first(text))
}

func first(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isTitleCase reports whether a headline capitalizes most of its words, so
// that capitals in it say nothing about names.
func isTitleCase(title string) bool {
	caps, n := 0, 0
	splitWords(title, true, func(w word) {
		if !w.script.cased() || utf8.RuneCountInString(w.s) < 4 {
			return
		}
		n++
		if r, _ := utf8.DecodeRuneInString(w.s); unicode.IsUpper(r) {
			caps++
		}
	})
	return n >= 3 && caps*10 >= n*6
}

// isUpperWord reports whether every letter of w is upper case.
func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// cjkClass is the kind of a run inside a CJK word.
type cjkClass uint8

const (
	cjkHan cjkClass = iota
	cjkKatakana
	cjkOther // hiragana and the rest
)

func cjkClassOf(r rune) cjkClass {
	switch {
	case unicode.Is(unicode.Han, r):
		return cjkHan
	case unicode.Is(unicode.Katakana, r) || r == 'ー':
		return cjkKatakana
	}
	return cjkOther
}

// cjkRuns splits a word of the CJK script class into runs of Han
// characters, of katakana, and of other characters (hiragana).
func cjkRuns(w string, fn func(run string, class cjkClass)) {
	start, class := 0, cjkOther
	for i, r := range w {
		c := cjkClassOf(r)
		if i > 0 && c != class {
			fn(w[start:i], class)
			start = i
		}
		class = c
	}
	if start < len(w) {
		fn(w[start:], class)
	}
}

// translit holds the Han characters that Chinese uses to transcribe foreign
// names (the Xinhua transcription tables), without those frequent in
// ordinary words. A run of them is a likely foreign name: 布林肯 (Blinken),
// 拜登 (Biden).
var translit = sync.OnceValue(func() map[rune]bool {
	const chars = "阿埃艾爱安昂奥巴拜班邦贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁杜顿多厄恩尔" +
		"法菲费芬丰弗福富盖甘冈戈格贡古瓜圭哈汉豪赫亨胡怀霍基吉加贾杰卡凯坎康柯科克肯库夸奎昆" +
		"拉莱兰朗劳勒雷蕾里利莉丽林琳列隆卢鲁伦罗洛马玛迈麦曼梅蒙米密莫默姆穆纳娜奈尼涅纽努诺" +
		"欧帕派潘庞佩彭皮珀普奇齐恰乔切钦琴丘萨塞赛桑瑟森沙莎尚绍舍什施斯松苏索塔泰坦汤唐特滕" +
		"提托瓦万旺威韦维温沃乌伍希锡谢辛休雅亚扬耶伊因英尤约泽扎詹兹祖佐汀"
	m := make(map[rune]bool, len(chars)/3)
	for _, r := range chars {
		m[r] = true
	}
	return m
})

// translitRuns calls fn for every run of two or more transcription
// characters in a Han run.
func translitRuns(han string, fn func(string)) {
	set := translit()
	start, n := -1, 0
	for i, r := range han {
		if set[r] {
			if start < 0 {
				start, n = i, 0
			}
			n++
			continue
		}
		if start >= 0 && n >= 2 {
			fn(han[start:i])
		}
		start = -1
	}
	if start >= 0 && n >= 2 {
		fn(han[start:])
	}
}
