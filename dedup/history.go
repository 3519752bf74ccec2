package dedup

import (
	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/dedup/internal/store"
	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// history records every document added in the few bytes that assigning new
// documents needs: a 64-bit hash of its id, to tell a new id from a
// repeated one, and its cluster number, for the documents that index
// look-ups find (see recall). The rest of what was recorded (the assignment
// of a repeated id, and the titles, snippets, sources and evidence of the
// cluster view) is read back from the index when asked for: it grew with
// the stream, some 300 bytes per document, 90 MB at 300,000 documents of
// the speed corpus.
//
// A document costs an entry of the id index (a map from uint64 to int32,
// which grows by doubling) and 4 bytes of cluster number: 36 bytes per
// document at 300,000 documents (11 MB), 42 at a million (measured with
// runtime.MemStats). The garbage collector has no pointer to follow in
// either.
type history struct {
	ids      idIndex // document id → index in clusters
	clusters []int32 // cluster number of each document, in order of addition
}

func newHistory() history {
	return history{ids: idIndex{byHash: make(map[uint64]int32)}}
}

// len returns the number of documents recorded.
func (h *history) len() int { return len(h.clusters) }

// add records a document with its cluster number.
func (h *history) add(id string, cluster int) {
	h.ids.add(id, int32(len(h.clusters)))
	h.clusters = append(h.clusters, int32(cluster))
}

// cluster returns the cluster number of the i-th document.
func (h *history) cluster(i int32) int { return int(h.clusters[i]) }

// seq returns the index of a document known to have been recorded (an id
// found in the index, or named by a recorded assignment).
func (h *history) seq(id string) (int32, bool) { return h.ids.known(id) }

// mayHave reports whether id may have been recorded: false for certain when
// its hash was never seen.
func (h *history) mayHave(id string) bool { return h.ids.mayHave(id) }

// idIndex maps document ids to record indexes by a 64-bit hash of the id,
// which costs a fraction of a map keyed by the id strings; the few ids whose
// hash another id has already taken are kept by their string. It keeps no
// id: whether an id whose hash is taken was recorded is asked of the index
// (see Clusterer.recorded): for a repeated id, or by chance (among a
// million ids, two share a hash with a probability of some 3·10⁻⁸).
type idIndex struct {
	byHash map[uint64]int32
	other  map[string]int32 // ids whose hash was taken
}

// known returns the index of an id known to be recorded: an id kept by its
// string, or else the one that took its hash.
func (x *idIndex) known(id string) (int32, bool) {
	if i, ok := x.other[id]; ok {
		return i, true
	}
	i, ok := x.byHash[fnv1a.String(fnv1a.Offset, id)]
	return i, ok
}

// mayHave reports whether id's hash is taken.
func (x *idIndex) mayHave(id string) bool {
	_, ok := x.byHash[fnv1a.String(fnv1a.Offset, id)]
	return ok
}

// add records that id, not yet recorded, is at index i.
func (x *idIndex) add(id string, i int32) {
	h := fnv1a.String(fnv1a.Offset, id)
	if _, taken := x.byHash[h]; !taken {
		x.byHash[h] = i
		return
	}
	if x.other == nil {
		x.other = make(map[string]int32)
	}
	x.other[id] = i
}

// recorded returns the stored assignment of the document with the given
// id, and whether it was added.
func (c *Clusterer) recorded(id string) (store.Assignment, bool, error) {
	if !c.hist.mayHave(id) {
		return store.Assignment{}, false, nil
	}
	return c.store.Get(id)
}

// publicAssignment is the Assignment of a stored one, without its evidence.
func publicAssignment(a store.Assignment) Assignment {
	out := Assignment{ID: a.ID, Cluster: clusterID(a.Cluster), New: a.New, Score: a.Score, Lang: language.Make(a.Lang), DuplicateOf: a.DuplicateOf}
	if a.Lang == "und" {
		out.Lang = language.Und
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
