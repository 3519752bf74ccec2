package dedup

import (
	"cmp"
	"container/heap"
	"slices"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// Candidate retrieval parameters. They bound the work per document, whatever
// the size of the window.
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
	retention time.Duration // of open clusters, behind the watermark
	maxDocs   int
	st        *features.Stats
	docs      map[string]*doc // documents of open clusters
	open      clusterHeap     // open clusters, the one with the oldest newest member first
	postings  map[uint64][]*doc
	watermark time.Time // newest publication time seen
}

func newWindow(cfg config) *window {
	return &window{
		width: cfg.window, retention: cfg.retention, maxDocs: cfg.maxDocs,
		st: features.NewStats(), docs: make(map[string]*doc), postings: make(map[uint64][]*doc),
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
	var cls []*openCluster
	seen := make(map[*openCluster]bool)
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
		c := heap.Pop(&w.open).(*openCluster)
		for _, d := range c.docs {
			w.remove(d)
		}
	}
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

// indexKeys returns, for each kind of key (terms, surface words, strong and
// weak entities), the postKeys heaviest keys of d, heaviest first. They
// depend only on d, and are computed once.
func (d *doc) indexKeys() [4][]keyWeight {
	if d.index != nil {
		return *d.index
	}
	heaviest := func(v features.Vec, keep func(i int) bool) []keyWeight {
		var top []keyWeight
		for i, k := range v.K {
			if keep(i) {
				top = append(top, keyWeight{k, v.W[i]})
			}
		}
		slices.SortFunc(top, func(a, b keyWeight) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.k, b.k)
		})
		return slices.Clip(top[:min(len(top), postKeys)])
	}
	all := func(int) bool { return true }
	d.index = &[4][]keyWeight{
		heaviest(d.Terms, all),
		heaviest(d.Surface, all),
		heaviest(d.Ents, func(i int) bool { return !d.EntWeak[i] }),
		heaviest(d.Ents, func(i int) bool { return d.EntWeak[i] }),
	}
	return *d.index
}
