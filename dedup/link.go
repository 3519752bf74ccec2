package dedup

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// The link model. Two documents are compared through a few features, each
// a similarity that means the same whatever the documents' languages:
//
//   - terms: the cosine of their content terms (TF-IDF), when they are in
//     one language, else 0;
//   - surface: the cosine of their words as written, when they are in
//     different languages of one script, else 0;
//   - entities: the cosine of their names, places, organisations and
//     numbers, in any scripts;
//   - crossLang and crossScript: whether they differ in language, and in
//     script (the evidence then rests on fewer features);
//   - gap: the time between their publications, in windows, capped at 2,
//     and undated: whether either has no date (gap is then 0).
//
// A logistic model turns them into the probability that the two report the
// same event. Its weights are fitted by cross-validation on labelled pairs
// (see fit_test.go): the pairs within each topic of ECB+ (the same event, or
// another event of the same kind), all pairs of dev-events and of
// testdata/heldout-events.jsonl, and pairs across topics.
const (
	featTerms = iota
	featSurface
	featEnts
	featNames
	featPlaces
	featNumbers
	featCrossLang
	featCrossScript
	featGap
	featUndated
	numFeatures
)

// pairFeatures returns the features of two weighted documents.
func pairFeatures(a, b *doc, window time.Duration) [numFeatures]float64 {
	var f [numFeatures]float64
	sameLang := a.Lang == b.Lang && a.Lang != "und"
	switch {
	case sameLang:
		f[featTerms] = features.Dot(a.Terms, b.Terms, nil)
	case a.Script == b.Script:
		f[featSurface] = features.Dot(a.Surface, b.Surface, nil)
		f[featCrossLang] = 1
	default:
		f[featCrossLang], f[featCrossScript] = 1, 1
	}
	f[featEnts] = entCosine(a, b, -1)
	f[featNames] = entCosine(a, b, int(features.KindName))
	f[featPlaces] = entCosine(a, b, int(features.KindPlace))
	f[featNumbers] = entCosine(a, b, int(features.KindNumber))
	if a.Published.IsZero() || b.Published.IsZero() {
		f[featUndated] = 1
	} else {
		gap := a.Published.Sub(b.Published)
		f[featGap] = min(math.Abs(float64(gap))/float64(window), 2)
	}
	return f
}

// entCosine is the cosine of the entities of two documents, of one kind
// only when only is not negative. A weak entity
// (a word of an uncased script that may be a name) counts, at features.WeakWeight,
// only where it matches, with a key of features.MinKeyWeakMatch consonants or more,
// and two weak entities match only across languages: within one, a shared
// word is the business of the terms.
func entCosine(a, b *doc, only int) float64 {
	var dp, na, nb float64
	for i, w := range a.Ents.W {
		if !a.EntWeak[i] && (only < 0 || int(a.EntKind[i]) == only) {
			na += float64(w) * float64(w)
		}
	}
	for i, w := range b.Ents.W {
		if !b.EntWeak[i] && (only < 0 || int(b.EntKind[i]) == only) {
			nb += float64(w) * float64(w)
		}
	}
	features.Dot(a.Ents, b.Ents, func(i, j int, _ float64) {
		if only >= 0 && int(a.EntKind[i]) != only {
			return
		}
		wa, wb := float64(a.Ents.W[i]), float64(b.Ents.W[j])
		weakA, weakB := a.EntWeak[i], b.EntWeak[j]
		if weakA || weakB {
			if len(a.EntKey[i]) < features.MinKeyWeakMatch || weakA && weakB && a.Lang == b.Lang {
				return
			}
			if weakA {
				wa *= features.WeakWeight
				na += wa * wa
			}
			if weakB {
				wb *= features.WeakWeight
				nb += wb * wb
			}
		}
		dp += wa * wb
	})
	if na == 0 || nb == 0 {
		return 0
	}
	return dp / math.Sqrt(na*nb)
}

// sameProb is the probability under the link model that two documents with
// features f report the same event.
func sameProb(f [numFeatures]float64) float64 {
	z := float64(linkBias)
	for i, x := range f {
		z += linkWeights[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// linkTopK is how many of a cluster's members a document is compared with:
// its link to the cluster is the mean of its k highest probabilities with
// them (with fewer members, their mean). Being like two members, not one,
// keeps a chain of related reports from joining one cluster.
const linkTopK = 2

// maxLinkMembers bounds the members of a cluster a document is compared
// with: those found by retrieval, the most alike first, then the newest.
const maxLinkMembers = 8

// link is a document's link to a cluster: the mean of its linkTopK highest
// probabilities with the cluster's members, and the member it is most like.
type link struct {
	cl      *openCluster
	score   float64
	best    *doc
	members []*doc // compared, in order of retrieval
}

// linkTo scores d against the members of cl, the retrieved ones (found, in
// order of retrieval) first.
func linkTo(d *doc, cl *openCluster, found []*doc, window time.Duration) link {
	members := make([]*doc, 0, maxLinkMembers)
	for _, m := range found {
		if len(members) == maxLinkMembers {
			break
		}
		if m.cl == cl {
			members = append(members, m)
		}
	}
	for i := len(cl.docs) - 1; i >= 0 && len(members) < maxLinkMembers; i-- {
		if m := cl.docs[i]; !slices.Contains(members, m) {
			members = append(members, m)
		}
	}
	ps := make([]float64, len(members))
	l := link{cl: cl, members: members}
	bestP := -1.0
	for i, m := range members {
		ps[i] = sameProb(pairFeatures(d, m, window))
		if ps[i] > bestP {
			bestP, l.best = ps[i], m
		}
	}
	slices.SortFunc(ps, func(a, b float64) int { return cmp.Compare(b, a) })
	ps = ps[:min(len(ps), linkTopK)]
	for _, p := range ps {
		l.score += p
	}
	if len(ps) > 0 {
		l.score /= float64(len(ps))
	}
	return l
}

// evidenceWith returns what d shares with the members of the cluster it
// joins that it was compared with, spelled as the earliest of them writes
// it.
func evidenceWith(d *doc, members []*doc, tau time.Duration) Evidence {
	if len(members) == 0 {
		return Evidence{}
	}
	members = slices.Clone(members)
	slices.SortFunc(members, func(a, b *doc) int { return cmp.Compare(a.Seq, b.Seq) })
	keep := make([]*openCluster, len(members))
	one := newOpenCluster(0)
	for i, m := range members {
		keep[i] = m.cl
		one.add(m)
	}
	for i, m := range members {
		m.cl = keep[i]
	}
	return one.similarity(d, tau, true).evidence()
}
