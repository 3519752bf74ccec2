package features

import (
	"math"
)

// PriorDocs smooths rarity while few documents have been seen: every feature
// is taken to be absent from PriorDocs further documents, so that the first
// documents of a stream, or of a language, do not give every word the weight
// of a rare name.
const PriorDocs = 10

// Stats counts in how many documents of the window each feature occurs. Terms
// are counted per language (their keys include it) and weighted against the
// number of documents in that language, surface words against those in
// that script, and entities against all documents.
type Stats struct {
	df     map[uint64]int32
	strong map[uint64]int32 // documents where a name key is a capitalised word or an acronym
	n      map[string]int   // documents per language; "" for all
	plus   *Stats           // counted too, in a view made by With
}

// With returns a view of the counts of s and t together, as if the
// documents of t were added to s, without changing s: for weighing
// documents that are not in the window yet. The view must not be updated,
// and s and t must not change while it is read.
func (s *Stats) With(t *Stats) *Stats {
	v := *s
	v.plus = t
	return &v
}

// NewStats returns statistics of no documents.
func NewStats() *Stats {
	return &Stats{df: make(map[uint64]int32), strong: make(map[uint64]int32), n: make(map[string]int)}
}

// IDF is the inverse document frequency of a key among n documents.
func (s *Stats) IDF(k uint64, n int) float64 {
	df := s.df[k]
	if s.plus != nil {
		df += s.plus.df[k]
	}
	return math.Log(float64(n+PriorDocs) / float64(df+1))
}

// Attested reports whether a name key occurs as a capitalised word or an
// acronym in some document of the window.
func (s *Stats) Attested(k uint64) bool {
	return s.strong[k] > 0 || s.plus != nil && s.plus.strong[k] > 0
}

// Update adds (delta 1) or removes (delta -1) the counts of a document.
func (s *Stats) Update(d *Doc, delta int32) {
	s.n[""] += int(delta)
	s.n[d.Lang] += int(delta)
	s.n[SurfaceScope(d.Script)] += int(delta)
	// A count is stored only while positive, so that an addition needs
	// one look-up of the map and a removal two.
	count := func(m map[uint64]int32, k uint64) {
		if delta > 0 {
			m[k] += delta
		} else if n := m[k] + delta; n > 0 {
			m[k] = n
		} else {
			delete(m, k)
		}
	}
	for _, v := range [...]Vec{d.Terms, d.Surface} {
		for _, k := range v.K {
			count(s.df, k)
		}
	}
	for i, k := range d.Ents.K {
		count(s.df, k)
		if !d.EntWeak[i] && d.EntKind[i] == KindName {
			count(s.strong, k)
		}
	}
}

// Docs returns the number of documents counted in a scope: a base language,
// a script's surface scope (see SurfaceScope), or "" for all.
func (s *Stats) Docs(scope string) int {
	n := s.n[scope]
	if s.plus != nil {
		n += s.plus.n[scope]
	}
	return n
}
