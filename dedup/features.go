package dedup

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/language"

	// Per-language analyzers, registered with bleve's registry.
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/en"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fa"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/it"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/nl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pt"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/tr"

	"github.com/eventdedup/eventdedup/normalize"
)

// features are what a document is compared by. Fields are exported for
// encoding/gob, which persists them.
type features struct {
	ID        string
	Lang      string // BCP 47
	Published time.Time
	Terms     map[string]int    // content terms (analyzed, per language) → count
	Names     map[string]string // phonetic name key → surface form
	Places    map[string]bool   // ISO 3166 codes
	Numbers   map[string]bool   // numbers of two or more digits, and "N+N" forms
	Sig       signature         // MinHash of the folded text
}

// analyzers maps language tags to bleve analyzers.
type analyzers struct {
	cache  *registry.Cache
	byLang map[string]analysis.Analyzer
	std    analysis.Analyzer
}

// analyzerNames maps base languages to bleve analyzer names.
var analyzerNames = map[string]string{
	"ar": "ar", "fa": "fa", "ru": "ru", "de": "de", "fr": "fr", "es": "es", "en": "en", "it": "it",
	"nl": "nl", "pl": "pl", "pt": "pt", "tr": "tr", "zh": "cjk", "ja": "cjk", "ko": "cjk",
}

func newAnalyzers() (*analyzers, error) {
	a := &analyzers{cache: registry.NewCache(), byLang: make(map[string]analysis.Analyzer)}
	for lang, name := range analyzerNames {
		an, err := a.cache.AnalyzerNamed(name)
		if err != nil {
			return nil, err
		}
		a.byLang[lang] = an
	}
	std, err := a.cache.AnalyzerNamed(standard.Name)
	if err != nil {
		return nil, err
	}
	a.std = std
	return a, nil
}

func (a *analyzers) forLang(t language.Tag) analysis.Analyzer {
	base, _ := t.Base()
	if an, ok := a.byLang[base.String()]; ok {
		return an
	}
	return a.std
}

// extract computes the features of a document whose language is known.
func (a *analyzers) extract(d Document, lang language.Tag) *features {
	text := d.Title + "\n" + d.Text
	f := &features{
		ID:        d.ID,
		Lang:      lang.String(),
		Published: d.Published,
		Terms:     make(map[string]int),
		Names:     make(map[string]string),
		Places:    make(map[string]bool),
		Numbers:   make(map[string]bool),
	}
	// The headline says what the event is: count its terms twice.
	for _, part := range []string{d.Title, d.Title, d.Text} {
		for _, tok := range a.forLang(lang).Analyze([]byte(part)) {
			if utf8.RuneCount(tok.Term) < 2 && !isCJK(tok.Term) {
				continue
			}
			f.Terms[string(tok.Term)]++
		}
	}
	extractNames(text, f.Names)
	extractPlaces(text, f.Places)
	extractNumbers(text, f.Numbers)
	f.Sig = minhash(text)
	return f
}

func isCJK(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// words splits text into runs of letters and marks (with internal apostrophes
// and hyphens), keeping each run's script class.
func words(text string, fn func(w string)) {
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(text[start:])
	}
}

// extractNames finds name mentions. In cased scripts these are capitalised
// words; in Arabic, Hebrew and Hangul, words with their clitics and particles
// removed (rarity weighting later separates names from common words); in
// Japanese, katakana runs; in Chinese, Han runs of two to four characters.
func extractNames(text string, out map[string]string) {
	add := func(surface, key string) {
		if utf8.RuneCountInString(key) < 3 {
			return
		}
		if _, ok := out[key]; !ok {
			out[key] = surface
		}
	}
	words(text, func(w string) {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.In(r, unicode.Latin, unicode.Cyrillic, unicode.Greek):
			if unicode.IsUpper(r) && utf8.RuneCountInString(w) >= 3 {
				add(w, normalize.Key(w))
			}
		case unicode.In(r, unicode.Arabic, unicode.Hebrew):
			w = stripProclitics(normalize.Fold(w))
			if utf8.RuneCountInString(w) >= 3 {
				add(w, normalize.Key(w))
			}
		case unicode.Is(unicode.Hangul, r):
			w = stripParticles(w)
			if utf8.RuneCountInString(w) >= 2 {
				add(w, normalize.Key(w))
			}
		default:
			runs(w, func(run string, han bool) {
				if !han {
					add(run, normalize.Key(run))
					return
				}
				rs := []rune(run)
				for n := 2; n <= 4; n++ {
					for i := 0; i+n <= len(rs); i++ {
						s := string(rs[i : i+n])
						add(s, normalize.Key(s))
					}
				}
			})
		}
	})
}

// runs splits a CJK word into runs of Han and of kana.
func runs(w string, fn func(run string, han bool)) {
	start, han := 0, false
	for i, r := range w {
		h := unicode.Is(unicode.Han, r)
		if i > 0 && h != han {
			if utf8.RuneCountInString(w[start:i]) >= 2 {
				fn(w[start:i], han)
			}
			start = i
		}
		han = h
	}
	if utf8.RuneCountInString(w[start:]) >= 2 {
		fn(w[start:], han)
	}
}

// stripProclitics removes Arabic conjunction, preposition and article
// prefixes (و ف ب ك ل ال) from a folded word when enough remains.
func stripProclitics(w string) string {
	for _, p := range []string{"وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return w
}

// stripParticles removes common Korean postpositions from a word.
func stripParticles(w string) string {
	for _, p := range []string{"에서", "으로", "에게", "과", "와", "은", "는", "이", "가", "을", "를", "의", "에", "도", "로"} {
		if rest, ok := strings.CutSuffix(w, p); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return w
}

// extractPlaces finds country names, in any language, as runs of one to
// MaxWords words, and inside CJK runs as substrings.
func extractPlaces(text string, out map[string]bool) {
	g := normalize.Countries()
	var ws []string
	words(normalize.Fold(text), func(w string) { ws = append(ws, w) })
	maxN := min(g.MaxWords(), 4)
	for i := range ws {
		for n := 1; n <= maxN && i+n <= len(ws); n++ {
			phrase := strings.Join(ws[i:i+n], " ")
			if code, ok := g.Lookup(phrase); ok {
				out[code] = true
				continue
			}
			if n == 1 {
				r, _ := utf8.DecodeRuneInString(phrase)
				switch {
				case unicode.Is(unicode.Arabic, r):
					if code, ok := g.Lookup(stripProclitics(phrase)); ok {
						out[code] = true
					}
				case isCJK([]byte(phrase)):
					rs := []rune(phrase)
					for m := 2; m <= 5; m++ {
						for j := 0; j+m <= len(rs); j++ {
							if code, ok := g.Lookup(string(rs[j : j+m])); ok {
								out[code] = true
							}
						}
					}
				}
			}
		}
	}
}

// extractNumbers finds numbers of two or more digits (in any script) and
// "N+N" forms.
func extractNumbers(text string, out map[string]bool) {
	folded := normalize.Fold(text)
	start := -1
	for i := 0; i <= len(folded); i++ {
		isDigit := i < len(folded) && folded[i] >= '0' && folded[i] <= '9'
		if isDigit {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			num := folded[start:i]
			if i+1 < len(folded) && folded[i] == '+' && folded[i+1] >= '0' && folded[i+1] <= '9' {
				out[num+"+"+folded[i+1:i+2]] = true
			}
			if len(num) >= 2 {
				out[num] = true
			}
			start = -1
		}
	}
}
