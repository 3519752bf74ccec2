package normalize

import (
	"slices"
	"strings"
	"sync"
)

//go:generate go run gen_common.go -o common_table.go ../../shared/corpus/ecbplus-dev.jsonl ../../shared/corpus/semeval-pairs-dev.jsonl ../../shared/corpus/dev-events.jsonl

// CommonWord reports whether word is an ordinary word of language lang (a
// base language code: "en", "de", "ar"): one that occurs in many of the
// language's documents and, in a cased script, is mostly written in lower
// case inside sentences or, capitalised, is rare in other languages (the
// nouns of German), so that a capitalised "Stadium" in a title, "Polizei"
// or a word of an uncased script such as كورونا is not taken for a name.
// The word is folded first (see [Fold]); a hyphenated word is common when
// each of its parts is.
//
// The lists are built from the document frequencies of words in news
// articles (English, German, Spanish, French, Polish, Turkish, Arabic);
// CommonWord reports false for other languages. Given names frequent in a
// language's press (محمد) count as common: alone, they say little about
// who is meant.
func CommonWord(lang, word string) bool {
	words := commonLists()[lang]
	if len(words) == 0 {
		return false
	}
	f := Fold(word)
	if _, found := slices.BinarySearch(words, f); found {
		return true
	}
	// a compound of common words: Corona-Krise
	if !strings.Contains(f, "-") {
		return false
	}
	for part := range strings.SplitSeq(f, "-") {
		if _, found := slices.BinarySearch(words, part); !found {
			return false
		}
	}
	return true
}

// commonLists splits commonWords once.
var commonLists = sync.OnceValue(func() map[string][]string {
	m := make(map[string][]string, len(commonWords))
	for lang, s := range commonWords {
		m[lang] = strings.Fields(s)
	}
	return m
})
