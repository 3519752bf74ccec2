package lang

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/eventdedup/eventdedup/internal/corpustest"
	"github.com/pemistahl/lingua-go"
)

// labelled is a text with its gold language subtag.
type labelled struct {
	id, gold, text string
}

// readJSONL calls fn with every line of a JSON Lines file.
func readJSONL(tb testing.TB, path string, fn func([]byte) error) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		if err := fn(sc.Bytes()); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
}

// testdataDocs reads a file of testdata written for this package: id, gold,
// title and (optional) text. A title and its text are one document.
func testdataDocs(tb testing.TB, name string) []labelled {
	var docs []labelled
	readJSONL(tb, "../testdata/"+name, func(line []byte) error {
		var d struct{ ID, Gold, Title, Text string }
		err := json.Unmarshal(line, &d)
		docs = append(docs, labelled{d.ID, d.Gold, strings.TrimSpace(d.Title + "\n" + d.Text)})
		return err
	})
	return docs
}

// semEvalDocs returns every article of the SemEval pairs of the development
// corpus once (see package corpustest).
func semEvalDocs(tb testing.TB) []labelled {
	var docs []labelled
	seen := map[string]bool{}
	readJSONL(tb, corpustest.Path(tb, "semeval-pairs-dev.jsonl"), func(line []byte) error {
		var p struct {
			A, B struct{ ID, Lang, Text string }
		}
		err := json.Unmarshal(line, &p)
		for _, a := range []struct{ ID, Lang, Text string }{p.A, p.B} {
			if !seen[a.ID] {
				seen[a.ID] = true
				docs = append(docs, labelled{a.ID, a.Lang, a.Text})
			}
		}
		return err
	})
	return docs
}

// tally counts correct answers per gold language.
type tally map[string][2]int // gold → {correct, total}

func (t tally) add(gold string, ok bool) {
	c := t[gold]
	c[1]++
	if ok {
		c[0]++
	}
	t[gold] = c
}

func (t tally) accuracy() float64 {
	ok, n := 0, 0
	for _, c := range t {
		ok += c[0]
		n += c[1]
	}
	return float64(ok) / float64(max(n, 1))
}

func (t tally) String() string {
	langs := make([]string, 0, len(t))
	for l := range t {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	var b strings.Builder
	for _, l := range langs {
		fmt.Fprintf(&b, "%s %d/%d  ", l, t[l][0], t[l][1])
	}
	fmt.Fprintf(&b, "overall %.4f", t.accuracy())
	return b.String()
}

// measure detects every document and reports the errors with logf.
func measure(docs []labelled, detect func(string) string, logf func(string, ...any)) tally {
	t := tally{}
	for _, d := range docs {
		got := detect(d.text)
		t.add(d.gold, got == d.gold)
		if got != d.gold && logf != nil {
			logf("%s: got %s, want %s: %.60q", d.id, got, d.gold, d.text)
		}
	}
	return t
}

func TestTitleAccuracy(t *testing.T) {
	docs := testdataDocs(t, "lang-titles.jsonl")
	if *compareLingua {
		t.Logf("lingua FromAllLanguages: %v", measure(docs, linguaDetect, t.Logf))
	}
	for _, tc := range []struct {
		name string
		d    *Detector
		min  float64
	}{
		{"news languages", New(), 0.975},
		{"low accuracy", New(WithLowAccuracy()), 0.975},
		{"high accuracy", New(WithHighAccuracy()), 0.975},
		{"all languages", New(WithAllLanguages()), 0.95},
	} {
		got := measure(docs, func(s string) string { return tc.d.Detect(s).String() }, t.Logf)
		t.Logf("%s: %v", tc.name, got)
		if got.accuracy() < tc.min {
			t.Errorf("%s: title accuracy %.4f, want at least %.4f", tc.name, got.accuracy(), tc.min)
		}
	}
}

// TestArticleAccuracy checks the Detector on the articles of testdata (about
// 2 KB each, five languages): at that length every one must be right.
func TestArticleAccuracy(t *testing.T) {
	docs := testdataDocs(t, "lang-articles.jsonl")
	if len(docs) == 0 {
		t.Fatal("no articles in lang-articles.jsonl")
	}
	d := New()
	got := measure(docs, func(s string) string { return d.Detect(s).String() }, t.Errorf)
	t.Logf("articles: %v", got)
}

var compareLingua = flag.Bool("lingua", false,
	"measure lingua-go FromAllLanguages() in the accuracy tests too (about a minute and 1.7 GB)")

// TestSemEvalAccuracy measures the Detector on the real articles of the
// development corpus. lingua-go's FromAllLanguages() gets all of them right
// (run with -lingua to measure it again); the Detector must not do worse.
func TestSemEvalAccuracy(t *testing.T) {
	docs := semEvalDocs(t)
	want := 1.0
	if *compareLingua {
		base := measure(docs, linguaDetect, t.Logf)
		t.Logf("lingua FromAllLanguages: %v", base)
		want = base.accuracy()
	}
	d := New()
	got := measure(docs, func(s string) string { return d.Detect(s).String() }, t.Logf)
	t.Logf("lang.Detector: %v", got)
	if got.accuracy() < want {
		t.Errorf("accuracy %.4f, want at least %.4f (lingua-go FromAllLanguages)", got.accuracy(), want)
	}
}

// linguaAll is lingua-go's detector over all its languages in its default
// (high accuracy) mode: the baseline.
var linguaAll = sync.OnceValue(func() lingua.LanguageDetector {
	return lingua.NewLanguageDetectorBuilder().FromAllLanguages().Build()
})

// linguaDetect returns the subtag of lingua's most likely language.
func linguaDetect(text string) string {
	values := linguaAll().ComputeLanguageConfidenceValues(text)
	if len(values) == 0 || values[0].Value() == 0 {
		return "und"
	}
	return fromLingua(values[0].Language()).String()
}
