package dedup

import (
	"math"
	"time"

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
	r := record{id: a.ID, lang: a.Lang, score: a.Score, cluster: a.Cluster, isNew: a.New, fp: a.FP, published: noTime}
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

// clusters lists the n clusters created so far.
func (h *history) clusters(n int) []Cluster {
	out := make([]Cluster, n)
	for i := range out {
		out[i].ID = clusterID(i + 1)
	}
	for _, r := range h.recs {
		cl := &out[r.cluster-1]
		cl.Docs = append(cl.Docs, r.id)
		if r.published != noTime {
			t := time.Unix(r.published, int64(r.nsec)).UTC()
			if cl.First.IsZero() || t.Before(cl.First) {
				cl.First = t
			}
			if t.After(cl.Last) {
				cl.Last = t
			}
		}
	}
	return out
}

// assignment is the stored form of d's assignment.
func (d *doc) assignment() store.Assignment {
	return store.Assignment{
		ID: d.ID, Seq: d.Seq, Cluster: d.cl.seq, New: d.New, Score: d.Score, DuplicateOf: d.DuplicateOf,
		Lang: d.Lang, Published: d.Published, At: d.At, FP: d.FP,
	}
}
