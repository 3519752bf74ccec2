package dedup

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Index look-ups for documents whose clusters may have been evicted from
// memory. A document published before the watermark less the allowed
// lateness, or without a date, is looked up in the index by its most
// informative entities (names, places, organisations, numbers) and, when
// dated, the days of its window: the clusters of the documents found are
// loaded again into the window if they were evicted.
const (
	recallKeys    = 12  // entities a document is looked up by
	recallHits    = 24  // documents found per look-up
	maxRecallDocs = 256 // newest members of a cluster loaded again
)

// recall loads back into the window the evicted clusters that d may join.
func (c *Clusterer) recall(d *doc) error {
	w := c.win
	if w.watermark.IsZero() || !d.Published.IsZero() && !d.Published.Before(w.watermark.Add(-w.lateness)) {
		return nil // every cluster d may join is in memory
	}
	ids, err := c.store.search(recallQuery(d, w.width), recallHits)
	if err != nil {
		return err
	}
	need := make(map[int]bool)
	for _, id := range ids {
		if i, ok := c.hist.ids[id]; ok {
			need[c.resolve(c.hist.recs[i].cluster)] = true
		}
	}
	// Documents not yet written to the index.
	for _, p := range c.store.pending {
		if p.cl != nil && w.near(d, p) && sharesEntity(d, p) {
			need[c.resolve(p.cl.seq)] = true
		}
	}
	seqs := make([]int, 0, len(need))
	for n := range need {
		if w.bySeq[n] == nil {
			seqs = append(seqs, n)
		}
	}
	slices.Sort(seqs)
	for _, n := range seqs {
		if err := c.reload(n); err != nil {
			return err
		}
	}
	return nil
}

// sharesEntity reports whether two documents have an entity key in common.
func sharesEntity(a, b *doc) bool {
	shared := false
	dot(a.Ents, b.Ents, func(int, int, float64) { shared = true })
	return shared
}

// recallQuery finds the documents that share one of d's most informative
// entities and, when d is dated, were published within the window of it.
func recallQuery(d *doc, width time.Duration) query.Query {
	// d is not weighted yet: its entities are taken by prominence.
	order := make([]int, len(d.Ents.K))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(d.Ents.W[j], d.Ents.W[i]) })
	var ents []query.Query
	for _, i := range order[:min(len(order), recallKeys)] {
		t := bleve.NewTermQuery(kindScope[d.EntKind[i]] + ":" + d.EntKey[i])
		t.SetField("f")
		ents = append(ents, t)
	}
	if len(ents) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	q := query.Query(bleve.NewDisjunctionQuery(ents...))
	if d.Published.IsZero() {
		return q
	}
	var days []query.Query
	for t := d.Published.Add(-width).UTC().Truncate(24 * time.Hour); !t.After(d.Published.Add(width)); t = t.Add(24 * time.Hour) {
		day := bleve.NewTermQuery(dayToken(t))
		day.SetField("f")
		days = append(days, day)
	}
	return bleve.NewConjunctionQuery(q, bleve.NewDisjunctionQuery(days...))
}

// reload loads the evicted cluster number n back into the window, with its
// newest members (maxRecallDocs at most), from the index and from the
// documents not yet written to it.
func (c *Clusterer) reload(n int) error {
	var names []query.Query
	for _, m := range c.mergedInto(n) {
		t := bleve.NewTermQuery(clusterID(m))
		t.SetField("c")
		names = append(names, t)
	}
	ids, err := c.store.search(bleve.NewDisjunctionQuery(names...), 1<<20)
	if err != nil {
		return err
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Compare(c.hist.ids[b], c.hist.ids[a]) })
	docs, err := c.store.load(ids[:min(len(ids), maxRecallDocs)])
	if err != nil {
		return err
	}
	for _, p := range c.store.pending {
		if p.cl != nil && c.resolve(p.cl.seq) == n {
			docs = append(docs, p)
		}
	}
	slices.SortFunc(docs, func(a, b *doc) int { return cmp.Compare(a.Seq, b.Seq) })
	cl := newCluster(n)
	for _, d := range docs {
		if _, ok := c.win.docs[d.ID]; ok {
			continue
		}
		c.win.st.update(d, 1)
		c.win.add(d, cl)
	}
	return nil
}

// search returns the ids of the documents of the index matching q, at most
// size, best first. Batches sent to the index are waited for first.
func (s *store) search(q query.Query, size int) ([]string, error) {
	s.wg.Wait()
	if err := s.failed(); err != nil {
		return nil, err
	}
	res, err := s.idx.Search(bleve.NewSearchRequestOptions(q, size, 0, false))
	if err != nil {
		return nil, fmt.Errorf("dedup: index search: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// load reads documents of the index with their features and assignments.
func (s *store) load(ids []string) ([]*doc, error) {
	out := make([]*doc, 0, len(ids))
	err := s.reader(func(r index.IndexReader) error {
		for _, id := range ids {
			raw, err := field(r, id, "a")
			if err != nil {
				return err
			}
			var a storedAssignment
			if err := json.Unmarshal(raw, &a); err != nil {
				return fmt.Errorf("dedup: stored assignment of %q: %w", id, err)
			}
			x, err := field(r, id, "x")
			if err != nil {
				return err
			}
			d := &doc{
				ID: a.ID, Seq: a.Seq, Lang: a.Lang, Published: a.Published, At: a.At, Cluster: clusterID(a.Cluster),
				New: a.New, Score: a.Score, DuplicateOf: a.DuplicateOf, FP: a.FP,
			}
			if err := decodeFeatures(x, d); err != nil {
				return fmt.Errorf("dedup: stored features of %q: %w", id, err)
			}
			out = append(out, d)
		}
		return nil
	})
	return out, err
}
