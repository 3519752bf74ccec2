// Package speedcorpus builds the corpus the speed of clustering is measured
// on: the real articles of the SemEval-2022 Task 8 pairs in ../shared
// (outside the repository; their texts are not ours to copy), repeated with
// their publication times shifted by 30 days each time, under new ids.
// Within one repetition the articles are spread over 30 days in file order,
// so a stream of n documents spans n/1468 months with the density of real
// news. The stream starts on 1 January 1990 (Start), so that it lies in the
// past up to some 650,000 documents (36 years of 30-day repetitions of the
// 1,468 articles): a 300,000-document stream ends in 2006. Documents dated
// more than a day after the time they are added are not clustered by their
// date (see dedup's Assignment.IgnoredTime); gen.go refuses to write them.
//
// The benchmark BenchmarkCluster of package dedup uses it; gen.go writes the
// corpus as JSON Lines for the command line:
//
//	go run ./dedup/internal/speedcorpus/gen.go -n 30000 > /tmp/speed-30k.jsonl
//	/usr/bin/time -v eventdedup cluster < /tmp/speed-30k.jsonl > /dev/null
package speedcorpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

// Period is the time one repetition of the articles spans, and the shift
// between repetitions.
const Period = 30 * 24 * time.Hour

// Start is the publication time of the first article: early enough that
// long streams stay in the past (see the package documentation).
var Start = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// Articles reads the distinct articles of a pairs file, in order of first
// appearance.
func Articles(r io.Reader) ([]dedup.Document, error) {
	var out []dedup.Document
	seen := make(map[string]bool)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, jsonl.MaxLineBytes)
	for line := 1; sc.Scan(); line++ {
		var p struct{ A, B json.RawMessage }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		for _, raw := range [...]json.RawMessage{p.A, p.B} {
			d, err := jsonl.Parse(raw)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			if !seen[d.ID] {
				seen[d.ID] = true
				out = append(out, d)
			}
		}
	}
	return out, sc.Err()
}

// Build returns n documents: the articles repeated, each repetition shifted
// by Period, with ids "ARTICLE-REPETITION". The language hints of the
// articles are dropped, so that languages are detected.
func Build(articles []dedup.Document, n int) []dedup.Document {
	if len(articles) == 0 {
		return nil
	}
	step := Period / time.Duration(len(articles))
	out := make([]dedup.Document, n)
	for i := range out {
		k, j := i/len(articles), i%len(articles)
		d := articles[j]
		d.ID = fmt.Sprintf("%s-%d", d.ID, k)
		d.Published = Start.Add(time.Duration(k)*Period + time.Duration(j)*step)
		d.Lang = language.Und
		out[i] = d
	}
	return out
}

// Load reads the articles of the pairs file at path and builds n documents.
func Load(path string, n int) ([]dedup.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	articles, err := Articles(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return Build(articles, n), nil
}
