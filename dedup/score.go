package dedup

import (
	"math"
	"sort"
	"time"
)

// stats holds document frequencies of features, for rarity weighting.
type stats struct {
	n  int
	df map[string]int // feature token ("t:…", "n:…", "p:…", "#:…") → documents
}

func newStats() *stats { return &stats{df: make(map[string]int)} }

// priorDocs smooths the inverse document frequency while few documents have
// been seen: every feature is assumed to be absent from priorDocs documents.
const priorDocs = 20

func (s *stats) idf(tok string) float64 {
	return math.Log(float64(s.n+priorDocs+1) / float64(s.df[tok]+1))
}

func (s *stats) add(f *features) {
	s.n++
	forEachToken(f, func(t string) { s.df[t]++ })
}

// forEachToken calls fn for every feature token of f, once each.
func forEachToken(f *features, fn func(string)) {
	for t := range f.Terms {
		fn("t:" + t)
	}
	for k := range f.Names {
		fn("n:" + k)
	}
	for p := range f.Places {
		fn("p:" + p)
	}
	for n := range f.Numbers {
		fn("#:" + n)
	}
}

// Scoring parameters. They describe how much each kind of evidence is worth,
// not any particular data set.
const (
	// nameScale is the summed rarity (in nats) of shared names at which name
	// evidence reaches 1-1/e.
	nameScale = 6.0
	// timeScale is the publication-time distance at which the score is halved.
	timeScale = 36 * time.Hour
	// duplicateJaccard is the estimated shingle Jaccard similarity above which
	// two documents are near-verbatim copies.
	duplicateJaccard = 0.7
)

// pairScore scores two documents and returns the evidence.
func pairScore(a, b *features, st *stats) (float64, Evidence) {
	var ev Evidence
	parts := make(map[string]float64, 5)

	// Content terms: TF-IDF cosine.
	var dot, na, nb float64
	type tw struct {
		t string
		w float64
	}
	var shared []tw
	for t, ca := range a.Terms {
		w := st.idf("t:" + t)
		wa := (1 + math.Log(float64(ca))) * w
		na += wa * wa
		if cb, ok := b.Terms[t]; ok {
			wb := (1 + math.Log(float64(cb))) * w
			dot += wa * wb
			shared = append(shared, tw{t, wa * wb})
		}
	}
	for t, cb := range b.Terms {
		w := st.idf("t:" + t)
		wb := (1 + math.Log(float64(cb))) * w
		nb += wb * wb
	}
	termSim := 0.0
	if na > 0 && nb > 0 {
		termSim = dot / math.Sqrt(na*nb)
	}
	sort.Slice(shared, func(i, j int) bool {
		return shared[i].w > shared[j].w || shared[i].w == shared[j].w && shared[i].t < shared[j].t
	})
	for i := 0; i < len(shared) && i < 8; i++ {
		ev.Terms = append(ev.Terms, shared[i].t)
	}
	parts["terms"] = termSim

	// Names: summed rarity of shared name keys, saturating.
	nameMass := 0.0
	for k, sa := range a.Names {
		if sb, ok := b.Names[k]; ok {
			nameMass += st.idf("n:" + k)
			ev.Names = append(ev.Names, NamePair{A: sa, B: sb, Key: k})
		}
	}
	sort.Slice(ev.Names, func(i, j int) bool { return ev.Names[i].Key < ev.Names[j].Key })
	nameSim := 1 - math.Exp(-nameMass/nameScale)
	parts["names"] = nameSim

	placeSim := jaccard(a.Places, b.Places, func(p string) { ev.Places = append(ev.Places, p) })
	sort.Strings(ev.Places)
	parts["places"] = placeSim
	numSim := jaccard(a.Numbers, b.Numbers, func(n string) { ev.Numbers = append(ev.Numbers, n) })
	sort.Strings(ev.Numbers)
	parts["numbers"] = numSim

	// Evidence combines like independent signals (noisy OR).
	score := 1 - (1-termSim)*(1-0.8*nameSim)*(1-0.3*placeSim)*(1-0.2*numSim)

	if !a.Published.IsZero() && !b.Published.IsZero() {
		d := a.Published.Sub(b.Published)
		if d < 0 {
			d = -d
		}
		h := d.Hours()
		ev.Hours = &h
		tf := 1 / (1 + float64(d)/float64(timeScale))
		parts["time"] = tf
		score *= tf
	}
	ev.Parts = parts
	return score, ev
}

// jaccard returns |a∩b| / |a∪b| and calls shared for each common element.
func jaccard(a, b map[string]bool, shared func(string)) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
			shared(k)
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// with returns stats that count a and b as added too, without changing s.
func (s *stats) with(a, b *features) *stats {
	out := &stats{n: s.n + 2, df: make(map[string]int)}
	for _, f := range []*features{a, b} {
		forEachToken(f, func(t string) {
			if _, ok := out.df[t]; !ok {
				out.df[t] = s.df[t]
			}
			out.df[t]++
		})
	}
	return out
}
