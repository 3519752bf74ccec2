package features

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fa"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hi"
	"github.com/blevesearch/bleve/v2/analysis/lang/hu"
	"github.com/blevesearch/bleve/v2/analysis/lang/in"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/analysis/lang/pl"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/lang/ro"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/analysis/lang/tr"
	"github.com/blevesearch/bleve/v2/analysis/token/apostrophe"
	"github.com/blevesearch/bleve/v2/analysis/token/elision"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// Analysing a text with bleve's analyzer of its language takes a fifth of
// the time of clustering, most of it in the token filters (lower case, stop
// words, normalization, stemming) of words that recur from document to
// document. When every filter of an analyzer works on each token alone, the
// filters' output for a word is cached (see filterCache): the terms are those
// of the analyzer. The CJK bigram filter joins neighbouring tokens, so the
// analyzers of Chinese, Japanese and Korean are run as they are.

// termsOf returns the terms of text by analyzer an (an.Analyze), using c
// when an's token filters each work on one token (c is nil otherwise).
func termsOf(an analysis.Analyzer, c *filterCache, text []byte) []string {
	da, ok := an.(*analysis.DefaultAnalyzer)
	if c == nil || !ok {
		ts := an.Analyze(text)
		out := make([]string, len(ts))
		for i, t := range ts {
			out[i] = string(t.Term)
		}
		return out
	}
	for _, cf := range da.CharFilters {
		text = cf.Filter(text)
	}
	ts := da.Tokenizer.Tokenize(text)
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		terms, ok := c.get(t.Term)
		if !ok {
			one := analysis.TokenStream{{Term: append([]byte(nil), t.Term...), Start: t.Start, End: t.End, Position: t.Position, Type: t.Type, KeyWord: t.KeyWord}}
			for _, f := range da.TokenFilters {
				one = f.Filter(one)
			}
			terms = make([]string, len(one))
			for i, o := range one {
				terms[i] = string(o.Term)
			}
			c.put(t.Term, terms)
		}
		out = append(out, terms...)
	}
	return out
}

// perToken reports whether every token filter of an analyzer works on each
// token alone, so that its output for a word can be cached. The filters of
// bleve's language analyzers that do (lower case, stop words, and the
// normalizers, stemmers, elision, possessive and apostrophe filters of the
// languages) are listed by their package: a filter of another kind, such as
// the CJK bigram filter, is taken to look at its neighbours.
func perToken(an analysis.Analyzer) bool {
	da, ok := an.(*analysis.DefaultAnalyzer)
	if !ok {
		return false
	}
	for _, f := range da.TokenFilters {
		if !perTokenFilter(f) {
			return false
		}
	}
	return true
}

// perTokenFilter reports whether f is a filter known to work on each token
// alone.
func perTokenFilter(f analysis.TokenFilter) bool {
	switch f.(type) {
	case *lowercase.LowerCaseFilter, *stop.StopTokensFilter, *unicodenorm.UnicodeNormalizeFilter,
		*porter.PorterStemmer, *elision.ElisionFilter, *apostrophe.ApostropheFilter, *en.PossessiveFilter,
		*ar.ArabicNormalizeFilter, *ar.ArabicStemmerFilter, *fa.PersianNormalizeFilter,
		*in.IndicNormalizeFilter, *hi.HindiNormalizeFilter, *hi.HindiStemmerFilter,
		*de.GermanNormalizeFilter, *de.GermanLightStemmerFilter, *es.SpanishNormalizeFilter, *es.SpanishLightStemmerFilter,
		*fr.FrenchLightStemmerFilter, *it.ItalianLightStemmerFilter, *pt.PortugueseLightStemmerFilter,
		*da.DanishStemmerFilter, *fi.FinnishStemmerFilter, *hu.HungarianStemmerFilter, *nl.DutchStemmerFilter,
		*no.NorwegianStemmerFilter, *pl.PolishStemmerFilter, *ro.RomanianStemmerFilter, *ru.RussianStemmerFilter,
		*sv.SwedishStemmerFilter, *tr.TurkishStemmerFilter:
		return true
	}
	return false
}

// filterCacheCap bounds the words a filterCache holds, per language: some
// 4 MB at most. A round number chosen, not tuned: no term depends on it,
// only speed. With it the cluster command took 18% less CPU time on the
// 30,000 documents of the speed corpus (see README, Measured).
const filterCacheCap = 1 << 15

// filterCache memoizes the token filters of one analyzer, by the word as
// the tokenizer gives it. It is safe for concurrent use and sharded to keep
// contention low; a full shard is emptied.
type filterCache struct {
	shards [32]struct {
		mu sync.Mutex
		m  map[string][]string
	}
}

func (c *filterCache) shard(w []byte) int {
	return int(fnv1a.String(fnv1a.Offset, w) % uint64(len(c.shards)))
}

func (c *filterCache) get(w []byte) ([]string, bool) {
	sh := &c.shards[c.shard(w)]
	sh.mu.Lock()
	v, ok := sh.m[string(w)]
	sh.mu.Unlock()
	return v, ok
}

func (c *filterCache) put(w []byte, terms []string) {
	sh := &c.shards[c.shard(w)]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.m == nil || len(sh.m) >= filterCacheCap/len(c.shards) {
		sh.m = make(map[string][]string)
	}
	sh.m[string(w)] = terms
}
