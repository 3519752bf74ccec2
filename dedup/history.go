package dedup

import (
	"encoding/binary"
	"math"

	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/dedup/internal/store"
	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// history records every document added, in a compact form that outlives the
// window: enough to answer a repeated id with its assignment and to list the
// clusters. The features, which cost a hundred times more, are only kept in
// the window.
//
// A document costs a fixed-size record without pointers (56 bytes), an
// entry of the id index (some 25 bytes), and the bytes of its id, title or
// snippet, source, URL, and the names and places that tied it to its
// cluster, packed one after another in large chunks (see arena). On the
// speed corpus (package speedcorpus) that is some 300 bytes per document,
// against 500 when every field was a string of its own; and the garbage
// collector has no pointer to follow in it.
type history struct {
	ids   idIndex  // document id → index in recs
	recs  []record // in order of addition
	text  arena    // the strings of the records
	langs interner // the languages of the records
}

type record struct {
	published int64   // Unix seconds, noTime when unknown
	fp        uint64  // fingerprint of the content, never 0
	score     float64 // similarity to the cluster joined
	text      uint64  // where the strings are in the history's arena
	cluster   int     // cluster number, from 1
	nsec      int32   // nanoseconds of published
	dup       int32   // 1 + index of the earliest copy, 0 for none
	lang      int32   // in the history's languages
	isNew     bool
}

// noTime is the published time of a record without one.
const noTime = math.MinInt64

func newHistory() history {
	return history{ids: idIndex{byHash: make(map[uint64]int32)}, langs: interner{index: make(map[string]int32)}}
}

// lookup returns the index of the document with the given id.
func (h *history) lookup(id string) (int32, bool) {
	return h.ids.lookup(id, h.id)
}

// id returns the id of the i-th document.
func (h *history) id(i int32) string {
	s, _ := readString(h.text.at(h.recs[i].text))
	return s
}

// add records a document that was just assigned.
func (h *history) add(d *doc) {
	h.restore(d.assignment())
}

// restore records a stored assignment.
func (h *history) restore(a store.Assignment) {
	r := record{
		score: a.Score, cluster: a.Cluster, isNew: a.New, fp: a.FP, published: noTime,
		lang: h.langs.intern(a.Lang),
	}
	if !a.Published.IsZero() {
		// seconds and nanoseconds: Unix nanoseconds overflow before 1678
		// and after 2262, and 0 is a time (1970-01-01)
		r.published, r.nsec = a.Published.Unix(), int32(a.Published.Nanosecond())
	}
	if a.DuplicateOf != "" {
		if i, ok := h.lookup(a.DuplicateOf); ok {
			r.dup = i + 1
		}
	}
	r.text = h.text.add(packStrings(a))
	i := int32(len(h.recs))
	h.recs = append(h.recs, r)
	h.ids.add(a.ID, i)
}

// packStrings returns the strings of an assignment that the history keeps,
// packed: each string as its length (uvarint) and bytes, the names and
// places each preceded by their number. The id comes first.
func packStrings(a store.Assignment) []byte {
	n := len(a.ID) + len(a.Title) + len(a.Snippet) + len(a.Source) + len(a.URL) + 8*binary.MaxVarintLen64
	for _, p := range a.Names {
		n += len(p.A) + len(p.B) + len(p.Key) + 3*binary.MaxVarintLen64
	}
	for _, p := range a.Places {
		n += len(p) + binary.MaxVarintLen64
	}
	b := make([]byte, 0, n)
	for _, s := range [...]string{a.ID, a.Title, a.Snippet, a.Source, a.URL} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Names)))
	for _, p := range a.Names {
		b = appendString(appendString(appendString(b, p.A), p.B), p.Key)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Places)))
	for _, p := range a.Places {
		b = appendString(b, p)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// readString returns the string at the start of b, packed by appendString,
// and the rest of b.
func readString(b []byte) (string, []byte) {
	n, k := binary.Uvarint(b)
	return string(b[k : k+int(n)]), b[k+int(n):]
}

// recordStrings are the strings of a record, unpacked.
type recordStrings struct {
	id, title, snippet, source, url string
	names                           []NamePair // tying the document to its cluster
	places                          []string
}

// strings unpacks the strings of the i-th record.
func (h *history) strings(i int) recordStrings {
	var s recordStrings
	b := h.text.at(h.recs[i].text)
	for _, f := range [...]*string{&s.id, &s.title, &s.snippet, &s.source, &s.url} {
		*f, b = readString(b)
	}
	n, k := binary.Uvarint(b)
	b = b[k:]
	for range n {
		var p NamePair
		p.A, b = readString(b)
		p.B, b = readString(b)
		p.Key, b = readString(b)
		s.names = append(s.names, p)
	}
	n, k = binary.Uvarint(b)
	b = b[k:]
	for range n {
		var p string
		p, b = readString(b)
		s.places = append(s.places, p)
	}
	return s
}

// assignment returns the recorded assignment of the i-th document.
func (h *history) assignment(i int32) Assignment {
	r := h.recs[i]
	lang := h.langs.names[r.lang]
	a := Assignment{ID: h.id(i), Cluster: clusterID(r.cluster), New: r.isNew, Score: r.score, Lang: language.Make(lang), Repeat: true}
	if lang == "und" {
		a.Lang = language.Und
	}
	if r.dup > 0 {
		a.DuplicateOf = h.id(r.dup - 1)
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

// idIndex maps document ids to record indexes by a 64-bit hash of the id,
// which costs a fraction of a map keyed by the id strings; the few ids whose
// hash another id has already taken are kept by their string.
type idIndex struct {
	byHash map[uint64]int32
	other  map[string]int32 // ids whose hash was taken
}

// lookup returns the index of id; idAt returns the id at an index.
func (x *idIndex) lookup(id string, idAt func(int32) string) (int32, bool) {
	if i, ok := x.byHash[fnv1a.String(fnv1a.Offset, id)]; ok && idAt(i) == id {
		return i, true
	}
	i, ok := x.other[id]
	return i, ok
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

// interner numbers the distinct strings of a small set (languages).
type interner struct {
	names []string
	index map[string]int32
}

func (t *interner) intern(s string) int32 {
	i, ok := t.index[s]
	if !ok {
		i = int32(len(t.names))
		t.names = append(t.names, s)
		t.index[s] = i
	}
	return i
}

// arena keeps byte strings packed in chunks of arenaChunk bytes (a longer
// one in a chunk of its own) that never move, so that a string costs its
// bytes alone and the garbage collector sees a few large blocks without
// pointers.
type arena struct {
	chunks [][]byte
}

// arenaChunk is the size of an arena's chunks: large enough that the
// waste at their ends is small, small enough to be nothing for a small
// stream.
const arenaChunk = 256 << 10

// add copies b into the arena and returns where it is.
func (a *arena) add(b []byte) uint64 {
	n := len(a.chunks)
	if n == 0 || cap(a.chunks[n-1])-len(a.chunks[n-1]) < len(b) {
		a.chunks = append(a.chunks, make([]byte, 0, max(arenaChunk, len(b))))
		n++
	}
	c := a.chunks[n-1]
	pos := len(c)
	a.chunks[n-1] = append(c, b...)
	return uint64(n-1)<<32 | uint64(pos)
}

// at returns the bytes from where add put them to the end of their chunk.
func (a *arena) at(pos uint64) []byte {
	return a.chunks[pos>>32][uint32(pos):]
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
