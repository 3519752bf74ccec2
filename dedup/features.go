package dedup

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/language"

	// Per-language analyzers, registered with bleve's registry.
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/da"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fa"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hu"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/it"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/nl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/no"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pt"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ro"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/sv"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/tr"

	"github.com/eventdedup/eventdedup/normalize"
)

// kind is the kind of an entity.
type kind uint8

const (
	kindName   kind = iota // a personal or organisation name, as a phonetic key
	kindPlace              // a country, as an ISO 3166 code
	kindNumber             // a number of two or more digits, or "N+N"
)

// Entity keys are scoped by kind so that a number never matches a name.
var kindScope = [...]string{kindName: "n", kindPlace: "p", kindNumber: "#"}

// mention is an entity of a document, before rarity weighting.
type mention struct {
	kind  kind
	weak  bool // a name candidate from an uncased script (see doc.go)
	count int
	title bool
	key   string // the name key, country code or number
	text  string // as written in the document, for evidence
}

// extracted are the features of one document before rarity weighting.
type extracted struct {
	lang     string             // base language subtag, "und" if unknown
	terms    map[string]float64 // analyzed content terms → count, title twice
	surface  map[string]float64 // "script:word" → count, title twice (see doc.Surface)
	script   string             // the dominant script, as an ISO 15924 code
	mentions map[uint64]*mention
	sig      signature
}

// Minimum lengths of name keys (consonants): capitalised words are names by
// their spelling; words of uncased scripts only by their rarity, so they need
// longer, more specific keys.
const (
	minKeyStrong = 2
	minKeyWeak   = 3
)

// memoCap bounds the per-worker caches of word analyses and gazetteer
// lookups.
const memoCap = 1 << 15

// memo caches the results of a pure function of a word.
type memo[V any] struct {
	m map[string]V
	f func(string) V
}

func newMemo[V any](f func(string) V) *memo[V] {
	return &memo[V]{m: make(map[string]V), f: f}
}

func (m *memo[V]) get(s string) V {
	if v, ok := m.m[s]; ok {
		return v
	}
	v := m.f(s)
	if len(m.m) >= memoCap {
		clear(m.m)
	}
	m.m[strings.Clone(s)] = v
	return v
}

// wordInfo is what entity extraction needs to know about a word.
type wordInfo struct {
	// folded is the folded word, the form looked up in the gazetteer as part
	// of a phrase; bare is it without possessive ending, clitics or
	// particles, the form looked up alone.
	folded, bare string
	// names are the forms of the word that may be a name, with their keys:
	// none for a title word (minister, وزير), two for an Arabic word with
	// a letter that may be a clitic (بلينكن is Blinken, وبلينكن "and
	// Blinken").
	names []keyed
}

// keyed is a form of a word with its phonetic key.
type keyed struct{ surface, key string }

func analyzeWord(w string) wordInfo {
	f := normalize.Fold(w)
	info := wordInfo{folded: f, bare: f}
	forms := []string{w}
	r, _ := utf8.DecodeRuneInString(w)
	switch scriptOfRune(r) {
	case scriptLatin, scriptCyrillic, scriptGreek:
		if name := nameOfElided(w); name != w {
			forms[0] = name
			info.bare = normalize.Fold(name)
		}
	case scriptArabic:
		if s := stripProclitics(f); s != f {
			info.bare = s
			forms = append(forms, s)
		}
	case scriptHangul:
		info.bare = stripParticles(f)
		forms[0] = info.bare
	}
	for _, form := range forms {
		if n := normalize.ParseName(form); len(n.Keys) == 0 {
			continue // a title, or no letters
		}
		info.names = append(info.names, keyed{surface: form, key: normalize.Key(form)})
	}
	return info
}

// nameOfElided returns the capitalised part of a word with an apostrophe:
// "Blinken" of "Blinken's", "Ankara" of "Ankara'da", "Europe" of "l'Europe";
// words capitalised on both sides ("O'Brien") stay whole.
func nameOfElided(w string) string {
	i := strings.IndexAny(w, "'’")
	if i < 0 {
		return w
	}
	before, after := w[:i], w[i+utf8.RuneLen([]rune(w[i:])[0]):]
	up := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return unicode.IsUpper(r)
	}
	switch {
	case up(before) && !up(after):
		return before
	case !up(before) && up(after):
		return after
	}
	return w
}

// scratch holds one worker's caches.
type scratch struct {
	words *memo[wordInfo]
	place *memo[string] // folded phrase → country code or ""
}

// extractor turns documents into features. It is safe for concurrent use.
type extractor struct {
	byLang  map[string]analysis.Analyzer
	std     analysis.Analyzer
	scratch sync.Pool
}

// analyzerNames maps base languages to bleve analyzer names.
var analyzerNames = map[string]string{
	"ar": "ar", "da": "da", "de": "de", "en": "en", "es": "es", "fa": "fa", "fi": "fi", "fr": "fr", "hi": "hi",
	"hu": "hu", "it": "it", "nl": "nl", "no": "no", "nb": "no", "pl": "pl", "pt": "pt", "ro": "ro", "ru": "ru",
	"sv": "sv", "tr": "tr", "zh": "cjk", "ja": "cjk", "ko": "cjk",
}

func newExtractor() (*extractor, error) {
	cache := registry.NewCache()
	x := &extractor{byLang: make(map[string]analysis.Analyzer)}
	for lang, name := range analyzerNames {
		an, err := cache.AnalyzerNamed(name)
		if err != nil {
			return nil, err
		}
		x.byLang[lang] = an
	}
	std, err := cache.AnalyzerNamed(standard.Name)
	if err != nil {
		return nil, err
	}
	x.std = std
	x.scratch.New = func() any {
		g := places().g
		return &scratch{
			words: newMemo(analyzeWord),
			place: newMemo(func(p string) string {
				code, _ := g.Lookup(p)
				return code
			}),
		}
	}
	return x, nil
}

// baseLang returns the base language subtag of t, or "und".
func baseLang(t language.Tag) string {
	if t == language.Und {
		return "und"
	}
	b, _ := t.Base()
	return b.String()
}

// extract computes the features of a document whose language is known.
func (x *extractor) extract(d Document, lang string) *extracted {
	sc := x.scratch.Get().(*scratch)
	defer x.scratch.Put(sc)
	e := &extracted{
		lang:     lang,
		terms:    make(map[string]float64),
		mentions: make(map[uint64]*mention),
	}
	an := x.std
	if a, ok := x.byLang[lang]; ok {
		an = a
	}
	// The headline says what the event is: its terms count twice.
	for _, part := range [...]string{d.Title, d.Title, d.Text} {
		if part == "" {
			continue
		}
		for _, tok := range an.Analyze([]byte(part)) {
			if len(tok.Term) < 2 || utf8.RuneCount(tok.Term) < 2 && !isCJK(tok.Term) {
				continue
			}
			e.terms[string(tok.Term)]++
		}
	}
	e.surface = make(map[string]float64)
	for t, n := range e.terms {
		if isHan(t) {
			e.surface[scriptCJK.code()+":"+t] = n // Han bigrams
		}
	}
	add := func(k kind, key, text string, title, weak bool) {
		h := tokenHash(kindScope[k], key)
		m := e.mentions[h]
		if m == nil {
			m = &mention{kind: k, weak: weak, key: key, text: text}
			e.mentions[h] = m
		}
		m.count++
		m.title = m.title || title
		m.weak = m.weak && weak
	}
	e.script = entities(sc, d.Title, d.Text, lang, add, func(s script, w string, title bool) {
		if s != scriptCJK && utf8.RuneCountInString(w) >= 3 {
			n := 1.0
			if title {
				n = 2
			}
			e.surface[s.code()+":"+w] += n
		}
	})
	title, text := normalize.Fold(d.Title), normalize.Fold(d.Text)
	findNumbers(title, func(n string) { add(kindNumber, n, n, true, false) })
	findNumbers(text, func(n string) { add(kindNumber, n, n, false, false) })
	e.sig = minhash(title + "\n" + text)
	return e
}

// isHan reports whether s is written in Han characters only.
func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

func isCJK(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return scriptOfRune(r) == scriptCJK
}

// entities finds the countries and the name mentions of a document and
// calls add for each.
//
// In cased scripts (Latin, Cyrillic, Greek) a name is a capitalised word that
// does not also occur in lower case in the document and, at the start of a
// sentence, also occurs capitalised elsewhere; or an acronym. In uncased
// scripts with spaces (Arabic, Hebrew, Hangul) every word is a weak
// candidate; in Japanese, katakana runs; in Chinese, runs of the characters
// used to transcribe foreign names. Weak candidates count only where they
// match (see doc.go). Title words (minister, وزير) and country names are not
// names.
//
// It also calls surf with every word, folded, and returns the script most
// words are written in.
func entities(sc *scratch, title, text, lang string, add func(k kind, key, text string, title, weak bool), surf func(s script, folded string, title bool)) string {
	var ws []word
	titleCase := isTitleCase(title)
	splitWords(title, true, func(w word) {
		w.initial = w.initial || titleCase
		ws = append(ws, w)
	})
	splitWords(text, false, func(w word) { ws = append(ws, w) })

	lower := make(map[string]bool)   // cased words seen in lower case
	capsMid := make(map[string]bool) // capitalised words seen inside a sentence
	for _, w := range ws {
		if !w.script.cased() {
			continue
		}
		s := nameOfElided(w.s)
		r, _ := utf8.DecodeRuneInString(s)
		switch {
		case unicode.IsLower(r):
			lower[strings.ToLower(s)] = true
		case !w.initial:
			capsMid[s] = true
		}
	}
	ps := places()
	maxN := min(ps.g.MaxWords(), 4)
	var counts [scriptCJK + 1]int
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		counts[w.script] += utf8.RuneCountInString(w.s)
		if w.script == scriptCJK {
			cjkEntities(sc, w, lang, add)
			continue
		}
		info := sc.words.get(w.s)
		surf(w.script, info.folded, w.title)
		// Countries, longest match first, so that "south korea" is not
		// also "korea". In cased scripts, names of countries are
		// capitalised: "un" is an article, not the UN.
		matched := 0
		if w.script.cased() {
			if r, _ := utf8.DecodeRuneInString(nameOfElided(w.s)); !unicode.IsUpper(r) {
				matched = -1
			}
		}
		if matched == 0 && ps.multi[info.folded] {
			for n := min(maxN, len(ws)-i); n >= 2 && matched == 0; n-- {
				parts := make([]string, n)
				for j := range parts {
					parts[j] = sc.words.get(ws[i+j].s).folded
				}
				if last := ws[i+n-1]; last.script.cased() {
					parts[n-1] = sc.words.get(last.s).bare // North Korea's
				}
				if code := sc.place.get(strings.Join(parts, " ")); code != "" {
					add(kindPlace, code, code, w.title, false)
					matched = n
				}
			}
		}
		if matched == 0 {
			if code := sc.place.get(info.bare); code != "" {
				add(kindPlace, code, code, w.title, false)
				matched = 1
			}
		}
		if matched > 0 {
			i += matched - 1
			continue
		}
		if matched < 0 {
			continue // lower case: neither a country nor a name
		}
		switch w.script {
		case scriptLatin, scriptCyrillic, scriptGreek:
			s := nameOfElided(w.s)
			r, _ := utf8.DecodeRuneInString(s)
			if !unicode.IsUpper(r) || utf8.RuneCountInString(s) < 2 {
				continue
			}
			if !isUpperWord(s) && (lower[strings.ToLower(s)] || w.initial && !capsMid[s]) {
				continue
			}
			for _, n := range info.names {
				if len(n.key) >= minKeyStrong {
					add(kindName, n.key, n.surface, w.title, false)
				}
			}
		case scriptArabic, scriptHebrew, scriptHangul:
			for _, n := range info.names {
				if len(n.key) >= minKeyWeak {
					add(kindName, n.key, n.surface, w.title, true)
				}
			}
		}
	}
	dominant := scriptOther
	for s, n := range counts {
		if n > counts[dominant] {
			dominant = script(s)
		}
	}
	return dominant.code()
}

// cjkEntities finds countries and name candidates in a word of Chinese or
// Japanese text: katakana runs (foreign names in Japanese) and, in Chinese,
// runs of transcription characters.
func cjkEntities(sc *scratch, w word, lang string, add func(k kind, key, text string, title, weak bool)) {
	places().scanCJK(w.s, func(code, _ string) { add(kindPlace, code, code, w.title, false) })
	name := func(run string) {
		for _, n := range sc.words.get(run).names {
			if len(n.key) >= minKeyWeak {
				add(kindName, n.key, n.surface, w.title, true)
			}
		}
	}
	cjkRuns(w.s, func(run string, class cjkClass) {
		switch {
		case class == cjkKatakana && utf8.RuneCountInString(run) >= 2:
			name(run)
		case class == cjkHan && lang == "zh":
			translitRuns(run, name)
		}
	})
}

// findNumbers calls fn for every number in folded text (digits of every
// script are ASCII after folding) of two or more digits, for decimals, and
// for "N+N" forms. Thousands separators (",", ".", " " before a group of
// three digits) are removed, so that 15,000 and 15.000 are one number.
func findNumbers(folded string, fn func(string)) {
	isDigit := func(i int) bool { return i < len(folded) && folded[i] >= '0' && folded[i] <= '9' }
	run := func(i int) int { // end of the digit run starting at i
		for isDigit(i) {
			i++
		}
		return i
	}
	for i := 0; i < len(folded); {
		if !isDigit(i) {
			i++
			continue
		}
		end := run(i)
		num := folded[i:end]
		if end-i <= 3 {
			for end+1 < len(folded) && strings.IndexByte(",. ", folded[end]) >= 0 {
				next := run(end + 1)
				if next-(end+1) != 3 {
					break
				}
				num += folded[end+1 : next]
				end = next
			}
		}
		switch {
		case end+1 < len(folded) && folded[end] == '+' && isDigit(end+1):
			next := run(end + 1)
			fn(num + "+" + folded[end+1:next])
			end = next
		case end+1 < len(folded) && (folded[end] == '.' || folded[end] == ',') && isDigit(end+1):
			next := run(end + 1)
			fn(num + "." + folded[end+1:next])
			end = next
		case len(num) >= 2:
			fn(num)
		}
		i = end
	}
}
