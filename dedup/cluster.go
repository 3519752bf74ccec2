package dedup

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"
)

// centroid is the sum of the vectors of a cluster's members.
type centroid struct {
	w     map[uint64]float64
	norm2 float64 // Σ w², kept up to date
}

func newCentroid() *centroid { return &centroid{w: make(map[uint64]float64)} }

func (c *centroid) add(k uint64, w float64) {
	old := c.w[k]
	c.w[k] = old + w
	c.norm2 += (old+w)*(old+w) - old*old
}

// entCentroid sums the entity vectors of a cluster's members, strong and
// weak entries apart (the weak ones by language), and remembers how each
// entity was first written.
type entCentroid struct {
	strong *centroid
	weak   map[uint64]float64            // all languages
	weakBy map[string]map[uint64]float64 // by language
	text   map[uint64]string
	kind   map[uint64]kind
}

// cluster is an open event cluster: its members in the window and the
// centroids they are compared with.
type cluster struct {
	id          string
	seq         int
	docs        []*doc
	first, last time.Time // of the dated members
	lastAt      time.Time // newest At of the members, for closing
	heapIndex   int       // in the window's heap of open clusters
	terms       map[string]*centroid
	ents        entCentroid
}

func newCluster(seq int) *cluster {
	return &cluster{
		id:    clusterID(seq),
		seq:   seq,
		terms: make(map[string]*centroid),
		ents: entCentroid{
			strong: newCentroid(),
			weak:   make(map[uint64]float64),
			weakBy: make(map[string]map[uint64]float64),
			text:   make(map[uint64]string),
			kind:   make(map[uint64]kind),
		},
	}
}

// clusterID is the stable id of the seq-th cluster.
func clusterID(seq int) string { return "c" + strconv.Itoa(seq) }

// add makes d a member.
func (c *cluster) add(d *doc) {
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
	for scope, v := range map[string]vec{d.Lang: d.Terms, surfaceScope(d.Script): d.Surface} {
		if len(v.K) == 0 {
			continue
		}
		tc := c.terms[scope]
		if tc == nil {
			tc = newCentroid()
			c.terms[scope] = tc
		}
		for i, k := range v.K {
			tc.add(k, float64(v.W[i]))
		}
	}
	for i, k := range d.Ents.K {
		w := float64(d.Ents.W[i])
		if d.EntWeak[i] {
			if c.ents.weakBy[d.Lang] == nil {
				c.ents.weakBy[d.Lang] = make(map[uint64]float64)
			}
			c.ents.weak[k] += w
			c.ents.weakBy[d.Lang][k] += w
		} else {
			c.ents.strong.add(k, w)
		}
		if _, ok := c.ents.text[k]; !ok || !d.EntWeak[i] && c.ents.strong.w[k] == w {
			// The first strong spelling wins over weak ones.
			c.ents.text[k] = d.EntText[i]
			c.ents.kind[k] = d.EntKind[i]
		}
	}
}

// match is the similarity of a document to a cluster, with what it rests on.
type match struct {
	score    float64
	terms    float64 // cosine of content terms, when the cluster has members in the document's language
	hasTerms bool
	ents     float64 // cosine of entities
	time     float64 // time factor
	hours    *float64
	shared   []sharedEnt
	terms8   []string // most informative shared terms
}

type sharedEnt struct {
	k          uint64
	a, b, key  string
	kind       kind
	importance float64
}

// similarity scores d against c. See the package documentation for the
// model.
func (c *cluster) similarity(d *doc, tau time.Duration, evidence bool) match {
	var m match
	// Content terms are compared in the document's language or, with
	// members in other languages of its script, by the words they share as
	// written.
	tv, tt, tc := d.Terms, d.TermText, c.terms[d.Lang]
	sameLang := tc != nil
	if !sameLang {
		tv, tt, tc = d.Surface, nil, c.terms[surfaceScope(d.Script)]
	}
	if tc != nil && tc.norm2 > 0 && len(tv.K) > 0 {
		m.hasTerms = true
		type st struct {
			t string
			p float64
		}
		var shared []st
		dp := 0.0
		for i, k := range tv.K {
			if w, ok := tc.w[k]; ok {
				p := float64(tv.W[i]) * w
				dp += p
				if evidence && tt != nil {
					shared = append(shared, st{tt[i], p})
				}
			}
		}
		m.terms = dp / math.Sqrt(tc.norm2) // d.Terms has unit length
		if evidence {
			sort.Slice(shared, func(i, j int) bool { return shared[i].p > shared[j].p })
			for i := 0; i < len(shared) && i < 8; i++ {
				m.terms8 = append(m.terms8, shared[i].t)
			}
		}
	}

	// Entities: cosine where weak entries, on either side, count only when
	// they match, and two weak entries only across languages: within one, a
	// shared word is the business of the terms.
	dp, dn2, cn2 := 0.0, 0.0, c.ents.strong.norm2
	for i, k := range d.Ents.K {
		w := float64(d.Ents.W[i])
		cs := c.ents.strong.w[k]
		cw := 0.0
		weakOK := len(d.EntKey[i]) >= minKeyWeakMatch
		if weakOK {
			cw = c.ents.weak[k]
			if d.EntWeak[i] {
				cw -= c.ents.weakBy[d.Lang][k]
			}
			cw *= weakWeight
		}
		matched := cs > 0 || cw > 0
		if d.EntWeak[i] {
			if !matched || !weakOK {
				continue
			}
			w *= weakWeight
		}
		dn2 += w * w
		if !matched {
			continue
		}
		cv := cs + cw
		dp += w * cv
		cn2 += cv*cv - cs*cs
		if evidence {
			m.shared = append(m.shared, sharedEnt{k: k, a: d.EntText[i], b: c.ents.text[k], key: d.EntKey[i], kind: d.EntKind[i], importance: w * cv})
		}
	}
	if dn2 > 0 && cn2 > 0 {
		m.ents = dp / math.Sqrt(dn2*cn2)
	}

	switch {
	case !m.hasTerms:
		m.score = m.ents
	case sameLang:
		// In one language, reports of one event share their words: the
		// lack of shared words counts against, as that of shared names.
		m.score = (m.terms + m.ents) / 2
	default:
		// Between languages of one script, shared words add evidence.
		m.score = 1 - (1-m.terms)*(1-m.ents)
	}
	m.time = 1
	if !d.Published.IsZero() && !c.last.IsZero() {
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

// evidence converts a match into the exported form.
func (m match) evidence() Evidence {
	ev := Evidence{Terms: m.terms8, Hours: m.hours, Parts: map[string]float64{"entities": round4(m.ents), "time": round4(m.time)}}
	if m.hasTerms {
		ev.Parts["terms"] = round4(m.terms)
	}
	for _, s := range m.shared {
		switch s.kind {
		case kindName:
			ev.Names = append(ev.Names, NamePair{A: s.a, B: s.b, Key: s.key})
		case kindPlace:
			ev.Places = append(ev.Places, s.a)
		case kindNumber:
			ev.Numbers = append(ev.Numbers, s.a)
		}
	}
	sort.Strings(ev.Places)
	return ev
}

// round4 keeps four decimals, enough for evidence and stable in golden files.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
