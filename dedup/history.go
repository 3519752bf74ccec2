package dedup

import (
	"math"

	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/dedup/internal/store"
)

// history records every document added, in a compact form that outlives the
// window: enough to answer a repeated id with its assignment and to list the
// clusters. It costs some 100 bytes per document; the features, which cost
// a hundred times more, are only kept in the window.
type history struct {
	ids  map[string]int32 // document id → index in recs
	recs []record         // in order of addition
}

type record struct {
	id        string
	lang      string
	published int64 // Unix seconds, noTime when unknown
	nsec      int32 // and nanoseconds
	score     float64
	cluster   int   // cluster number, from 1
	dup       int32 // 1 + index of the earliest copy, 0 for none
	isNew     bool
	fp        uint64 // fingerprint of the content, never 0

	// for the cluster view (see Cluster): some 150 bytes more
	title, snippet, source, url string
	names                       []NamePair // tying the document to its cluster
	places                      []string
}

// noTime is the published time of a record without one.
const noTime = math.MinInt64

func newHistory() history { return history{ids: make(map[string]int32)} }

// add records a document that was just assigned.
func (h *history) add(d *doc) {
	h.restore(d.assignment())
}

// restore records a stored assignment.
func (h *history) restore(a store.Assignment) {
	r := record{
		id: a.ID, lang: a.Lang, score: a.Score, cluster: a.Cluster, isNew: a.New, fp: a.FP, published: noTime,
		title: a.Title, snippet: a.Snippet, source: a.Source, url: a.URL, names: publicNames(a.Names), places: a.Places,
	}
	if !a.Published.IsZero() {
		// seconds and nanoseconds: Unix nanoseconds overflow before 1678
		// and after 2262, and 0 is a time (1970-01-01)
		r.published, r.nsec = a.Published.Unix(), int32(a.Published.Nanosecond())
	}
	if a.DuplicateOf != "" {
		r.dup = h.ids[a.DuplicateOf] + 1
	}
	h.ids[a.ID] = int32(len(h.recs))
	h.recs = append(h.recs, r)
}

// assignment returns the recorded assignment of the i-th document.
func (h *history) assignment(i int32) Assignment {
	r := h.recs[i]
	a := Assignment{ID: r.id, Cluster: clusterID(r.cluster), New: r.isNew, Score: r.score, Lang: language.Make(r.lang), Repeat: true}
	if r.lang == "und" {
		a.Lang = language.Und
	}
	if r.dup > 0 {
		a.DuplicateOf = h.recs[r.dup-1].id
	}
	return a
}

// clusters lists the clusters among the n created so far that were not
// merged into others; resolve maps a cluster number to the number of the
// cluster it is now part of.
func (h *history) clusters(n int, resolve func(int) int) []Cluster {
	views := make([]clusterView, n)
	for i, r := range h.recs {
		views[resolve(r.cluster)-1].add(h, i)
	}
	merged := make(map[int][]string) // by surviving cluster
	for i := range n {
		if into := resolve(i + 1); into != i+1 {
			merged[into] = append(merged[into], clusterID(i+1))
		}
	}
	out := make([]Cluster, 0, n)
	for i := range views {
		if resolve(i+1) == i+1 {
			cl := views[i].build(clusterID(i + 1))
			cl.Merged = merged[i+1]
			out = append(out, cl)
		}
	}
	return out
}

// assignment is the stored form of d's assignment.
func (d *doc) assignment() store.Assignment {
	return store.Assignment{
		ID: d.ID, Seq: d.Seq, Cluster: d.cl.seq, New: d.New, Score: d.Score, DuplicateOf: d.DuplicateOf,
		Lang: d.Lang, Published: d.Published, At: d.At, FP: d.FP,
		Title: d.Title, Snippet: d.Snippet, Source: d.Source, URL: d.URL, Names: storedNames(d.TieNames), Places: d.TiePlaces,
	}
}

// storedNames and publicNames convert name pairs to and from the stored
// form, which has the same fields; nil stays nil.
func storedNames(ns []NamePair) []store.NamePair {
	if ns == nil {
		return nil
	}
	out := make([]store.NamePair, len(ns))
	for i, n := range ns {
		out[i] = store.NamePair(n)
	}
	return out
}

func publicNames(ns []store.NamePair) []NamePair {
	if ns == nil {
		return nil
	}
	out := make([]NamePair, len(ns))
	for i, n := range ns {
		out[i] = NamePair(n)
	}
	return out
}
