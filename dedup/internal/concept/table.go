package concept

import (
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// stop is the concept id of a stop form (see the package documentation);
// real ids count from 1, and 0 is no match.
const stop = math.MaxUint32

// mode is how the forms of a language match.
type mode uint8

const (
	wholeWords mode = iota // a word is a form, or starts with a prefix form
	clitics                // as wholeWords, also without a proclitic
	substrings             // a form matches anywhere, the longest first
)

// modes are the match modes of the languages other than wholeWords.
var modes = map[string]mode{
	"ar": clitics, "fa": clitics, "he": clitics,
	"zh": substrings, "ja": substrings, "ko": substrings,
}

// proclitics are the conjunctions, prepositions and articles written
// against an Arabic, Persian or Hebrew word, longest first (the same as
// normalize.StripProclitics, with the sequences wa-li-l and fa-li-l).
var proclitics = map[string][]string{
	"ar": {"وبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال", "و", "ب", "ل", "ف", "ك"},
	"fa": {"وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك"},
	"he": {"וה", "וב", "ול", "ומ", "וש", "שה", "מה", "בה", "לה", "ה", "ו", "ב", "ל", "מ", "ש", "כ"},
}

// table holds the forms of one language: words, the whole-word and prefix
// forms by their folded bytes, and ends, the suffix forms by their folded
// bytes read backwards.
type table struct {
	mode   mode
	clitic []string
	words  trie
	ends   trie
	forms  int
	has    map[uint32]bool // concept ids with a form
}

// trie is a byte trie: the edges of node i are edges[nodes[i].lo:nodes[i].hi],
// sorted by byte. It is built as a tree of builder nodes and flattened by
// freeze.
type trie struct {
	nodes []node
	edges []edge
	build *builder
	// root maps a first byte to its node (0: none), as the root has more
	// edges than the other nodes and is visited by every word.
	root [256]int32
}

type node struct {
	lo, hi int32
	// exact is the concept a word equal to the path names, prefix the one
	// a word starting with it names (in ends, ending with it); 0: none.
	exact, prefix uint32
}

type edge struct {
	b  byte
	to int32
}

// builder is a trie node under construction.
type builder struct {
	next          map[byte]*builder
	exact, prefix uint32
}

func newTable(lang string) *table {
	return &table{
		mode: modes[lang], clitic: proclitics[lang], has: make(map[uint32]bool),
		words: trie{build: &builder{}}, ends: trie{build: &builder{}},
	}
}

// add adds a form of concept id.
func (t *table) add(form string, id uint32) error {
	if s, ok := strings.CutPrefix(form, "!"); ok {
		form, id = s, stop
	}
	form, suffix := strings.CutPrefix(form, "*")
	form, prefix := strings.CutSuffix(form, "*")
	f := fold(form)
	switch {
	case strings.ContainsFunc(f, func(r rune) bool { return !isWordRune(r) }):
		return errors.New("not a single word")
	case utf8.RuneCountInString(f) < minForm:
		return errors.New("too short")
	case prefix && suffix:
		return errors.New("both a prefix and a suffix form")
	case (prefix || suffix) && t.mode == substrings:
		return errors.New("a prefix or suffix form in a language matched by substrings")
	case (prefix || suffix) && isLatin(f) && utf8.RuneCountInString(f) < minLatinPrefix:
		return errors.New("too short a Latin stem")
	}
	var slot *uint32
	switch {
	case suffix:
		slot = &t.ends.insert(reverse(f)).prefix
	case prefix:
		slot = &t.words.insert(f).prefix
	default:
		slot = &t.words.insert(f).exact
	}
	if *slot != 0 && *slot != id {
		return errors.New("names two concepts")
	}
	*slot = id
	t.forms++
	if id != stop {
		t.has[id] = true
	}
	return nil
}

// reverse returns the bytes of s in reverse order.
func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}

// insert returns the builder node of key, adding the nodes on its path.
func (t *trie) insert(key string) *builder {
	n := t.build
	for i := 0; i < len(key); i++ {
		if n.next == nil {
			n.next = make(map[byte]*builder)
		}
		c := n.next[key[i]]
		if c == nil {
			c = &builder{}
			n.next[key[i]] = c
		}
		n = c
	}
	return n
}

// freeze flattens the builder trie into nodes and edges, breadth first,
// and drops the builder.
func (t *trie) freeze() {
	queue := []*builder{t.build}
	t.build = nil
	for i := 0; i < len(queue); i++ {
		b := queue[i]
		keys := make([]byte, 0, len(b.next))
		for k := range b.next {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		nd := node{lo: int32(len(t.edges)), exact: b.exact, prefix: b.prefix}
		for _, k := range keys {
			t.edges = append(t.edges, edge{k, int32(len(queue))})
			queue = append(queue, b.next[k])
		}
		nd.hi = int32(len(t.edges))
		t.nodes = append(t.nodes, nd)
	}
	for _, e := range t.edges[t.nodes[0].lo:t.nodes[0].hi] {
		t.root[e.b] = e.to
	}
}

// child returns the node reached from node n by byte c, or -1.
func (t *trie) child(n int32, c byte) int32 {
	if n == 0 {
		if r := t.root[c]; r != 0 {
			return r
		}
		return -1
	}
	es := t.edges[t.nodes[n].lo:t.nodes[n].hi]
	if len(es) > 8 {
		i, ok := slices.BinarySearchFunc(es, c, func(e edge, c byte) int { return int(e.b) - int(c) })
		if !ok {
			return -1
		}
		return es[i].to
	}
	for _, e := range es {
		if e.b == c {
			return e.to
		}
		if e.b > c {
			break
		}
	}
	return -1
}

// word returns the concept a whole word names: the form equal to it, or
// the longest prefix form it starts with (stop, or 0 for none).
func (t *table) word(w string) uint32 {
	var best uint32
	n := int32(0)
	for i := 0; i < len(w); i++ {
		if n = t.words.child(n, w[i]); n < 0 {
			return best
		}
		if p := t.words.nodes[n].prefix; p != 0 {
			best = p
		}
	}
	if e := t.words.nodes[n].exact; e != 0 {
		return e
	}
	return best
}

// end returns the concept of the longest suffix form a word ends with
// (stop, or 0 for none).
func (t *table) end(w string) uint32 {
	var best uint32
	n := int32(0)
	for i := len(w) - 1; i >= 0; i-- {
		if n = t.ends.child(n, w[i]); n < 0 {
			return best
		}
		if p := t.ends.nodes[n].prefix; p != 0 {
			best = p
		}
	}
	return best
}

// longest returns the concept of the longest form s starts with, and its
// length in bytes (0 for none).
func (t *table) longest(s string) (uint32, int) {
	var best uint32
	size := 0
	n := int32(0)
	for i := 0; i < len(s); i++ {
		if n = t.words.child(n, s[i]); n < 0 {
			break
		}
		if e := t.words.nodes[n].exact; e != 0 {
			best, size = e, i+1
		}
	}
	return best, size
}

// find calls yield with the concept mentions of a folded text, until yield
// returns false.
func (t *table) find(concepts []string, text string, yield func(Match) bool) {
	for start := 0; start < len(text); {
		size := wordRuneSize(text[start:])
		if size <= 0 {
			start += max(-size, 1)
			continue
		}
		end := start + size
		for end < len(text) {
			size := wordRuneSize(text[end:])
			if size <= 0 {
				break
			}
			end += size
		}
		if !t.findWord(concepts, text[start:end], yield) {
			return
		}
		start = end
	}
}

// findWord calls yield with the concept mentions of a word and reports
// whether to go on.
func (t *table) findWord(concepts []string, w string, yield func(Match) bool) bool {
	if t.mode == substrings {
		for i := 0; i < len(w); {
			id, n := t.longest(w[i:])
			if id == 0 {
				_, size := utf8.DecodeRuneInString(w[i:])
				i += size
				continue
			}
			if id != stop && !yield(Match{Concept: concepts[id-1], Word: w[i : i+n]}) {
				return false
			}
			i += n
		}
		return true
	}
	id := t.word(w)
	for _, p := range t.clitic {
		if id != 0 {
			break
		}
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= minForm {
			id = t.word(rest)
		}
	}
	if id != 0 && id != stop && !yield(Match{Concept: concepts[id-1], Word: w}) {
		return false
	}
	// A compound may end in another concept (Raketenangriff: missile,
	// attack).
	if end := t.end(w); end != 0 && end != stop && end != id {
		return yield(Match{Concept: concepts[end-1], Word: w})
	}
	return true
}

// wordRuneSize returns the size of the first rune of s if it continues a
// word, else minus its size.
func wordRuneSize(s string) int {
	if c := s[0]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return 1
		}
		return -1
	}
	r, size := utf8.DecodeRuneInString(s)
	if isWordRune(r) {
		return size
	}
	return -size
}

// isWordRune reports whether r continues a word: letters, combining marks,
// and the katakana prolonged sound mark (as package features splits words).
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r < fastRunes:
		return wordRunes()[r/64]&(1<<(r%64)) != 0
	case 0x4E00 <= r && r <= 0x9FFF, 0xAC00 <= r && r <= 0xD7A3:
		return true // CJK unified ideographs, Hangul syllables
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == 'ー'
}

// fastRunes bounds the runes whose class is kept in a bitmap: the
// alphabets and kana, below U+3100.
const fastRunes = 0x3100

// wordRunes is the bitmap of the word runes below fastRunes.
var wordRunes = sync.OnceValue(func() *[fastRunes / 64]uint64 {
	var m [fastRunes / 64]uint64
	for r := rune(0); r < fastRunes; r++ {
		if isWordRuneSlow(r) {
			m[r/64] |= 1 << (r % 64)
		}
	}
	return &m
})
