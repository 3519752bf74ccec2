package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/internal/fnv1a"
	"github.com/eventdedup/eventdedup/jsonl"
)

// A file of rated pairs clustered as one stream (eval --orders or
// --title-only on it): the documents of all its pairs, each once, make a
// dense stream of many stories in several languages, undated, the kind of
// stream where a cluster can grow into a topic. Its gold events are those
// the ratings imply: the documents of a same-story pair (overall ≤ 1.5) are
// one event, transitively, and every other document is an event of its
// own. The ratings cover few of the pairs, so two documents of one story
// that no rater paired count against precision: BCubed precision is a
// lower bound. Beside it, eval reports how many of the rated same-story and
// dissimilar pairs each order puts together, and the mean size of a
// document's cluster.

// ratedPair is a rated pair of documents, by id.
type ratedPair struct {
	a, b    string
	overall float64
}

// ratedTogether counts the rated pairs that one clustering puts together.
type ratedTogether struct {
	SameStoryPairs  int     `json:"same_story_pairs"`
	SameStory       int     `json:"same_story_together"`
	DissimilarPairs int     `json:"dissimilar_pairs"`
	Dissimilar      int     `json:"dissimilar_together"`
	MeanClusterSize float64 `json:"mean_cluster_size"` // over documents: the size of each one's cluster
}

// headlineRunes bounds the headline of a rated document without a title
// (see headline).
const headlineRunes = 160

// headline returns d with its headline alone. The documents of rated pairs
// are scraped pages, most without a title and many without line breaks:
// their headline is the title, or else the text up to its first line break
// or double space (where such texts end the headline), cut at a word within
// headlineRunes runes.
func headline(d dedup.Document) dedup.Document {
	if d.Title == "" {
		h, _, _ := strings.Cut(d.Text, "\n")
		h, _, _ = strings.Cut(h, "  ")
		if utf8.RuneCountInString(h) > headlineRunes {
			h = string([]rune(h)[:headlineRunes])
			if k := strings.LastIndexByte(h, ' '); k > 0 {
				h = h[:k]
			}
		}
		d.Title = strings.TrimSpace(h)
	}
	d.Text = ""
	return d
}

// readRatedStream reads the documents of a file of rated pairs, each once
// (the first time its id comes), with the events their ratings imply, and
// the rated pairs. A line that is not a pair of valid documents is reported
// on stderr and skipped.
func readRatedStream(path string, titleOnly bool, stderr io.Writer) ([]labelled, []ratedPair, error) {
	var (
		docs  []labelled
		rated []ratedPair
		index = make(map[string]int)
	)
	add := func(d dedup.Document) {
		if _, ok := index[d.ID]; ok {
			return
		}
		if titleOnly {
			d = headline(d)
		}
		index[d.ID] = len(docs)
		docs = append(docs, labelled{doc: d, lang: d.Lang.String()})
	}
	err := readLines(path, func(line int, data []byte) error {
		var p struct {
			Overall *float64        `json:"overall"`
			A       json.RawMessage `json:"a"`
			B       json.RawMessage `json:"b"`
		}
		if err := json.Unmarshal(data, &p); err != nil || p.Overall == nil {
			fmt.Fprintf(stderr, "%s: line %d: not a rated pair\n", path, line)
			return nil
		}
		a, aerr := jsonl.Parse(p.A)
		b, berr := jsonl.Parse(p.B)
		if aerr != nil || berr != nil {
			fmt.Fprintf(stderr, "%s: line %d: %v\n", path, line, firstErr(aerr, berr))
			return nil
		}
		add(a)
		add(b)
		rated = append(rated, ratedPair{a.ID, b.ID, *p.Overall})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	events := impliedEvents(docs, rated)
	for i := range docs {
		docs[i].event = events[docs[i].doc.ID]
	}
	return docs, rated, nil
}

// datedFrom is the first day of the publication times dateEvents gives.
var datedFrom = time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)

// dateEvents gives the undated documents of a stream publication times, so
// that a dense stream of rated pairs, which carry no dates, is clustered as
// a dated feed is: each event at a time within days days of datedFrom, and
// each of its reports within a day of that, both drawn from hashes of the
// ids (the same in every run and arrival order). Reports of unrelated
// events are then spread evenly over the days, and a report meets those
// published within the window of it. With days ≤ 0 it does nothing.
func dateEvents(docs []labelled, days int) {
	if days <= 0 {
		return
	}
	const day = 24 * time.Hour
	draw := func(id string, span time.Duration) time.Duration {
		return time.Duration(fnv1a.String(fnv1a.Offset, id) % uint64(span))
	}
	for i := range docs {
		d := &docs[i].doc
		if !d.Published.IsZero() {
			continue
		}
		at := datedFrom.Add(draw("event "+docs[i].event, time.Duration(days)*day))
		d.Published = at.Add(draw("report "+d.ID, 2*day) - day)
	}
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// impliedEvents returns the event of each document that the ratings imply:
// the least id of its component of same-story pairs.
func impliedEvents(docs []labelled, rated []ratedPair) map[string]string {
	parent := make(map[string]string, len(docs))
	for _, d := range docs {
		parent[d.doc.ID] = d.doc.ID
	}
	var root func(string) string
	root = func(id string) string {
		for parent[id] != id {
			parent[id] = parent[parent[id]]
			id = parent[id]
		}
		return id
	}
	for _, p := range rated {
		if p.overall <= ratedSameStory {
			ra, rb := root(p.a), root(p.b)
			if rb < ra {
				ra, rb = rb, ra
			}
			parent[rb] = ra
		}
	}
	out := make(map[string]string, len(docs))
	for id := range parent {
		out[id] = root(id)
	}
	return out
}

// together counts the rated pairs that clusters (id → cluster) puts in one
// cluster, and the mean size of a document's cluster.
func together(rated []ratedPair, clusters map[string]string) *ratedTogether {
	t := &ratedTogether{}
	for _, p := range rated {
		one := clusters[p.a] == clusters[p.b]
		switch {
		case p.overall <= ratedSameStory:
			t.SameStoryPairs++
			if one {
				t.SameStory++
			}
		case p.overall >= ratedDissimilar:
			t.DissimilarPairs++
			if one {
				t.Dissimilar++
			}
		}
	}
	size := make(map[string]int)
	for _, cl := range clusters {
		size[cl]++
	}
	for _, cl := range clusters {
		t.MeanClusterSize += float64(size[cl])
	}
	if len(clusters) > 0 {
		t.MeanClusterSize /= float64(len(clusters))
	}
	return t
}

// frac is k/n, 0 when n is 0.
func frac(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(k) / float64(n)
}
