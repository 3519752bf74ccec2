package lang

import (
	"strings"
	"testing"
)

// benchDetect detects the texts in turn, after one warm-up pass that loads
// the models they need, and reports bytes per second for their mean size.
func benchDetect(b *testing.B, texts []string, detect func(string) string) {
	size := 0
	for _, s := range texts {
		detect(s)
		size += len(s)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		detect(texts[i%len(texts)])
	}
}

func texts(docs []labelled) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.text
	}
	return out
}

// BenchmarkDetect measures the Detector by input size: titles (the title
// set, about 50 bytes), articles of about 2 KB (title and body, five
// languages) and a 50 KB article (the English one repeated).
func BenchmarkDetect(b *testing.B) {
	articles := testdataDocs(b, "lang-articles.jsonl")
	var english string
	for _, a := range articles {
		if a.gold == "en" {
			english = a.text
		}
	}
	long := strings.Repeat(english+"\n\n", 50<<10/len(english)+1)[:50<<10]
	d := New()
	detect := func(s string) string { return d.Detect(s).String() }
	b.Run("title", func(b *testing.B) { benchDetect(b, texts(testdataDocs(b, "lang-titles.jsonl")), detect) })
	b.Run("article-2KB", func(b *testing.B) { benchDetect(b, texts(articles), detect) })
	b.Run("article-50KB", func(b *testing.B) { benchDetect(b, []string{long}, detect) })
}

// BenchmarkSemEval runs the Detector and lingua-go's FromAllLanguages()
// side by side on the real articles of the development corpus (skipped
// without it) and reports their accuracy on the articles each processed.
// lingua is slow: run it with a small -benchtime, for example
// -benchtime=1468x to read every article once.
func BenchmarkSemEval(b *testing.B) {
	docs := semEvalDocs(b)
	d := New()
	for _, c := range []struct {
		name   string
		detect func(string) string
	}{
		{"lang", func(s string) string { return d.Detect(s).String() }},
		{"lingua-all", linguaDetect},
	} {
		b.Run(c.name, func(b *testing.B) {
			size := 0
			for _, doc := range docs {
				size += len(doc.text)
			}
			for _, doc := range docs[:10] {
				c.detect(doc.text) // load the models
			}
			b.SetBytes(int64(size / len(docs)))
			b.ReportAllocs()
			t := tally{}
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				doc := docs[i%len(docs)]
				t.add(doc.gold, c.detect(doc.text) == doc.gold)
			}
			b.ReportMetric(t.accuracy(), "accuracy")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
