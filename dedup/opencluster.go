package dedup

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// centroid is the sum of vectors of a cluster's members. Most clusters
// have one member: until a second joins, the centroid is that member's
// vector itself, and costs nothing.
type centroid struct {
	one   features.Vec       // the only vector added so far
	w     map[uint64]float64 // the sums, from the second vector on
	norm2 float64            // Σ w²
}

func (c *centroid) add(v features.Vec) {
	if len(v.K) == 0 {
		return
	}
	if c.w == nil && c.one.K == nil {
		c.one = v
		for _, w := range v.W {
			c.norm2 += float64(w) * float64(w)
		}
		return
	}
	if c.w == nil {
		c.w = make(map[uint64]float64, len(c.one.K)+len(v.K))
		for i, k := range c.one.K {
			c.w[k] = float64(c.one.W[i])
		}
		c.one = features.Vec{}
	}
	for i, k := range v.K {
		old, w := c.w[k], float64(v.W[i])
		c.w[k] = old + w
		c.norm2 += (old+w)*(old+w) - old*old
	}
}

// lookup calls fn for every key v.K[i] the centroid has, with its weight.
func (c *centroid) lookup(v features.Vec, fn func(i int, w float64)) {
	if c == nil {
		return
	}
	if c.w != nil {
		for i, k := range v.K {
			if w, ok := c.w[k]; ok {
				fn(i, w)
			}
		}
		return
	}
	features.Dot(v, c.one, func(i, j int, _ float64) { fn(i, float64(c.one.W[j])) })
}

// openCluster is an open event cluster: its members in the window and the
// centroids they are compared with: the content terms by language, the
// surface words by script, and the entities, the strong ones apart from the
// weak, which are also summed by language.
type openCluster struct {
	id          string
	seq         int
	docs        []*doc
	first, last time.Time // of the dated members
	lastAt      time.Time // newest At of the members, for closing
	heapIndex   int       // in the window's heap of open clusters
	terms       map[string]*centroid
	strong      centroid
	weak        centroid
	weakBy      map[string]*centroid
}

// newOpenCluster returns the open cluster number seq, without members. Its
// members are compared one by one (see link.go): it keeps no centroids.
func newOpenCluster(seq int) *openCluster {
	return &openCluster{id: clusterID(seq), seq: seq}
}

// newProfile returns an unnumbered cluster that keeps the centroids of its
// members, for the similarity and the evidence of a document against a few
// documents taken together (see similarity).
func newProfile() *openCluster {
	return &openCluster{terms: make(map[string]*centroid), weakBy: make(map[string]*centroid)}
}

// clusterID is the stable id of the seq-th cluster.
func clusterID(seq int) string { return "c" + strconv.Itoa(seq) }

// add makes d a member.
func (c *openCluster) add(d *doc) {
	c.docs = append(c.docs, d)
	d.cl = c
	if d.At.After(c.lastAt) {
		c.lastAt = d.At
	}
	if !d.Published.IsZero() {
		if c.first.IsZero() || d.Published.Before(c.first) {
			c.first = d.Published
		}
		if d.Published.After(c.last) {
			c.last = d.Published
		}
	}
	if c.terms == nil {
		return // not a profile
	}
	for _, t := range [...]struct {
		scope string
		v     features.Vec
	}{{d.Lang, d.Terms}, {features.SurfaceScope(d.Script), d.Surface}} {
		if len(t.v.K) == 0 {
			continue
		}
		if c.terms[t.scope] == nil {
			c.terms[t.scope] = new(centroid)
		}
		c.terms[t.scope].add(t.v)
	}
	strong, weak := d.SplitEnts()
	c.strong.add(strong)
	if len(weak.K) > 0 {
		c.weak.add(weak)
		if c.weakBy[d.Lang] == nil {
			c.weakBy[d.Lang] = new(centroid)
		}
		c.weakBy[d.Lang].add(weak)
	}
}

// entText returns how the cluster writes an entity: as its first member
// with it as a strong entity does, or else as its first member with it.
func (c *openCluster) entText(k uint64) string {
	text := ""
	for _, d := range c.docs[:min(len(c.docs), maxEvidenceScan)] {
		if i, ok := slices.BinarySearch(d.Ents.K, k); ok {
			if !d.EntWeak[i] {
				return d.EntText[i]
			}
			if text == "" {
				text = d.EntText[i]
			}
		}
	}
	return text
}

// maxEvidenceTerms is the number of shared terms listed in Evidence.Terms,
// the most informative first: enough to show what two reports share, few
// enough to read. No decision depends on it.
const maxEvidenceTerms = 8

// maxEvidenceScan bounds the members scanned for the spelling of an entity.
const maxEvidenceScan = 64

// match is the similarity of a document to a cluster, with what it rests on.
type match struct {
	score    float64
	terms    float64 // cosine of content terms (or surface words, across languages)
	hasTerms bool
	sameLang bool    // terms are content terms of one language
	ents     float64 // cosine of entities
	time     float64 // time factor
	hours    *float64
	shared   []sharedEnt
	topTerms []string // most informative shared terms, at most maxEvidenceTerms
}

type sharedEnt struct {
	k          uint64
	a, b, key  string
	kind       features.Kind
	importance float64
}

// similarity scores d against c. See the package documentation for the
// model.
func (c *openCluster) similarity(d *doc, tau time.Duration, evidence bool) match {
	var m match
	m.scoreTerms(c, d, evidence)
	named := m.scoreEntities(c, d, evidence)
	m.combine(named)
	m.scoreTime(c, d, tau)
	m.score *= m.time
	if evidence {
		slices.SortFunc(m.shared, func(a, b sharedEnt) int {
			switch {
			case a.importance > b.importance:
				return -1
			case a.importance < b.importance:
				return 1
			}
			return cmp.Compare(a.k, b.k)
		})
	}
	return m
}

// scoreTerms sets the terms part of m: the cosine of d's content terms
// with c's, and with evidence the shared terms that weigh most.
func (m *match) scoreTerms(c *openCluster, d *doc, evidence bool) {
	// Content terms are compared in the document's language or, with
	// members in other languages of its script, by the words they share as
	// written.
	tv, tt, tc := d.Terms, d.TermText, c.terms[d.Lang]
	m.sameLang = tc != nil
	if !m.sameLang {
		tv, tt, tc = d.Surface, nil, c.terms[features.SurfaceScope(d.Script)]
	}
	if tc == nil || !(tc.norm2 > 0) || len(tv.K) == 0 {
		return
	}
	m.hasTerms = true
	type st struct {
		t string
		p float64
	}
	var shared []st
	dp := 0.0
	tc.lookup(tv, func(i int, w float64) {
		p := float64(tv.W[i]) * w
		dp += p
		if evidence && tt != nil {
			shared = append(shared, st{tt[i], p})
		}
	})
	m.terms = dp / math.Sqrt(tc.norm2) // d.Terms has unit length
	if evidence {
		sort.SliceStable(shared, func(i, j int) bool { return shared[i].p > shared[j].p })
		for i := 0; i < len(shared) && i < maxEvidenceTerms; i++ {
			m.topTerms = append(m.topTerms, shared[i].t)
		}
	}
}

// scoreEntities sets the entities part of m and, with evidence, the shared
// entities. It reports whether either side names anything that counts.
func (m *match) scoreEntities(c *openCluster, d *doc, evidence bool) (named bool) {
	// Entities: cosine where weak entries, on either side, count only when
	// they match, and two weak entries only across languages: within one, a
	// shared word is the business of the terms.
	n := len(d.Ents.K)
	cs, cw, cwl := make([]float64, n), make([]float64, n), make([]float64, n)
	c.strong.lookup(d.Ents, func(i int, w float64) { cs[i] = w })
	c.weak.lookup(d.Ents, func(i int, w float64) { cw[i] = w })
	c.weakBy[d.Lang].lookup(d.Ents, func(i int, w float64) { cwl[i] = w })
	dp, dn2, cn2 := 0.0, 0.0, c.strong.norm2
	for i, k := range d.Ents.K {
		if d.EntKind[i] == features.KindConcept {
			continue // not in the centroids (see features.Doc.SplitEnts)
		}
		w := float64(d.Ents.W[i])
		weak := 0.0
		weakOK := len(d.EntKey[i]) >= features.MinKeyWeakMatch
		if weakOK {
			weak = cw[i]
			if d.EntWeak[i] {
				weak -= cwl[i]
			}
			weak *= features.WeakWeight
		}
		matched := cs[i] > 0 || weak > 0
		if matched && d.EntKind[i] == features.KindName && !features.SpelledAlike(d.EntKey[i], d.EntText[i], c.entText(k)) {
			matched = false
		}
		if d.EntWeak[i] {
			if !matched || !weakOK {
				continue
			}
			w *= features.WeakWeight
		}
		dn2 += w * w
		if !matched {
			continue
		}
		cv := cs[i] + weak
		dp += w * cv
		cn2 += cv*cv - cs[i]*cs[i]
		if evidence {
			m.shared = append(m.shared, sharedEnt{k: k, a: d.EntText[i], b: c.entText(k), key: d.EntKey[i], kind: d.EntKind[i], importance: w * cv})
		}
	}
	if dn2 > 0 && cn2 > 0 {
		m.ents = dp / math.Sqrt(dn2*cn2)
	}
	return !(dn2 == 0 && cn2 == 0)
}

// combine sets m.score from the terms and entities parts; named says
// whether either side names anything (see scoreEntities).
func (m *match) combine(named bool) {
	switch {
	case !m.hasTerms:
		m.score = m.ents
	case m.sameLang && !named:
		// Neither side names anything: the words decide alone.
		m.score = m.terms
	case m.sameLang:
		// In one language, reports of one event share their words: the
		// lack of shared words counts against, as that of shared names.
		m.score = (m.terms + m.ents) / 2
	default:
		// Between languages of one script, shared words add evidence.
		m.score = 1 - (1-m.terms)*(1-m.ents)
	}
}

// scoreTime sets the time factor of m, 1/(1+(gap/tau)²) for a gap between
// d's publication and c's time span, and 1 when either is unknown.
func (m *match) scoreTime(c *openCluster, d *doc, tau time.Duration) {
	m.time = 1
	if d.Published.IsZero() || c.last.IsZero() {
		return
	}
	var gap time.Duration
	switch {
	case d.Published.Before(c.first):
		gap = c.first.Sub(d.Published)
	case d.Published.After(c.last):
		gap = d.Published.Sub(c.last)
	}
	h := gap.Hours()
	m.hours = &h
	x := float64(gap) / float64(tau)
	m.time = 1 / (1 + x*x)
}

// evidence converts a match into the exported form.
func (m match) evidence() Evidence {
	ev := Evidence{Terms: m.topTerms, Hours: m.hours, Parts: map[string]float64{"entities": round4(m.ents), "time": round4(m.time)}}
	switch {
	case m.hasTerms && m.sameLang:
		ev.Parts["terms"] = round4(m.terms)
	case m.hasTerms:
		ev.Parts["surface"] = round4(m.terms)
	}
	for _, s := range m.shared {
		switch s.kind {
		case features.KindName:
			ev.Names = append(ev.Names, NamePair{A: s.a, B: s.b, Key: s.key})
		case features.KindPlace:
			ev.Places = append(ev.Places, s.a)
		case features.KindOrg:
			ev.Organizations = append(ev.Organizations, s.a)
		case features.KindNumber:
			ev.Numbers = append(ev.Numbers, s.a)
		}
	}
	sort.Strings(ev.Places)
	sort.Strings(ev.Organizations)
	return ev
}

// round4 keeps four decimals, enough for evidence and stable in golden files.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
