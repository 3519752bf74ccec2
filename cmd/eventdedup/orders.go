package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/eval"
	"github.com/eventdedup/eventdedup/jsonl"
)

// labelled is a gold document with its label and source, for clustering it
// in several arrival orders.
type labelled struct {
	doc    dedup.Document
	event  string
	lang   string
	source string
}

// readLabelled reads the documents of a gold file with their labels; with
// titleOnly, their texts are dropped (a document without title keeps its
// text's first line as its title).
func readLabelled(path string, titleOnly bool, stderr io.Writer) ([]labelled, error) {
	var out []labelled
	err := readLines(path, func(line int, data []byte) error {
		d, err := jsonl.Parse(data)
		if err != nil {
			fmt.Fprintf(stderr, "%s: line %d: %v\n", path, line, err)
			return nil
		}
		var g struct{ Event, Lang, Source string }
		if err := json.Unmarshal(data, &g); err != nil {
			return fmt.Errorf("%s: line %d: %v", path, line, err)
		}
		if titleOnly {
			d = titleOf(d)
		}
		out = append(out, labelled{doc: d, event: g.Event, lang: g.Lang, source: g.Source})
		return nil
	})
	return out, err
}

// titleOf returns d with its headline alone: the title, or else the first
// line of the text.
func titleOf(d dedup.Document) dedup.Document {
	if d.Title == "" {
		for i, r := range d.Text {
			if r == '\n' {
				d.Title = d.Text[:i]
				break
			}
		}
		if d.Title == "" {
			d.Title = d.Text
		}
	}
	d.Text = ""
	return d
}

// arrivalOrder is one order in which the documents of a gold file are fed.
type arrivalOrder struct {
	name string
	idx  []int // indexes into the documents
}

// arrivalOrders returns the orders eval measures: time order (by
// publication time; undated documents keep their place among the dated ones
// of the file), n random orders (seeds 1 to n), and grouped by source
// (sources in order of first appearance, each in time order).
func arrivalOrders(docs []labelled, n int) []arrivalOrder {
	byTime := timeOrder(docs)
	out := []arrivalOrder{{"time", byTime}}
	for seed := 1; seed <= n; seed++ {
		idx := slices.Clone(byTime)
		r := rand.New(rand.NewPCG(uint64(seed), 0))
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		out = append(out, arrivalOrder{"shuffle-" + strconv.Itoa(seed), idx})
	}
	first := make(map[string]int)
	for _, i := range byTime {
		if _, ok := first[docs[i].source]; !ok {
			first[docs[i].source] = len(first)
		}
	}
	bySource := slices.Clone(byTime)
	slices.SortStableFunc(bySource, func(a, b int) int { return cmp.Compare(first[docs[a].source], first[docs[b].source]) })
	return append(out, arrivalOrder{"source", bySource})
}

// timeOrder sorts the documents by publication time. An undated document
// stays after the dated document that precedes it in the file.
func timeOrder(docs []labelled) []int {
	key := make([]int64, len(docs)) // the time of the document, or of the last dated one before it
	var last int64
	for i, d := range docs {
		if !d.doc.Published.IsZero() {
			last = d.doc.Published.UnixNano()
		}
		key[i] = last
	}
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(key[a], key[b]) })
	return idx
}

// orderResult is the evaluation of one arrival order.
type orderResult struct {
	Order   string      `json:"order"`
	Scores  eval.Scores `json:"scores"`
	Copies  int         `json:"copies"` // documents flagged as near-copies
	Mixed   []string    `json:"mixed_clusters"`
	Largest []purity    `json:"largest"`
	// Rated, for a stream of rated pairs, is how many of them the order
	// puts together.
	Rated    *ratedTogether `json:"rated,omitempty"`
	clusters map[string]string
}

// purity describes one predicted cluster: its size and the share of its
// most frequent gold event.
type purity struct {
	Cluster string  `json:"cluster"`
	Size    int     `json:"size"`
	Event   string  `json:"event"`
	Purity  float64 `json:"purity"`
}

// clusterOrder clusters the documents in one order and evaluates the
// resolved partition.
func clusterOrder(ctx context.Context, docs []labelled, o arrivalOrder, opts ...dedup.Option) (_ orderResult, err error) {
	c, err := dedup.New(opts...)
	if err != nil {
		return orderResult{}, err
	}
	defer func() {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}()
	seq := func(yield func(dedup.Document) bool) {
		for _, i := range o.idx {
			if !yield(docs[i].doc) {
				return
			}
		}
	}
	res := orderResult{Order: o.name, clusters: make(map[string]string)}
	for a, err := range c.AddAll(ctx, seq) {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		if err != nil {
			return res, fmt.Errorf("id %q: %w", a.ID, err)
		}
		res.clusters[a.ID] = a.Cluster
		if a.DuplicateOf != "" {
			res.Copies++
		}
	}
	for id, cl := range res.clusters {
		res.clusters[id] = c.Resolve(cl)
	}
	items := make([]eval.Item, len(docs))
	for i, d := range docs {
		items[i] = eval.Item{ID: d.doc.ID, Gold: d.event, Pred: res.clusters[d.doc.ID], Lang: d.lang}
	}
	res.Scores = eval.Evaluate(items)
	res.Mixed = mixedClusters(items)
	res.Largest = largest(items, 3)
	return res, nil
}

// largest returns the n largest predicted clusters with their purity.
func largest(items []eval.Item, n int) []purity {
	by := make(map[string]map[string]int)
	for _, it := range items {
		if by[it.Pred] == nil {
			by[it.Pred] = make(map[string]int)
		}
		by[it.Pred][it.Gold]++
	}
	var out []purity
	for cl, evs := range by {
		p := purity{Cluster: cl}
		top := 0
		for e, k := range evs {
			p.Size += k
			if k > top || k == top && e < p.Event {
				top, p.Event = k, e
			}
		}
		p.Purity = float64(top) / float64(p.Size)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b purity) int {
		return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(a.Cluster, b.Cluster))
	})
	return out[:min(n, len(out))]
}

// evalOrders clusters a gold file in several arrival orders and prints each
// order's scores and their spread; a file of rated pairs (rated) is
// clustered as one stream of their documents (see readRatedStream), dated
// over datedDays days when that is positive (see dateEvents).
func evalOrders(path string, rated bool, datedDays, n int, titleOnly, asJSON bool, stdout, stderr io.Writer, opts ...dedup.Option) int {
	var (
		docs  []labelled
		pairs []ratedPair
		err   error
	)
	if rated {
		docs, pairs, err = readRatedStream(path, titleOnly, stderr)
		dateEvents(docs, datedDays)
	} else {
		docs, err = readLabelled(path, titleOnly, stderr)
	}
	if err == nil && len(docs) == 0 {
		err = fmt.Errorf("%s: no gold labels", path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	return scoreOrders(docs, pairs, n, titleOnly, asJSON, stdout, stderr, opts...)
}

// scoreOrders clusters docs in several arrival orders and prints each
// order's scores and their spread; with rated pairs of the documents, also
// how many of them each order puts together (see ratedTogether).
func scoreOrders(docs []labelled, rated []ratedPair, n int, titleOnly, asJSON bool, stdout, stderr io.Writer, opts ...dedup.Option) int {
	ctx, stop := signalContext()
	defer stop()
	var results []orderResult
	for _, o := range arrivalOrders(docs, n) {
		r, err := clusterOrder(ctx, docs, o, opts...)
		if err != nil {
			fmt.Fprintf(stderr, "eventdedup eval: %s order: %v\n", o.name, err)
			return exitFailure
		}
		if rated != nil {
			r.Rated = together(rated, r.clusters)
		}
		results = append(results, r)
	}
	lo, hi := results[0].Scores.BCubed.F1, results[0].Scores.BCubed.F1
	for _, r := range results {
		lo, hi = min(lo, r.Scores.BCubed.F1), max(hi, r.Scores.BCubed.F1)
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"orders": results, "f1_spread": hi - lo, "title_only": titleOnly}); err != nil {
			fmt.Fprintf(stderr, "eventdedup eval: write: %v\n", err)
			return exitFailure
		}
		return exitOK
	}
	w := &errWriter{w: stdout}
	fmt.Fprintf(w, "documents %d%s\n", len(docs), map[bool]string{true: ", titles only"}[titleOnly])
	fmt.Fprintf(w, "%-10s %6s %6s %6s %6s %6s %7s %6s  %s\n", "order", "P", "R", "F1", "pairF1", "xling", "copies", "mixed", "largest clusters (size purity)")
	for _, r := range results {
		s := r.Scores
		xl := "n/a"
		if s.CrossLingualPairs > 0 {
			xl = fmt.Sprintf("%.3f", s.CrossLingualRecall)
		}
		fmt.Fprintf(w, "%-10s %6.3f %6.3f %6.3f %6.3f %6s %7d %6d ", r.Order, s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1, s.Pairwise.F1, xl, r.Copies, len(r.Mixed))
		for _, p := range r.Largest {
			fmt.Fprintf(w, " %d %.2f", p.Size, p.Purity)
		}
		fmt.Fprintln(w)
		if t := r.Rated; t != nil {
			fmt.Fprintf(w, "%-10s same-story pairs together %d of %d (%.3f), dissimilar %d of %d (%.3f); %.2f documents in a document's cluster on average\n",
				"", t.SameStory, t.SameStoryPairs, frac(t.SameStory, t.SameStoryPairs), t.Dissimilar, t.DissimilarPairs, frac(t.Dissimilar, t.DissimilarPairs), t.MeanClusterSize)
		}
	}
	fmt.Fprintf(w, "BCubed F1 spread %.3f (min %.3f, max %.3f)\n", hi-lo, lo, hi)
	if w.err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: write: %v\n", w.err)
		return exitFailure
	}
	return exitOK
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
