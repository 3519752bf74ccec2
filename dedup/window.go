package dedup

import (
	"cmp"
	"container/heap"
	"slices"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// Candidate retrieval parameters. They bound the work per document, whatever
// the size of the window; none was fitted. They were chosen for speed as
// generous bounds, and a one-constant sweep (eventdedup eval --gold
// ecbplus-dev.jsonl --orders 2, and the cluster output of dev-events.jsonl;
// 6 Dec 2026) shows where results hold:
//
//   - postKeys: BCubed F1 0.841–0.869 over the orders at 12 and 24,
//     0.844–0.869 at 8 and 48 (other columns of the table change);
//     dev-events output unchanged for 8–48.
//   - queryKeys: BCubed F1 unchanged for 4–24 (other columns of the table
//     change); dev-events output unchanged.
//   - postingScan: output identical for 32–1024; it bounds the postings read
//     per key on long streams, which these sets are not.
//   - maxCandidates: output identical for 4–16; at 2 BCubed F1 moves to
//     0.844–0.867.
//   - maxDupChecks: BCubed F1 unchanged for 1–16, though other columns of
//     the table change; dev-events output unchanged.
const (
	postKeys      = 24  // most informative keys of each kind a document is found by
	queryKeys     = 12  // most informative keys of each kind a document is looked up by
	postingScan   = 256 // newest postings read per key
	maxCandidates = 8   // clusters scored in full
	maxDupChecks  = 8   // documents compared for near-duplication
)

// window is what new documents are compared with: the open clusters, their
// documents, the postings of the documents' feature keys, and the rarity
// statistics. It is not safe for concurrent use.
type window struct {
	width     time.Duration // of one event
	lateness  time.Duration // allowed, behind the watermark
	maxDocs   int
	st        *features.Stats
	docs      map[string]*doc      // documents of open clusters
	open      clusterHeap          // open clusters, the one with the oldest newest member first
	bySeq     map[int]*openCluster // open clusters by number
	postings  map[uint64][]*doc
	watermark time.Time // newest publication time seen
}

func newWindow(cfg config) *window {
	return &window{
		width: cfg.window, lateness: cfg.lateness, maxDocs: cfg.maxDocs,
		st: features.NewStats(), docs: make(map[string]*doc), bySeq: make(map[int]*openCluster), postings: make(map[uint64][]*doc),
	}
}

// at returns the time a document is placed at: its publication time, or the
// watermark when it has none.
func (w *window) at(published time.Time) time.Time {
	if published.IsZero() {
		return w.watermark
	}
	return published
}

// near reports whether two documents are close enough in publication time
// to report one event; an undated document is near any other.
func (w *window) near(a, b *doc) bool {
	if a.Published.IsZero() || b.Published.IsZero() {
		return true
	}
	gap := a.Published.Sub(b.Published)
	return gap <= w.width && gap >= -w.width
}

// eligible reports whether d may join cluster c: when either is undated
// (c when all its members are), or when d is published within the window
// of c's dated members' span.
func (w *window) eligible(d *doc, c *openCluster) bool {
	if d.Published.IsZero() || c.last.IsZero() {
		return true
	}
	return !d.Published.Before(c.first.Add(-w.width)) && !d.Published.After(c.last.Add(w.width))
}

// candidates returns the clusters d may join, most promising first, and the
// documents found, most like it first. Both come from the
// postings of d's most informative keys, restricted to the time window: a
// document is found by a key that is among the most informative of both.
func (w *window) candidates(d *doc) ([]*openCluster, []*doc) {
	hits := make(map[*doc]float64)
	for _, g := range d.indexKeys() {
		g = g[:min(len(g), queryKeys)]
		sum := 0.0
		for _, kw := range g {
			sum += float64(kw.w)
		}
		for _, kw := range g {
			q := float64(kw.w) / sum // each kind of key weighs the same in the query
			ps := w.postings[kw.k]
			for j := len(ps) - 1; j >= 0 && j >= len(ps)-postingScan; j-- {
				if p := ps[j]; w.near(d, p) {
					hits[p] += q
				}
			}
		}
	}
	type hit struct {
		d *doc
		q float64
	}
	hs := make([]hit, 0, len(hits))
	for p, q := range hits {
		hs = append(hs, hit{p, q})
	}
	slices.SortFunc(hs, func(a, b hit) int {
		if c := cmp.Compare(b.q, a.q); c != 0 {
			return c
		}
		return cmp.Compare(a.d.Seq, b.d.Seq)
	})
	docs := make([]*doc, len(hs))
	for i, h := range hs {
		docs[i] = h.d
	}
	var cls []*openCluster
	seen := make(map[*openCluster]bool)
	for _, p := range docs {
		if !seen[p.cl] && w.eligible(d, p.cl) {
			seen[p.cl] = true
			cls = append(cls, p.cl)
			if len(cls) == maxCandidates {
				break
			}
		}
	}
	return cls, docs
}

// add puts a weighted document into cluster c, which is new when not yet
// open.
func (w *window) add(d *doc, c *openCluster) {
	w.docs[d.ID] = d
	for _, g := range d.indexKeys() {
		for _, kw := range g {
			w.postings[kw.k] = append(w.postings[kw.k], d)
		}
	}
	isNew := c.docs == nil
	c.add(d)
	if isNew {
		heap.Push(&w.open, c)
		w.bySeq[c.seq] = c
	} else {
		heap.Fix(&w.open, c.heapIndex)
	}
	if d.Published.After(w.watermark) {
		w.watermark = d.Published
	}
}

// horizon is the time before which the clusters of the window are evicted:
// the watermark less the window and the allowed lateness. A document
// published at or after the watermark less the lateness finds all the
// clusters it may join in memory.
func (w *window) horizon() time.Time { return w.watermark.Add(-w.width - w.lateness) }

// evict evicts the clusters whose newest document is older than the horizon
// (the time of an undated document is the watermark when it arrived) and,
// while the window holds more than maxDocs documents, those whose newest
// document is oldest; it forgets their documents.
func (w *window) evict() {
	limit := w.horizon()
	for len(w.open) > 0 && (w.open[0].lastAt.Before(limit) || len(w.docs) > w.maxDocs) {
		c := heap.Pop(&w.open).(*openCluster)
		delete(w.bySeq, c.seq)
		for _, d := range c.docs {
			w.remove(d)
		}
	}
}

// absorb moves the members of cluster from into cluster into, which
// survives, and closes from.
func (w *window) absorb(into, from *openCluster) {
	heap.Remove(&w.open, from.heapIndex)
	delete(w.bySeq, from.seq)
	for _, d := range from.docs {
		into.add(d)
	}
	heap.Fix(&w.open, into.heapIndex)
}

// remove forgets a document of a closed cluster.
func (w *window) remove(d *doc) {
	delete(w.docs, d.ID)
	w.st.Update(d.Doc, -1)
	for _, g := range d.indexKeys() {
		for _, kw := range g {
			ps := w.postings[kw.k]
			if j := slices.Index(ps, d); j >= 0 {
				ps = slices.Delete(ps, j, j+1)
			}
			if len(ps) == 0 {
				delete(w.postings, kw.k)
			} else {
				w.postings[kw.k] = ps
			}
		}
	}
}

// clusterHeap orders open clusters by the time of their newest member, then
// by creation.
type clusterHeap []*openCluster

func (h clusterHeap) Len() int { return len(h) }
func (h clusterHeap) Less(i, j int) bool {
	if !h[i].lastAt.Equal(h[j].lastAt) {
		return h[i].lastAt.Before(h[j].lastAt)
	}
	return h[i].seq < h[j].seq
}
func (h clusterHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].heapIndex, h[j].heapIndex = i, j
}
func (h *clusterHeap) Push(x any) {
	c := x.(*openCluster)
	c.heapIndex = len(*h)
	*h = append(*h, c)
}
func (h *clusterHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	c.heapIndex = -1
	return c
}

// keyWeight is a feature key with its weight.
type keyWeight struct {
	k uint64
	w float32
}

// heaviestKeys returns a copy of the n heaviest keys of v that keep
// accepts (nil for all), heaviest first, ties by key; it sorts them in
// scratch.
func heaviestKeys(scratch []keyWeight, v features.Vec, n int, keep func(i int) bool) []keyWeight {
	// The n heaviest are kept sorted as the keys go by, rather than all
	// sorted: a document has hundreds of keys and n is some twenty.
	if n <= 0 {
		return nil
	}
	top := scratch[:0]
	for i, k := range v.K {
		if keep != nil && !keep(i) {
			continue
		}
		kw := keyWeight{k, v.W[i]}
		if len(top) == n && !heavier(kw, top[n-1]) {
			continue
		}
		j, _ := slices.BinarySearchFunc(top, kw, func(t, kw keyWeight) int {
			if heavier(kw, t) {
				return 1
			}
			return -1
		})
		if len(top) < n {
			top = append(top, keyWeight{})
		}
		copy(top[j+1:], top[j:len(top)-1])
		top[j] = kw
	}
	if len(top) == 0 {
		return nil
	}
	return slices.Clone(top)
}

// heavier reports whether a comes before b among the heaviest keys: by
// weight, ties by key.
func heavier(a, b keyWeight) bool {
	return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.k, b.k)) < 0
}

// indexKeys returns, for each kind of key (terms, surface words, strong and
// weak entities), the postKeys heaviest keys of d, heaviest first. They
// depend only on d, and are computed once.
func (d *doc) indexKeys() [4][]keyWeight {
	if d.index != nil {
		return *d.index
	}
	// The keys are sorted in one scratch slice, and the heaviest copied
	// out: the index keeps postKeys keys of each kind, not the capacity of
	// all.
	scratch := make([]keyWeight, 0, max(len(d.Terms.K), len(d.Surface.K), len(d.Ents.K)))
	heaviest := func(v features.Vec, keep func(i int) bool) []keyWeight {
		return heaviestKeys(scratch, v, postKeys, keep)
	}
	d.index = &[4][]keyWeight{
		heaviest(d.Terms, nil),
		heaviest(d.Surface, nil),
		heaviest(d.Ents, func(i int) bool { return !d.EntWeak[i] }),
		heaviest(d.Ents, func(i int) bool { return d.EntWeak[i] }),
	}
	return *d.index
}
