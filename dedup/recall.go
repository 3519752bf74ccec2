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
const (
	recallKeys    = 12  // entities a document is looked up by
	recallHits    = 24  // documents found per look-up
	maxRecallDocs = 256 // newest members of a cluster loaded again
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
	ids, err := c.store.Find(recallTokens(d), from, to, recallHits)
	if err != nil {
		return err
	}
	need := make(map[int]bool)
	for _, id := range ids {
		if i, ok := c.hist.lookup(id); ok {
			need[c.resolve(c.hist.recs[i].cluster)] = true
		}
	}
	for _, r := range c.store.Pending() {
		p := &doc{Doc: r.Features}
		if w.near(d, p) && sharesEntity(d, p) {
			need[c.resolve(r.Assignment.Cluster)] = true
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

// recallTokens are the index tokens of d's most prominent entities.
func recallTokens(d *doc) []string {
	order := make([]int, len(d.Ents.K))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(d.Ents.W[j], d.Ents.W[i]) })
	var out []string
	for _, i := range order[:min(len(order), recallKeys)] {
		out = append(out, d.EntKind[i].Scope()+":"+d.EntKey[i])
	}
	return out
}

// sharesEntity reports whether two documents have an entity key in common.
func sharesEntity(a, b *doc) bool {
	shared := false
	features.Dot(a.Ents, b.Ents, func(int, int, float64) { shared = true })
	return shared
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
	seq := func(id string) int32 { i, _ := c.hist.lookup(id); return i }
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
