package features

import (
	"cmp"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/internal/corpustest"
	"github.com/eventdedup/eventdedup/jsonl"
)

// TestFrequentNames lists the names that entity extraction finds in the
// most documents of ecbplus-dev.jsonl and semeval-pairs-dev.jsonl, and
// checks that they are names, not ordinary words (Stadium, Kilometer,
// زلزال): each of the 25 most frequent in a cased script is written
// capitalised in more than three quarters of its occurrences inside
// sentences of the corpus, in any language (Situation is a German noun and
// an English word). Words of names of places (County, South) come close.
// Run with -v to see the lists.
func TestFrequentNames(t *testing.T) {
	for _, name := range []string{"ecbplus-dev.jsonl", "semeval-pairs-dev.jsonl"} {
		t.Run(name, func(t *testing.T) {
			docs := readCorpusDocs(t, corpustest.Path(t, name))
			sc := caches{words: newCache(analyzeWord), phrase: newCache(places().find)}
			df := map[string]int{} // lang:surface → documents
			for _, d := range docs {
				seen := map[string]bool{}
				entities(&sc, d.title, d.text, d.lang, func(k Kind, key, text string, title, weak bool) {
					if k == KindName && !seen[text] {
						seen[text] = true
						df[d.lang+":"+text]++
					}
				}, func(*wordInfo, bool) {}, func(string) {})
			}
			top := make([]string, 0, len(df))
			for s := range df {
				top = append(top, s)
			}
			slices.SortFunc(top, func(a, b string) int { return cmp.Or(df[b]-df[a], strings.Compare(a, b)) })
			top = top[:min(25, len(top))]
			for i, s := range top {
				_, surface, _ := strings.Cut(s, ":")
				lower, upper := caseCounts(docs, surface)
				t.Logf("%2d. %-24s %3d documents, %d in lower case, %d capitalised", i+1, s, df[s], lower, upper)
				if r, _ := utf8.DecodeRuneInString(surface); unicode.IsUpper(r) && lower*4 >= lower+upper {
					t.Errorf("%s: written in lower case %d times of %d: an ordinary word", s, lower, lower+upper)
				}
			}
		})
	}
}

type corpusDoc struct{ lang, title, text string }

// readCorpusDocs reads the documents of a corpus of documents or of pairs.
func readCorpusDocs(t *testing.T, path string) []corpusDoc {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []corpusDoc
	for raw, err := range jsonl.RawLines(f) {
		if err != nil {
			t.Fatal(err)
		}
		var v struct {
			Lang, Title, Text string
			A, B              *struct{ Lang, Text string }
		}
		if err := json.Unmarshal(raw.Data, &v); err != nil {
			t.Fatalf("%s: line %d: %v", path, raw.N, err)
		}
		if v.A != nil && v.B != nil {
			docs = append(docs, corpusDoc{v.A.Lang, "", v.A.Text}, corpusDoc{v.B.Lang, "", v.B.Text})
		} else {
			docs = append(docs, corpusDoc{cmp.Or(v.Lang, "en"), v.Title, v.Text})
		}
	}
	return docs
}

// caseCounts counts the occurrences of word inside sentences of the texts,
// in lower case and capitalised.
func caseCounts(docs []corpusDoc, word string) (lower, upper int) {
	re := regexp.MustCompile(`(?i)(^|[^\pL\pM])(` + regexp.QuoteMeta(word) + `)($|[^\pL\pM])`)
	for _, d := range docs {
		for _, m := range re.FindAllStringSubmatchIndex(d.text, -1) {
			before := strings.TrimRight(d.text[:m[4]], " \t\"'“«(")
			if before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") || strings.HasSuffix(before, "\n") {
				continue // a sentence start
			}
			if r, _ := utf8.DecodeRuneInString(d.text[m[4]:]); unicode.IsLower(r) {
				lower++
			} else {
				upper++
			}
		}
	}
	return lower, upper
}
