package dedup

import (
	"cmp"
	"container/heap"
	"slices"
	"time"
)

// Candidate retrieval parameters. They bound the work per document, whatever
// the size of the window.
const (
	queryKeys     = 12  // most informative terms, and entities, a document is looked up by
	postingScan   = 256 // newest postings read per key
	maxCandidates = 8   // clusters scored in full
	maxDupChecks  = 8   // documents compared for near-duplication
)

// window is what new documents are compared with: the open clusters, their
// documents, the postings of the documents' feature keys, and the rarity
// statistics. It is not safe for concurrent use.
type window struct {
	width     time.Duration // of one event
	retention time.Duration // of open clusters, behind the watermark
	maxDocs   int
	st        *stats
	docs      map[string]*doc // documents of open clusters
	open      clusterHeap     // open clusters, the one with the oldest newest member first
	postings  map[uint64][]*doc
	watermark time.Time // newest publication time seen
}

func newWindow(cfg config) *window {
	return &window{
		width: cfg.window, retention: cfg.retention, maxDocs: cfg.maxDocs,
		st: newStats(), docs: make(map[string]*doc), postings: make(map[uint64][]*doc),
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

// near reports whether two documents are close enough in time to report one
// event.
func (w *window) near(a, b *doc) bool {
	if a.At.IsZero() || b.At.IsZero() {
		return true
	}
	gap := a.At.Sub(b.At)
	return gap <= w.width && gap >= -w.width
}

// candidates returns the clusters d may join, most promising first, and the
// documents most like it, for near-duplicate checks. Both come from the
// postings of d's most informative keys, restricted to the time window.
func (w *window) candidates(d *doc) ([]*cluster, []*doc) {
	type kw struct {
		k uint64
		w float64
	}
	// pick returns the heaviest keys of v for which keep is true.
	pick := func(v vec, keep func(i int) bool) []kw {
		var ks []kw
		sum := 0.0
		for i, k := range v.K {
			if keep(i) {
				ks = append(ks, kw{k, float64(v.W[i])})
			}
		}
		slices.SortFunc(ks, func(a, b kw) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.k, b.k)
		})
		ks = ks[:min(len(ks), queryKeys)]
		for _, x := range ks {
			sum += x.w
		}
		for i := range ks {
			ks[i].w /= sum // each kind of key weighs the same in the query
		}
		return ks
	}
	hits := make(map[*doc]float64)
	all := func(int) bool { return true }
	strong := func(i int) bool { return !d.EntWeak[i] }
	weak := func(i int) bool { return d.EntWeak[i] }
	for _, q := range slices.Concat(pick(d.Terms, all), pick(d.Surface, all), pick(d.Ents, strong), pick(d.Ents, weak)) {
		ps := w.postings[q.k]
		for i := len(ps) - 1; i >= 0 && i >= len(ps)-postingScan; i-- {
			if p := ps[i]; w.near(d, p) {
				hits[p] += q.w
			}
		}
	}
	docs := make([]*doc, 0, len(hits))
	for p := range hits {
		docs = append(docs, p)
	}
	slices.SortFunc(docs, func(a, b *doc) int {
		if c := cmp.Compare(hits[b], hits[a]); c != 0 {
			return c
		}
		return cmp.Compare(a.Seq, b.Seq)
	})
	var cls []*cluster
	seen := make(map[*cluster]bool)
	for _, p := range docs {
		if !seen[p.cl] {
			seen[p.cl] = true
			cls = append(cls, p.cl)
			if len(cls) == maxCandidates {
				break
			}
		}
	}
	return cls, docs[:min(len(docs), maxDupChecks)]
}

// add puts a weighted document into cluster c, which is new when not yet
// open.
func (w *window) add(d *doc, c *cluster) {
	w.docs[d.ID] = d
	d.keys(func(k uint64) { w.postings[k] = append(w.postings[k], d) })
	isNew := c.docs == nil
	c.add(d)
	if isNew {
		heap.Push(&w.open, c)
	} else {
		heap.Fix(&w.open, c.heapIndex)
	}
	if d.At.After(w.watermark) {
		w.watermark = d.At
	}
}

// evict closes the clusters with no document within the retention of the
// watermark and, while the window holds more than maxDocs documents, those
// whose newest document is oldest; it forgets their documents.
func (w *window) evict() {
	limit := w.watermark.Add(-w.retention)
	for len(w.open) > 0 && (w.open[0].lastAt.Before(limit) || len(w.docs) > w.maxDocs) {
		c := heap.Pop(&w.open).(*cluster)
		for _, d := range c.docs {
			w.remove(d)
		}
	}
}

// remove forgets a document of a closed cluster.
func (w *window) remove(d *doc) {
	delete(w.docs, d.ID)
	w.st.update(d, -1)
	d.keys(func(k uint64) {
		ps := w.postings[k]
		if i := slices.Index(ps, d); i >= 0 {
			ps = slices.Delete(ps, i, i+1)
		}
		if len(ps) == 0 {
			delete(w.postings, k)
		} else {
			w.postings[k] = ps
		}
	})
}

// clusterHeap orders open clusters by the time of their newest member, then
// by creation.
type clusterHeap []*cluster

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
	c := x.(*cluster)
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
