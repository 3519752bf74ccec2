package normalize

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Name is a personal name parsed into its parts.
type Name struct {
	// Parts are the romanized words of the name, titles removed, in the order
	// written. A name written without spaces (문재인, 李克强) is split after a
	// common surname.
	Parts []string
	// Keys are the phonetic keys of Parts, with the classes of [Key].
	Keys []string

	text    []byte // romanizations and keys of the tokens and spans
	tokens  []token
	spans   []span
	acronym bool // the name is written with its initials: MBZ
}

// ref is the place of a string in Name.text, which is kept below 64 KiB.
type ref struct{ lo, hi uint16 }

func (n *Name) get(r ref) []byte { return n.text[r.lo:r.hi] }

// token is one part of a name.
type token struct {
	// roman and key are the romanization and the fine key in two readings:
	// reading 1 is the Korean reading of Han characters, the conventional
	// spelling of a Korean surname (이 Lee), the continental reading of
	// Latin spelling (Peskow), ti for kana chi (プーチン Putin).
	roman    [2]ref
	key      [2]ref
	rd       [2]reading // the spelling system of each romanization
	word     uint8      // the written word it comes from: 문재인 gives two tokens of one word
	particle bool       // von, bin, al: never enough to match
	initial  bool       // a single Latin letter
}

// span is a run of consecutive tokens, compared as one word: "Jae In" is
// compared with "Jae-in", "عبد اللهيان" with "Abdollahian"; a span of two
// tokens is also read in the other order ("Lijian Zhao", 자오리젠).
type span struct {
	key      [2]ref
	first, n uint8
	weight   uint16 // key length + 1 of the tokens that are not particles
	natural  bool   // the tokens are the pieces of one written word
	reversed bool
}

// maxSpan is the most tokens compared as one word.
const maxSpan = 3

// ParseName removes titles, honorifics and the phrases around a personal name
// ("Foreign Ministry spokesman Zhao Lijian", "外交部发言人赵立坚", "안나레나
// 베어보크 독일 외교부 장관"), romanizes what remains and computes the key of
// each part. When a phrase holds several runs of name words, the longest is
// kept, the last one on a tie.
func ParseName(s string) Name { return parseName(s, true, nil) }

// nameStore holds the text, tokens and spans of a Name, to be reused.
type nameStore struct {
	text   []byte
	tokens []token
	spans  []span
}

// parseName parses s; parts says whether to fill Name.Parts and Name.Keys,
// which the matcher does not use. With a store, the Name lives in it, until
// the store is used again.
func parseName(s string, parts bool, store *nameStore) Name {
	sc := scratchPool.Get().(*scratch)
	p := &sc.p
	p.src, p.words, p.fold = normalizeInput(s), p.words[:0], p.fold[:0]
	p.split()
	p.classify()
	p.splitCJK()
	b := &sc.b
	b.input, b.out, b.toks, b.spans = 0, b.out[:0], b.toks[:0], b.spans[:0]
	run := p.pickRun()
	for _, w := range run {
		b.word(&w)
	}
	if len(run) == 0 {
		if w, ok := p.acronym(); ok {
			b.token(w.text, w.sc, w.id, false)
		}
	}
	n := b.finish(parts, store)
	n.acronym = len(run) == 0 && len(n.tokens) == 1
	p.src = ""
	scratchPool.Put(sc)
	return n
}

// scratch is the working memory of ParseName, reused through scratchPool.
type scratch struct {
	p parser
	b nameBuilder
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// normalizeInput returns s as valid UTF-8 in NFKC.
func normalizeInput(s string) string {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || infoOf(r)&riStable == 0 {
			return norm.NFKC.String(strings.ToValidUTF8(s, "\uFFFD"))
		}
		i += size
	}
	return s
}

// parser holds the words of one name phrase.
type parser struct {
	src   string
	words []word
	fold  []byte // the folded words, concatenated
}

// word is one word of a name phrase, or a piece of a CJK run.
type word struct {
	text   string // as written (NFKC)
	fs, fe int    // folded form: parser.fold[fs:fe]
	sc     script
	upper  bool // starts with an uppercase letter
	caps   bool // all letters uppercase, two or more: an acronym
	hyphen bool // joined to the previous word by a hyphen
	brk    bool // a comma or similar stands before it
	dotted bool // a middle dot joins it to another word: 伊姆兰·汗 is a foreign name
	kind   wordKind
	id     uint8 // the written word a CJK piece comes from
}

type wordKind uint8

const (
	kName wordKind = iota
	kParticle
	kTitle   // titles, places, organisations
	kJunk    // lowercase words in a phrase that has capitalised ones
	kAcronym // NATO, NPC, МИД, MBZ: organisations, or a person known by initials
)

func (p *parser) folded(w *word) []byte { return p.fold[w.fs:w.fe] }

// split splits the phrase into words at spaces and punctuation, and into
// runs of one script.
func (p *parser) split() {
	brk, hyphen, dot := false, false, false
	forEachRun(p.src, func(text string, sc script) {
		if sc == scNone {
			brk = brk || strings.ContainsAny(text, ",;:()[]،、，；：（）/|\"«»“”")
			hyphen = text == "-" || text == "‐" || text == "–"
			dot = strings.ContainsAny(text, "·・･‧")
			if dot && len(p.words) > 0 {
				p.words[len(p.words)-1].dotted = true
			}
			return
		}
		// French and Italian elision: l'OMS, d'Italia
		if sc == scLatin && len(text) > 2 && isApostropheAt(text, 1) {
			p.add(text[:1], sc, brk, false)
			brk = false
			text = strings.TrimLeft(text[1:], "'’")
		}
		p.add(text, sc, brk, hyphen && len(p.words) > 0)
		p.words[len(p.words)-1].dotted = dot
		brk, hyphen, dot = false, false, false
	})
}

func isApostropheAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '\'' || r == '’'
}

func (p *parser) add(text string, sc script, brk, hyphen bool) {
	w := word{text: text, sc: sc, brk: brk, hyphen: hyphen, id: uint8(min(len(p.words), 255))}
	letters, uppers := 0, 0
	ascii := true
	for i, r := range text {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				letters++
			} else if 'A' <= r && r <= 'Z' {
				letters++
				uppers++
				w.upper = w.upper || i == 0
			}
			continue
		}
		ascii = false
		if info := infoOf(r); info&riLetter != 0 {
			letters++
			if info&riUpper != 0 {
				uppers++
				w.upper = w.upper || i == 0
			}
		}
	}
	w.caps = letters >= 2 && uppers == letters
	if hyphen {
		w.upper = p.words[len(p.words)-1].upper // Jae-in, Ki-moon
	}
	w.fs = len(p.fold)
	if ascii || sc == scHan || sc == scHangul {
		// folding changes nothing else in NFKC text of these scripts
		for i := 0; i < len(text); i++ {
			p.fold = append(p.fold, lowerByte(text[i]))
		}
	} else {
		p.fold = appendFold(p.fold, text, 0)
	}
	w.fe = len(p.fold)
	p.words = append(p.words, w)
}

// classify sets the kind of each word.
func (p *parser) classify() {
	t := titles()
	g := Countries()
	cased := false
	for _, w := range p.words {
		if w.upper && isCased(w.sc) {
			cased = true
			break
		}
	}
	for i := range p.words {
		w := &p.words[i]
		f := p.folded(w)
		k := t.kinds[string(f)]
		switch {
		case k&particleWord != 0:
			w.kind = kParticle
		case titleKind(t, f, w.sc, k), isPlace(g, f, w.sc) && (w.caps || utf8.RuneCount(f) > 3 || !isCased(w.sc)):
			// a short Latin word is a place or body only in capitals (UN, not Un)
			w.kind = kTitle
		case w.caps && isCased(w.sc) && utf8.RuneCountInString(w.text) <= 5:
			w.kind = kAcronym // NATO, NPC, МИД: organisations rather than names, mostly
		case cased && isCased(w.sc) && !w.upper:
			w.kind = kJunk
		}
	}
	for i := 1; i < len(p.words); i++ {
		w, prev := &p.words[i], &p.words[i-1]
		switch {
		case w.kind == kName && prev.kind == kTitle && string(p.folded(w)) == "الله":
			// آية الله: the name of God after a title is part of it;
			// elsewhere it ends a name (نصر الله)
			w.kind = kTitle
		case w.kind == kTitle && w.upper && !w.caps && isCased(w.sc) && !w.brk && prev.kind == kName && prev.upper &&
			(i+1 == len(p.words) || p.words[i+1].kind == kName && p.words[i+1].upper && !p.words[i+1].brk):
			// A capitalised title word after a name, ending the phrase or
			// before another name, is a name: Martin Luther King, Hüseyin
			// Emir Abdullahiyan. Titles precede names, or follow a comma.
			w.kind = kName
		}
	}
}

func isCased(sc script) bool { return sc == scLatin || sc == scCyrillic || sc == scGreek }

// acronym returns the only acronym of a phrase without names: MBZ, AMLO.
func (p *parser) acronym() (word, bool) {
	var a word
	count := 0
	for _, w := range p.words {
		if w.kind == kAcronym && w.sc == scLatin {
			a = w
			count++
		}
	}
	return a, count == 1
}

// pickRun returns the longest run of name words.
func (p *parser) pickRun() []word {
	ws := p.words
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

// splitCJK splits the Han, kana and Hangul words at the titles, honorifics
// and places written inside them: "外交部发言人赵立坚" → 外交部 发言人 赵立坚.
// A place is split off only next to a title (美国 国务卿 布林肯): alone, the
// name of a place inside a word is more often a piece of a transcription
// (马里亚 holds 马里 Mali, マリック マリ, 후쿠바 쿠바 Cuba).
func (p *parser) splitCJK() {
	d := cjkWords()
	for i := 0; i < len(p.words); i++ {
		w := p.words[i]
		if w.kind != kName || (w.sc != scHan && w.sc != scKana && w.sc != scHangul) {
			continue
		}
		var obuf [48]int
		offs := runeOffsets(obuf[:0], w.text)
		n := len(offs) - 1
		var pieces [8]word
		np := 0
		start := 0
		emit := func(end int, kind wordKind) {
			if end > start && np < len(pieces) {
				pw := w
				pw.text, pw.kind, pw.brk = w.text[offs[start]:offs[end]], kind, w.brk && start == 0
				pieces[np] = pw
				np++
			}
		}
		titleEnd := -1 // where the last title split off ends
		for j := 0; j < n; {
			l, kind := d.longest(w.text, offs, j, n)
			if l == 0 || !d.fits(w.text, offs, j, l, n) || kind&cjkTitle == 0 && !d.besideTitle(w.text, offs, j, l, n, titleEnd) {
				j++
				continue
			}
			if kind&cjkTitle != 0 {
				titleEnd = j + l
			}
			emit(j, kName)
			start = j
			emit(j+l, kTitle)
			j += l
			start = j
		}
		if np == 0 {
			continue
		}
		emit(n, kName)
		// replace the word by its pieces, each with its folded form
		tail := append([]word(nil), p.words[i+1:]...)
		p.words = p.words[:i]
		for _, pw := range pieces[:np] {
			pw.fs = len(p.fold)
			p.fold = append(p.fold, pw.text...)
			pw.fe = len(p.fold)
			p.words = append(p.words, pw)
		}
		p.words = append(p.words, tail...)
		i += np - 1
	}
}

// runeOffsets appends the byte offsets of the runes of s, and len(s).
func runeOffsets(offs []int, s string) []int {
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// tokenBuild is a token being built.
type tokenBuild struct {
	token
	coarse   ref
	vowelEnd bool // the romanization ends in a vowel
}

// nameBuilder accumulates the strings of a Name in one buffer.
type nameBuilder struct {
	input int // bytes of the words read
	out   []byte
	toks  []tokenBuild
	spans []span
	k     keyer
}

// maxInput bounds the bytes of name words a Name is built from, so that
// its text (romanizations and keys of tokens and spans, less than 64 bytes a
// byte of input) stays below 64 KiB for 16-bit refs: the words after it are
// left out. Names are short; only runaway input is cut.
const maxInput = 1 << 10

// word appends the tokens of one name word.
func (b *nameBuilder) word(w *word) {
	if b.input += len(w.text); b.input > maxInput {
		return
	}
	id := w.id
	switch w.sc {
	case scHan:
		var obuf [16]int
		offs := runeOffsets(obuf[:0], w.text)
		n := len(offs) - 1
		foreign := w.dotted || isTranscription(w.text)
		if s, family := japaneseFamilyLen(w.text, offs); s > 0 && !foreign {
			// a Japanese name: read the family name, and a common given
			// name, the Japanese way
			b.han(w.text[:offs[s]], id, false, family)
			if s < n {
				given, _ := japaneseGiven(w.text[offs[s]:])
				b.han(w.text[offs[s]:], id, false, given)
			}
			return
		}
		if s := hanSurnameLen(w.text, offs); s > 0 && n-s >= 1 && n <= 4 && !foreign {
			b.han(w.text[:offs[s]], id, false, "")
			b.han(w.text[offs[s]:], id, false, "")
			return
		}
		// three characters or more that are not a Chinese name: a
		// transcription
		b.han(w.text, id, foreign || n >= 3, "")
		return
	case scHangul:
		var obuf [16]int
		offs := runeOffsets(obuf[:0], w.text)
		if s := koreanSurnameLen(w.text, offs); s > 0 {
			sur := w.text[:offs[s]]
			b.token(sur, scHangul, id, false)
			if alt, ok := koreanSurnameSpelling(sur); ok {
				t := &b.toks[len(b.toks)-1]
				t.roman[1] = b.appendText(alt)
				t.rd[1] = rdLatin
				t.key[1] = b.key(b.bytes(t.roman[1]), 0) // a Latin spelling
			}
			b.token(w.text[offs[s]:], scHangul, id, false)
			return
		}
	case scArabic:
		// the article written against a family name: الأسد → al + asad;
		// not the name of God in theophoric names (عبد اللهيان)
		f := w.text
		if rest, ok := cutArabicArticle(f); ok && titles().kinds[string(foldedArabic(f))]&titleWord == 0 {
			b.token(f[:len(f)-len(rest)], scArabic, id, true)
			b.token(rest, scArabic, id, false)
			return
		}
	}
	b.token(w.text, w.sc, id, w.kind == kParticle)
}

// cutArabicArticle returns the word after its article ال when at least three
// letters remain and the word is not a form of الله.
func cutArabicArticle(w string) (string, bool) {
	rest, ok := strings.CutPrefix(w, "ال")
	if !ok || utf8.RuneCountInString(rest) < 3 || strings.HasPrefix(rest, "له") || strings.HasPrefix(rest, "لّه") {
		return w, false
	}
	return rest, true
}

// foldedArabic returns the Arabic word folded, for the title table.
func foldedArabic(w string) []byte {
	var buf [64]byte
	return appendFold(buf[:0], w, 0)
}

// appendText appends s to the buffer and returns its offsets.
func (b *nameBuilder) appendText(s string) ref {
	start := len(b.out)
	b.out = append(b.out, s...)
	return b.ref(start, len(b.out))
}

// key appends the fine key of the romanized w and returns its offsets.
func (b *nameBuilder) key(w []byte, mode keyMode) ref {
	start := len(b.out)
	b.k.reset(b.out)
	addKey(&b.k, w, mode)
	b.out = b.k.b
	return b.ref(start, len(b.out))
}

// token appends one token for text in script sc.
func (b *nameBuilder) token(text string, sc script, id uint8, particle bool) {
	start := len(b.out)
	b.out = appendRoman(b.out, text, sc, romanMarks)
	b.out = b.out[:start+len(keepAlnumCase(b.out[start:]))]
	end := len(b.out)
	if end == start {
		return
	}
	t := tokenBuild{token: token{word: id, particle: particle}}
	t.roman[0] = b.ref(start, end)
	t.roman[1] = t.roman[0]
	t.rd[0] = readingOfScript(sc)
	t.rd[1] = t.rd[0]
	roman := b.out[start:end]
	t.vowelEnd = isVowel(roman[len(roman)-1])
	t.initial = sc == scLatin && len(roman) == 1
	switch sc {
	case scHangul:
		t.key[0] = b.keyHangul(text)
	case scLatin:
		t.key[0] = b.key(roman, 0)
		if hasContinental(roman) {
			t.key[1] = b.key(roman, modeAlt) // the continental reading differs
		}
	case scKana:
		t.key[0] = b.key(roman, modeNative)
		if i := bytes.Index(roman, []byte("chi")); i >= 0 {
			// チ also writes the ti of foreign names: プーチン Putin
			s := len(b.out)
			b.out = append(b.out, roman[:i]...)
			b.out = append(b.out, 't')
			b.out = append(b.out, roman[i+2:]...)
			t.roman[1] = b.ref(s, len(b.out))
			t.key[1] = b.key(b.out[s:], modeNative)
		}
	default:
		t.key[0] = b.key(roman, scriptMode(sc))
	}
	if t.key[1] == (ref{}) || bytes.Equal(b.bytes(t.key[1]), b.bytes(t.key[0])) {
		if int(t.key[1].hi) == len(b.out) && t.key[1].hi != t.key[0].hi {
			b.out = b.out[:t.key[1].lo] // the same key twice
		}
		t.key[1] = t.key[0]
	}
	keepAlnum(b.out[start:end]) // N marks read, the romanization is lowercase
	if t.roman[1] != t.roman[0] {
		keepAlnum(b.bytes(t.roman[1]))
	}
	b.toks = append(b.toks, t)
}

// keyHangul keys Hangul syllable by syllable, as Revised Romanization
// writes names.
func (b *nameBuilder) keyHangul(text string) ref {
	start := len(b.out)
	b.k.reset(b.out)
	for _, r := range text {
		var tmp [8]byte
		addKey(&b.k, appendHangul(tmp[:0], r), modeHangul|modeNative)
	}
	b.out = b.k.b
	return b.ref(start, len(b.out))
}

// han appends a token for a run of Han characters, read in Mandarin
// (reading 0) and in Korean or, when japanese is not empty, the Japanese
// reading it gives (reading 1). foreign says the run transcribes a foreign
// name.
func (b *nameBuilder) han(text string, id uint8, foreign bool, japanese string) {
	t := tokenBuild{token: token{word: id}}
	start := len(b.out)
	b.out = appendHan(b.out, text, false)
	b.out = b.out[:start+len(keepAlnum(b.out[start:]))]
	if len(b.out) == start {
		return
	}
	t.roman[0] = b.ref(start, len(b.out))
	t.rd = [2]reading{rdHan, rdHangul}
	t.vowelEnd = isVowel(b.out[len(b.out)-1])
	mode := modePinyin
	if foreign {
		mode = modeForeign
	}
	start = len(b.out)
	b.k.reset(b.out)
	for _, r := range text {
		if py, _ := hanReadings(r); py != "" {
			addKey(&b.k, py, mode)
		} else {
			var tmp [16]byte
			addKey(&b.k, keepAlnum(appendHan(tmp[:0], string(r), false)), mode)
		}
	}
	b.out = b.k.b
	t.key[0] = b.ref(start, len(b.out))
	switch {
	case japanese != "":
		t.roman[1] = b.appendText(japanese)
		t.rd[1] = rdKana
		t.key[1] = b.key(b.bytes(t.roman[1]), 0)
		b.toks = append(b.toks, t)
		return
	case foreign:
		// Korean does not read transcriptions of foreign names in hanja
		t.roman[1], t.key[1], t.rd[1] = t.roman[0], t.key[0], rdHan
		b.toks = append(b.toks, t)
		return
	}
	start = len(b.out)
	b.out = appendHan(b.out, text, true)
	b.out = b.out[:start+len(keepAlnum(b.out[start:]))]
	t.roman[1] = b.ref(start, len(b.out))
	start = len(b.out)
	b.k.reset(b.out)
	for _, r := range text {
		var tmp [16]byte
		addKey(&b.k, keepAlnum(appendHan(tmp[:0], string(r), true)), modeHangul|modeNative)
	}
	b.out = b.k.b
	t.key[1] = b.ref(start, len(b.out))
	b.toks = append(b.toks, t)
}

// finish builds the spans and the Name, with its Parts and Keys if parts,
// in store if not nil.
func (b *nameBuilder) finish(parts bool, store *nameStore) Name {
	spans := b.spans[:0]
	ts := b.toks
	for i := range ts {
		for n := 1; n <= maxSpan && i+n <= len(ts); n++ {
			if n > 1 && (b.markOnly(ts[i+n-1]) || ts[i+n-1].initial) || n == 2 && ts[i].initial {
				break // a part without consonants ends no span; an initial starts none
			}
			sp := span{first: uint8(i), n: uint8(n), natural: true}
			for _, t := range ts[i : i+n] {
				switch {
				case t.initial:
					sp.weight++
				case !t.particle:
					sp.weight += uint16(t.key[0].hi - t.key[0].lo + 1)
				}
				sp.natural = sp.natural && t.word == ts[i].word
			}
			if n == 1 {
				sp.key = ts[i].key
				spans = append(spans, sp)
				continue
			}
			sp.key = b.spanKeys(ts[i:i+n], false)
			spans = append(spans, sp)
			if n == 2 && ts[i].word != ts[i+1].word {
				sp.reversed, sp.natural = true, false
				sp.key = b.spanKeys(ts[i:i+n], true)
				spans = append(spans, sp)
			}
		}
	}
	b.spans = spans
	if store != nil {
		store.text = append(store.text[:0], b.out...)
		store.tokens = store.tokens[:0]
		for _, t := range ts {
			store.tokens = append(store.tokens, t.token)
		}
		store.spans = append(store.spans[:0], spans...)
		return Name{text: store.text, tokens: store.tokens, spans: store.spans}
	}
	var n Name
	if len(ts) <= len(smallName{}.tokens) && len(spans) <= len(smallName{}.spans) {
		st := new(smallName) // one allocation for both
		n.tokens, n.spans = st.tokens[:len(ts)], st.spans[:len(spans)]
	} else {
		n.tokens, n.spans = make([]token, len(ts)), make([]span, len(spans))
	}
	copy(n.spans, spans)
	for i := range ts {
		if parts {
			ts[i].coarse = b.coarse(ts[i].key[0])
		}
		n.tokens[i] = ts[i].token
	}
	n.text = bytes.Clone(b.out)
	if !parts {
		return n
	}
	text := string(b.out)
	strs := make([]string, 2*len(ts))
	n.Parts, n.Keys = strs[:len(ts):len(ts)], strs[len(ts):]
	for i, t := range ts {
		n.Parts[i] = text[t.roman[0].lo:t.roman[0].hi]
		n.Keys[i] = text[t.coarse.lo:t.coarse.hi]
	}
	return n
}

// smallName holds the tokens and spans of a name of up to four parts.
type smallName struct {
	tokens [4]token
	spans  [12]span
}

// ref returns the ref of b.out[lo:hi].
func (b *nameBuilder) ref(lo, hi int) ref { return ref{uint16(lo), uint16(hi)} }

// bytes returns the bytes of r.
func (b *nameBuilder) bytes(r ref) []byte { return b.out[r.lo:r.hi] }

// markOnly reports whether a token's key has no consonant: Yi, Yo, O.
func (b *nameBuilder) markOnly(t tokenBuild) bool {
	for _, c := range b.bytes(t.key[0]) {
		if c != fkVowel && c != fkGlide && c != fkGlideJ {
			return false
		}
	}
	return true
}

// spanKeys returns the keys of tokens run together in both readings.
func (b *nameBuilder) spanKeys(ts []tokenBuild, rev bool) [2]ref {
	k0 := b.joinKeys(ts, 0, rev)
	for _, t := range ts {
		if t.key[1] != t.key[0] {
			return [2]ref{k0, b.joinKeys(ts, 1, rev)}
		}
	}
	return [2]ref{k0, k0}
}

// joinKeys appends the key of tokens run together in reading r, in reverse
// order if rev: the marks of an initial vowel or glide are dropped inside
// the word, and a letter doubled across the junction counts once.
func (b *nameBuilder) joinKeys(ts []tokenBuild, r int, rev bool) ref {
	start := len(b.out)
	b.k.reset(b.out)
	for j := range ts {
		t := ts[j]
		if rev {
			t = ts[len(ts)-1-j]
		}
		k := b.bytes(t.key[r])
		if j > 0 {
			for len(k) > 0 && (k[0] == fkVowel || k[0] == fkGlide || k[0] == fkGlideJ) {
				k = k[1:]
				b.k.last = 0 // a vowel at the junction
			}
			if len(k) == 0 && !t.particle {
				// a part without consonants in this reading (Jae read
				// as Yae) does not join a word
				b.out = b.out[:start]
				return b.ref(start, start)
			}
		}
		for i, c := range k {
			if i == 0 {
				b.k.emit(c)
			} else {
				b.k.b = append(b.k.b, c)
			}
			b.k.last = c
		}
		if t.vowelEnd {
			b.k.last = 0
		}
		b.out = b.k.b
	}
	return b.ref(start, len(b.out))
}

// coarse appends the key of [Key] for the fine key at o.
func (b *nameBuilder) coarse(o ref) ref {
	start := len(b.out)
	var prev byte
	for i := o.lo; i < o.hi; i++ {
		f := b.out[i]
		c := coarseOf(f)
		if i > o.lo && c == coarseOf(prev) && f != prev && !isSibilant(f) {
			prev = f
			continue // a coda liquid or nasal before a letter of its class: Berlin
		}
		b.out = append(b.out, c)
		prev = f
	}
	return b.ref(start, len(b.out))
}

// keepAlnum keeps the ASCII letters and digits of b, lowercased, in place.
func keepAlnum(b []byte) []byte {
	out := keepAlnumCase(b)
	for i, c := range out {
		if 'A' <= c && c <= 'Z' {
			out[i] = c + 'a' - 'A'
		}
	}
	return out
}

// keepAlnumCase keeps the ASCII letters and digits of b, in place.
func keepAlnumCase(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			out = append(out, c)
		}
	}
	return out
}

// isTranscription reports whether a run of Han characters transcribes a
// foreign name: it has a character that Chinese transcriptions use for its
// sound and Chinese names hardly ever (斯, 尔, 夫, 娃 …; first, one that is
// not also a family name: 拜登, but 罗 may start a Chinese name).
func isTranscription(text string) bool {
	for i, r := range text {
		if strings.ContainsRune(transcriptionChars, r) && (i > 0 || !surnames()[0][text[:utf8.RuneLen(r)]]) {
			return true
		}
	}
	return false
}

// transcriptionChars are characters of the Xinhua transcription table for
// foreign names that Chinese given names rarely use.
const transcriptionChars = "尔爾斯夫姆兹茨娃莱萊罗羅洛萨薩塔特托瓦迪蒂贝貝布拜奥奧乌烏埃卡科库庫拉勒卢盧鲁魯玛瑪迈邁纳納尼诺諾帕塞舍什索坦图圖沃约約扎肯普"

// hasContinental reports whether a Latin romanization has a letter that the
// continental reading (modeAlt) reads differently: j, w or c.
func hasContinental(roman []byte) bool {
	for _, c := range roman {
		if c == 'j' || c == 'w' || c == 'c' {
			return true
		}
	}
	return false
}
