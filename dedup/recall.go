package dedup

import (
	"cmp"
	"slices"

	"github.com/eventdedup/eventdedup/dedup/internal/features"

	"github.com/eventdedup/eventdedup/dedup/internal/store"
)

// Index look-ups for documents whose clusters may have been evicted from
// memory. A document published before the watermark less the allowed
// lateness, or without a date, is looked up in the index by its most
// prominent entities (names, places, organisations, numbers) and, when
// dated, the days of its window: the clusters of the documents found are
// loaded again into the window if they were evicted. The documents not yet
// written to the index are looked at too.
//
// The look-up is bounded, so that a stream of late or undated documents
// costs a few index searches per document, not a reload of all that they
// share a word with: the clusters of the best hits are loaded, at most
// recallClusters of them, each with its newest maxRecallDocs members (a
// document is compared with eight members of a cluster at most).
//
// These are work bounds chosen for speed, not fitted: recallKeys and
// recallHits bound the index searches and hits read per late or undated
// document, recallClusters and maxRecallDocs the clusters and members
// loaded back into memory (maxRecallDocs is twice maxLinkMembers, the
// members a document is compared with). The undated two thirds of
// ecbplus-dev.jsonl exercise them; a one-constant sweep (eventdedup eval
// --gold ecbplus-dev.jsonl --orders 2, baseline BCubed F1 0.841–0.869 over
// the orders, and the cluster output of dev-events.jsonl; 6 Dec 2026)
// gives: recallHits 12–48 and maxRecallDocs 8–32 identical output;
// recallKeys 4 unchanged F1 (the dev-events output changes), 16
// 0.842–0.869; recallClusters 2 0.845–0.861, 8 0.841–0.870. Their cost is
// measured on the speed corpus (see README, 30,000 documents out of order
// by months).
const (
	recallKeys     = 8  // entities a document is looked up by
	recallHits     = 24 // documents found per look-up
	recallClusters = 4  // evicted clusters loaded again per document
	maxRecallDocs  = 16 // newest members of a cluster loaded again
)

// recall loads back into the window the evicted clusters that d may join.
// It runs before d is weighted: its entities are taken by prominence.
func (c *Clusterer) recall(d *doc) error {
	w := c.win
	if w.watermark.IsZero() || !d.Published.IsZero() && !d.Published.Before(w.watermark.Add(-w.lateness)) {
		return nil // every cluster d may join is in memory
	}
	from, to := d.Published, d.Published
	if !from.IsZero() {
		from, to = from.Add(-w.width), to.Add(w.width)
	}
	top := prominent(d, w.st)
	tokens := make([]string, len(top))
	keys := make(map[uint64]bool, len(top))
	for j, i := range top {
		tokens[j] = d.EntKind[i].Scope() + ":" + d.EntKey[i]
		keys[d.Ents.K[i]] = true
	}
	ids, err := c.store.Find(tokens, from, to, recallHits)
	if err != nil {
		return err
	}
	// The documents not yet written to the index first, most entities
	// shared first, then the hits of the index, best first.
	type found struct{ cluster, shared int }
	var pending []found
	for _, r := range c.store.Pending() {
		p := &doc{Doc: r.Features}
		if !w.near(d, p) {
			continue
		}
		if n := sharedKeys(keys, p); n > 0 {
			pending = append(pending, found{r.Assignment.Cluster, n})
		}
	}
	slices.SortStableFunc(pending, func(a, b found) int { return cmp.Compare(b.shared, a.shared) })
	var order []int
	for _, f := range pending {
		order = append(order, f.cluster)
	}
	for _, id := range ids {
		if i, ok := c.hist.seq(id); ok {
			order = append(order, c.hist.cluster(i))
		}
	}
	var seqs []int
	for _, n := range order {
		n = c.resolve(n)
		if w.bySeq[n] == nil && !slices.Contains(seqs, n) {
			seqs = append(seqs, n)
			if len(seqs) == recallClusters {
				break
			}
		}
	}
	for _, n := range seqs {
		if err := c.reload(n); err != nil {
			return err
		}
	}
	return nil
}

// prominent returns the indexes of d's most informative entities, at most
// recallKeys: by prominence (d is not weighted yet) times rarity among the
// documents in memory, so that a country every report names does not make
// the look-up read half the index.
func prominent(d *doc, st *features.Stats) []int {
	n := st.Docs("")
	score := make([]float64, len(d.Ents.K))
	order := make([]int, len(d.Ents.K))
	for i, k := range d.Ents.K {
		order[i] = i
		score[i] = float64(d.Ents.W[i]) * st.IDF(k, n)
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(score[j], score[i]) })
	return order[:min(len(order), recallKeys)]
}

// sharedKeys counts the entities of p among keys.
func sharedKeys(keys map[uint64]bool, p *doc) int {
	n := 0
	for _, k := range p.Ents.K {
		if keys[k] {
			n++
		}
	}
	return n
}

// reload loads the evicted cluster number n back into the window, with its
// newest members (maxRecallDocs at most), from the index and from the
// documents not yet written to it.
func (c *Clusterer) reload(n int) error {
	var names []string
	for _, m := range c.mergedInto(n) {
		names = append(names, clusterID(m))
	}
	ids, err := c.store.Members(names, 1<<20)
	if err != nil {
		return err
	}
	seq := func(id string) int32 { i, _ := c.hist.seq(id); return i }
	slices.SortFunc(ids, func(a, b string) int { return cmp.Compare(seq(b), seq(a)) })
	recs, err := c.store.Load(ids[:min(len(ids), maxRecallDocs)])
	if err != nil {
		return err
	}
	for _, r := range c.store.Pending() {
		if c.resolve(r.Assignment.Cluster) == n {
			recs = append(recs, r)
		}
	}
	slices.SortFunc(recs, func(a, b store.Record) int { return cmp.Compare(a.Assignment.Seq, b.Assignment.Seq) })
	cl := newOpenCluster(n)
	for _, r := range recs {
		if _, ok := c.win.docs[r.Assignment.ID]; ok {
			continue
		}
		d := restoredDoc(r.Assignment, r.Features)
		c.win.st.Update(d.Doc, 1)
		c.win.add(d, cl)
	}
	return nil
}
