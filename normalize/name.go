package normalize

import (
	"golang.org/x/text/unicode/norm"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name is a personal name parsed into its parts.
type Name struct {
	// Parts are the romanized words of the name, titles removed, in the order
	// written. A name written without spaces (문재인, 李克强) is split after a
	// common surname.
	Parts []string
	// Keys are the phonetic keys ([KeyLatin]) of Parts.
	Keys []string

	tokens []token
	spans  []span
}

// token is one part of a name.
type token struct {
	roman    [2]string // romanization in reading 0 and 1 (1: Korean reading of Han, conventional spelling of a Korean surname)
	key      [2]string
	particle bool // von, bin, al: never enough to match
	initial  bool // a single Latin letter
}

// span is a run of consecutive tokens, compared as one word: "Jae In" is
// compared with "Jae-in" and "عبد اللهيان" with "Abdollahian".
type span struct {
	first, n int
	key      [2]string
	weight   int // key length + 1 of the tokens that are not particles
}

// maxSpan is the most tokens compared as one word.
const maxSpan = 3

// ParseName removes titles, honorifics and the phrases around a personal name
// ("Foreign Ministry spokesman Zhao Lijian", "外交部发言人赵立坚", "안나레나
// 베어보크 독일 외교부 장관"), romanizes what remains and computes the key of
// each part. When a phrase holds several runs of name words, the longest is
// kept, the last one on a tie.
func ParseName(s string) Name {
	ws := splitWords(s)
	classify(ws)
	ws = pickRun(ws)
	var n Name
	for _, w := range ws {
		n.tokens = appendTokens(n.tokens, w)
	}
	for _, t := range n.tokens {
		n.Parts = append(n.Parts, t.roman[0])
		n.Keys = append(n.Keys, t.key[0])
	}
	n.spans = makeSpans(n.tokens)
	return n
}

// word is one word of a name phrase, or a piece of a CJK run.
type word struct {
	text   string // as written (NFKC, lowercased, diacritics kept)
	folded string // Fold(text)
	sc     script
	upper  bool // starts with an uppercase letter
	caps   bool // all letters uppercase, two or more: an acronym
	hyphen bool // joined to the previous word by a hyphen
	brk    bool // a comma or similar stands before it
	kind   wordKind
}

type wordKind uint8

const (
	kName wordKind = iota
	kParticle
	kTitle // titles, places, organisations
	kJunk  // lowercase words in a phrase that has capitalised ones
)

// splitWords splits a phrase into words at spaces and punctuation, and CJK
// words into runs of one script.
func splitWords(s string) []word {
	s = nfkcKeepCase(s)
	var ws []word
	brk, hyphen := false, false
	forEachRun(s, func(text string, sc script) {
		if sc == scNone {
			brk = brk || strings.ContainsAny(text, ",;:()[]،、，；：（）/|\"«»“”")
			hyphen = strings.TrimSpace(text) == "-" || text == "‐" || text == "–" && !strings.Contains(text, " ")
			if strings.Contains(text, " ") {
				hyphen = false
			}
			return
		}
		// French and Italian elision: l'OMS, d'Italia
		if sc == scLatin {
			if i := strings.IndexAny(text, "'’"); i == 1 {
				ws = append(ws, newWord(text[:1], sc, brk, false))
				brk = false
				text = strings.TrimLeft(text[1:], "'’")
			}
		}
		w := newWord(text, sc, brk, hyphen && len(ws) > 0)
		if w.hyphen {
			w.upper = ws[len(ws)-1].upper // Jae-in, Ki-moon
		}
		ws = append(ws, w)
		brk, hyphen = false, false
	})
	return ws
}

func newWord(text string, sc script, brk, hyphen bool) word {
	w := word{sc: sc, brk: brk, hyphen: hyphen}
	letters, uppers := 0, 0
	for i, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
				if i == 0 {
					w.upper = true
				}
			}
		}
	}
	w.caps = letters >= 2 && uppers == letters
	w.text = strings.ToLower(text)
	w.folded = Fold(w.text)
	return w
}

// nfkcKeepCase applies NFKC and removes format characters, keeping case.
func nfkcKeepCase(s string) string {
	p := strings.ToValidUTF8(s, "\uFFFD")
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return strings.Map(func(r rune) rune {
				if unicode.Is(unicode.Cf, r) {
					return -1
				}
				return r
			}, norm.NFKC.String(p))
		}
	}
	return p
}

// classify sets the kind of each word and splits CJK runs at the titles and
// places inside them.
func classify(ws []word) {
	t := titles()
	g := Countries()
	cased := false
	for _, w := range ws {
		if w.upper && isCased(w.sc) {
			cased = true
			break
		}
	}
	for i := range ws {
		w := &ws[i]
		switch {
		case t.particles[w.folded]:
			w.kind = kParticle
		case t.isTitle(w.folded), g.isPlace(w.folded, w.sc) && (w.caps || runeCount(w.folded) > 3 || !isCased(w.sc)):
			// a short Latin word is a place or body only in capitals (UN, not Un)
			w.kind = kTitle
		case w.caps && isCased(w.sc) && runeCount(w.text) <= 5:
			w.kind = kTitle // NATO, NPC, МИД: organisations rather than names
		case cased && isCased(w.sc) && !w.upper:
			w.kind = kJunk
		}
	}
}

func isCased(sc script) bool { return sc == scLatin || sc == scCyrillic || sc == scGreek }

// pickRun returns the longest run of name words, splitting CJK runs at the
// titles inside them first.
func pickRun(ws []word) []word {
	ws = splitCJK(ws)
	bestStart, bestEnd, bestNames := 0, 0, 0
	for i := 0; i < len(ws); {
		if ws[i].kind != kName && ws[i].kind != kParticle {
			i++
			continue
		}
		j, names := i, 0
		for j < len(ws) && (ws[j].kind == kName || ws[j].kind == kParticle) && (j == i || !ws[j].brk) {
			if ws[j].kind == kName {
				names++
			}
			j++
		}
		if names > 0 && names >= bestNames {
			bestStart, bestEnd, bestNames = i, j, names
		}
		i = j
	}
	return ws[bestStart:bestEnd]
}

// splitCJK splits the Han and kana words at the titles, honorifics and places
// written inside them: "外交部发言人赵立坚" → 外交部 发言人 赵立坚.
func splitCJK(ws []word) []word {
	var out []word
	t := titles()
	g := Countries()
	for _, w := range ws {
		if w.kind != kName || (w.sc != scHan && w.sc != scKana && w.sc != scHangul) {
			out = append(out, w)
			continue
		}
		rs := []rune(w.folded)
		maxLen := max(t.cjkMax, g.cjkMax)
		start := 0
		emit := func(end int, kind wordKind) {
			if end > start {
				p := string(rs[start:end])
				out = append(out, word{text: p, folded: p, sc: w.sc, kind: kind, brk: w.brk && start == 0})
			}
		}
		for i := 0; i < len(rs); {
			n := 0
			for l := min(maxLen, len(rs)-i); l >= 1; l-- {
				sub := string(rs[i : i+l])
				if l >= 2 || len(rs) > 1 {
					if t.cjk[sub] || l >= 2 && g.isPlace(sub, w.sc) {
						if l == len(rs) && i == 0 {
							break // the whole word is not split here
						}
						n = l
						break
					}
				}
			}
			if n == 0 || !cjkTitleFits(rs, i, n) {
				i++
				continue
			}
			emit(i, kName)
			start = i
			emit(i+n, kTitle)
			i += n
			start = i
		}
		emit(len(rs), kName)
	}
	return out
}

// cjkTitleFits rejects one-character titles (氏, 相, 前, 副) unless they stand
// at an edge of the run or next to another title: inside a name they are
// likely part of it.
func cjkTitleFits(rs []rune, i, n int) bool {
	if n > 1 {
		return true
	}
	if i+n == len(rs) {
		return i > 0
	}
	// a modifier before a longer title: 前首相, 副報道局長
	t := titles()
	for l := 2; l <= t.cjkMax && i+1+l <= len(rs); l++ {
		if t.cjk[string(rs[i+1:i+1+l])] {
			return true
		}
	}
	return false
}

// appendTokens appends the tokens of one name word.
func appendTokens(ts []token, w word) []token {
	t := titles()
	switch w.sc {
	case scHan:
		rs := []rune(w.text)
		if n := surnameLen(rs, hanSurname); n > 0 && len(rs)-n >= 1 && len(rs) <= 4 {
			return append(ts, hanToken(string(rs[:n])), hanToken(string(rs[n:])))
		}
		return append(ts, hanToken(w.text))
	case scHangul:
		rs := []rune(w.text)
		if n := surnameLen(rs, koreanSurname); n > 0 && len(rs)-n >= 1 && len(rs) <= 4 {
			sur := newToken(string(rs[:n]), scHangul)
			if alt, ok := koreanSurnameSpelling[string(rs[:n])]; ok {
				sur.roman[1], sur.key[1] = alt, KeyLatin(alt)
			}
			return append(ts, sur, newToken(string(rs[n:]), scHangul))
		}
	case scArabic:
		// the article written against a family name: الأسد → al + asad
		if rest, ok := strings.CutPrefix(w.folded, "ال"); ok && runeCount(rest) >= 3 && !t.words[w.folded] {
			p := newToken("ال", scArabic)
			p.particle = true
			return append(ts, p, newToken(rest, scArabic))
		}
	}
	tok := newToken(w.text, w.sc)
	tok.particle = w.kind == kParticle
	tok.initial = w.sc == scLatin && len(tok.roman[0]) == 1
	if tok.roman[0] == "" {
		return ts
	}
	return append(ts, tok)
}

func newToken(text string, sc script) token {
	r := cleanLatin(appendRoman(nil, text, sc, false))
	r = strings.ReplaceAll(r, " ", "")
	k := KeyLatin(r)
	t := token{roman: [2]string{r, r}, key: [2]string{k, k}}
	if sc == scKana && strings.Contains(r, "chi") {
		// チ also writes the ti of foreign names: プーチン Putin
		t.roman[1] = strings.ReplaceAll(r, "chi", "ti")
		t.key[1] = KeyLatin(t.roman[1])
	}
	return t
}

// markOnly reports whether a key has no consonant: Yi, Yo, O.
func markOnly(k string) bool { return strings.Trim(k, "ay") == "" }

// hanToken reads Han characters in Mandarin (reading 0) and Korean (1).
func hanToken(text string) token {
	t := newToken(text, scHan)
	k := cleanLatin(appendRoman(nil, text, scHan, true))
	t.roman[1], t.key[1] = k, KeyLatin(k)
	return t
}

func surnameLen(rs []rune, set map[string]bool) int {
	if len(rs) >= 3 && set[string(rs[:2])] {
		return 2
	}
	if len(rs) >= 2 && set[string(rs[:1])] {
		return 1
	}
	return 0
}

func makeSpans(ts []token) []span {
	var out []span
	for i := range ts {
		for n := 1; n <= maxSpan && i+n <= len(ts); n++ {
			if n > 1 && (markOnly(ts[i+n-1].key[0]) || ts[i+n-1].initial) || n == 2 && (markOnly(ts[i].key[0]) || ts[i].initial) {
				break // a part without consonants is compared on its own
			}
			sp := span{first: i, n: n}
			for r := range 2 {
				var b []byte
				for _, t := range ts[i : i+n] {
					b = append(b, t.roman[r]...)
				}
				sp.key[r] = KeyLatin(string(b))
			}
			for _, t := range ts[i : i+n] {
				switch {
				case t.initial:
					sp.weight++
				case !t.particle:
					sp.weight += len(t.key[0]) + 1
				}
			}
			out = append(out, sp)
		}
	}
	return out
}
