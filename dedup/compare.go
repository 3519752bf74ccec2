package dedup

import (
	"cmp"
	"context"
	"iter"
	"math"
	"runtime"
	"slices"
	"sync"
)

// Pair is two documents to compare.
type Pair struct{ A, B Document }

// Compare scores two documents against each other, as CompareAll does for
// one pair. It does not add them.
func (c *Clusterer) Compare(a, b Document) (Comparison, error) {
	for r, err := range c.CompareAll(context.Background(), []Pair{{a, b}}) {
		return r, err
	}
	panic("unreachable: CompareAll yields one result per pair")
}

// CompareAll scores pairs of documents against each other without adding
// them. Features are weighted by their rarity among the documents of the
// window together with all the documents of the pairs, so that a batch of
// pairs compared on an empty Clusterer still tells rare names from common
// words. A document appearing in several pairs (by ID) counts once. Features
// are extracted on all CPUs. It yields one comparison or error per pair, in
// order.
//
// Same is the clustering decision: the similarity of one document to a
// cluster of the other reaches the threshold. Score is graded for ranking
// and correlation with human judgements: the mean of the square roots of
// that similarity (without its time factor) and of the cosines of
// character n-grams (documents of one script) and of content terms (one
// language), features near the headline and lead counting more, times the
// time factor when both documents are dated. See pairscore.go.
func (c *Clusterer) CompareAll(ctx context.Context, pairs []Pair) iter.Seq2[Comparison, error] {
	return func(yield func(Comparison, error) bool) {
		var docs []Document
		index := make(map[string]int)
		for _, p := range pairs {
			for _, d := range [...]Document{p.A, p.B} {
				if _, ok := index[d.ID]; !ok {
					index[d.ID] = len(docs)
					docs = append(docs, d)
				}
			}
		}
		jobs := make([]*job, 0, len(docs))
		for j := range c.prepareAll(ctx, slices.Values(docs)) {
			jobs = append(jobs, j)
		}
		pds := c.pairFeatures(jobs)
		for _, r := range c.compare(pairs, index, jobs, pds) {
			if !yield(r.cmp, r.err) {
				return
			}
		}
	}
}

type compared struct {
	cmp Comparison
	err error
}

// pairFeatures extracts the features of the graded score of the prepared
// documents, on all CPUs: nil for a document that failed.
func (c *Clusterer) pairFeatures(jobs []*job) []*pairDoc {
	out := make([]*pairDoc, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := range next {
				if j := jobs[i]; j.err == nil {
					out[i] = c.x.pairFeatures(j.d, j.p.d.Lang)
				}
			}
		})
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// compare scores prepared pairs under the lock.
func (c *Clusterer) compare(pairs []Pair, index map[string]int, jobs []*job, pds []*pairDoc) []compared {
	out := make([]compared, len(pairs))
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		for i := range out {
			out[i].err = ErrClosed
		}
		return out
	}
	st := c.win.st
	ds := make([]*doc, len(jobs))
	for i, j := range jobs {
		if j.err == nil {
			ds[i] = j.p.d
			ds[i].attest(st)
		}
	}
	for _, d := range ds {
		if d != nil {
			st.update(d, 1)
		}
	}
	for _, d := range ds {
		if d != nil {
			d.weigh(st)
		}
	}
	// Grams are weighted by their rarity among the compared documents, words
	// as the clustering terms.
	gdf := make(map[uint64]int32)
	ng := 0
	for _, p := range pds {
		if p != nil {
			ng++
			for _, k := range p.grams.K {
				gdf[k]++
			}
		}
	}
	for i, p := range pds {
		if p == nil {
			continue
		}
		nl := st.n[ds[i].Lang]
		p.grams = weighLog(p.grams, func(k uint64) float64 { return math.Log(float64(ng+priorDocs) / float64(gdf[k]+1)) })
		p.words = weighLog(p.words, func(k uint64) float64 { return st.idf(k, nl) })
	}
	defer func() {
		for _, d := range ds {
			if d != nil {
				st.update(d, -1)
			}
		}
	}()
	for i, p := range pairs {
		ia, ib := index[p.A.ID], index[p.B.ID]
		if ia >= len(jobs) || ib >= len(jobs) {
			out[i].err = jobs[len(jobs)-1].err // preparation was cancelled
			continue
		}
		if err := cmp.Or(jobs[ia].err, jobs[ib].err); err != nil {
			out[i].err = err
			continue
		}
		a, b := ds[ia], ds[ib]
		cl := newCluster(0)
		cl.add(b)
		m := cl.similarity(a, c.cfg.window/2, true)
		ps := scorePair(a, b, pds[ia], pds[ib], m)
		ev := m.evidence()
		ev.Parts["cluster"] = round4(m.score)
		if ps.hasChars {
			ev.Parts["chars"] = round4(ps.chars)
		}
		if ps.hasWords {
			ev.Parts["words"] = round4(ps.words)
		}
		out[i].cmp = Comparison{
			Score:     ps.score,
			Same:      m.score >= c.cfg.threshold,
			Duplicate: a.Sig.jaccard(&b.Sig) >= c.cfg.duplicate,
			Evidence:  ev,
		}
	}
	return out
}
