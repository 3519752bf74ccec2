// Package link is the link model of package dedup: the probability that
// two reports describe the same event, from a few similarities of their
// features. Two documents are compared through a few features, each
// a similarity that means the same whatever the documents' languages:
//
//   - terms: the cosine of their content terms (TF-IDF), when they are in
//     one language, else 0;
//   - surface: the cosine of their words as written, when they are in
//     different languages of one script, else 0;
//   - entities: the cosine of their names, places, organisations and
//     numbers, in any scripts, and the cosines of each kind alone;
//   - concepts: when they are in different languages, the part of the
//     cosine of all their entities made up by the event concepts their
//     headlines share (package concept: the earthquake of "Erdbeben",
//     "زلزله" and "地震"), which stand for the words that reports of one
//     event share within a language (see conceptSim); only when they also
//     share a name, place or number, or a second concept: one concept
//     alone ties any two reports of its kind of event, which in a dense
//     stream are mostly of different events (in the SemEval documents
//     clustered as one stream, headlines of fires, deaths and police
//     reports in five languages made clusters of 30);
//   - crossLang and crossScript: whether they differ in language, and in
//     script (the evidence then rests on fewer features);
//   - gap: the time between their publications, in windows, capped at 2,
//     and undated: whether either has no date (gap is then 0);
//   - yearGap: when either has no date, how far apart the years they stand
//     for are, in years, capped at yearGapCap and scaled to 0–1: a dated
//     document stands for the year of its publication, an undated one for
//     the year its text names most often (features.YearOf); 0 when either
//     stands for none. Reports of one event mostly name its year, reports
//     of another event of the same kind years apart another one;
//   - short: how short the shorter document is, 1 − n/shortTerms for n
//     content terms (0 from shortTerms on): a headline alone shares fewer
//     words with another report of its event than an article does.
//
// A logistic model turns them into the probability that the two report the
// same event. Its weights are fitted by cross-validation on labelled pairs
// (see dedup/fitlink.go): the pairs within each topic of ECB+ (the same event, or
// another event of the same kind), all pairs of dev-events and of
// testdata/heldout-events.jsonl, and pairs across topics, whole and from
// their titles alone.
package link

import (
	"math"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// The features, in the order of a feature vector.
const (
	Terms = iota
	Surface
	Ents
	Names
	Places
	Numbers
	Concepts
	CrossLang
	CrossScript
	Gap
	Undated
	YearGap
	Short
	ShortTerms
	ShortEnts
	ShortSurface
	N
)

// shortTerms is the number of distinct content terms from which a document
// is not short (see Short). On the development sets a headline has 4 to 17
// (held-out set), 7 to 34 (dev-events, where Chinese and Japanese headlines
// count their character pairs) or 2 to 33 (ECB+), an article 31 to 125,
// 59 to 353, or, in ECB+, from 3; the fitted weights of Short and its
// interactions say how much shortness matters.
const shortTerms = 30

// yearGapCap is the gap in years from which YearGap is 1. Chosen on ECB+
// (older half undated) by the cross-validated average precision of the
// link model's pairs: a cap of 1, 2 or 5 years gives 0.889–0.891 against
// 0.879 without the feature, on dev-events and the held-out set within
// 0.002 of it.
const yearGapCap = 2

// Features returns the features of two weighted documents; window is the
// time within which reports of one event are published.
func Features(a, b *features.Doc, window time.Duration) [N]float64 {
	var f [N]float64
	sameLang := a.Lang == b.Lang && a.Lang != "und"
	switch {
	case sameLang:
		f[Terms] = features.Dot(a.Terms, b.Terms, nil)
	case a.Script == b.Script:
		f[Surface] = features.Dot(a.Surface, b.Surface, nil)
		f[CrossLang] = 1
	default:
		f[CrossLang], f[CrossScript] = 1, 1
	}
	cos := entCosines(a, b, &cosineKinds)
	f[Ents], f[Names], f[Places], f[Numbers] = cos[0], cos[1], cos[2], cos[3]
	if !sameLang && (f[Ents] > 0 || sharedConcepts(a, b) >= 2) {
		// Within one language the terms already compare the words. An
		// event concept says what happened, not to whom or where: alone it
		// ties any two reports of that kind of event (a fire here and a
		// fire there), so it counts with a shared name, place or number,
		// or with a second concept (an election's run-off, a central
		// bank's rates), which narrows the kind of event.
		f[Concepts] = conceptSim(a, b)
	}
	n := min(len(a.Terms.K), len(b.Terms.K))
	f[Short] = max(0, 1-float64(n)/shortTerms)
	f[ShortTerms] = f[Short] * f[Terms]
	f[ShortEnts] = f[Short] * f[Ents]
	f[ShortSurface] = f[Short] * f[Surface]
	if a.Published.IsZero() || b.Published.IsZero() {
		f[Undated] = 1
		if ya, yb := standsFor(a), standsFor(b); ya > 0 && yb > 0 {
			f[YearGap] = min(math.Abs(float64(ya-yb)), yearGapCap) / yearGapCap
		}
	} else {
		gap := a.Published.Sub(b.Published)
		f[Gap] = min(math.Abs(float64(gap))/float64(window), 2)
	}
	return f
}

// standsFor returns the year a document stands for: that of its
// publication, else the one its text names most often, else 0.
func standsFor(d *features.Doc) int {
	if !d.Published.IsZero() {
		return d.Published.Year()
	}
	return d.Year
}

// kindSet is a set of entity kinds, a bit for each.
type kindSet uint32

// kinds returns the set of kinds ks.
func kinds(ks ...features.Kind) kindSet {
	var s kindSet
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

func (s kindSet) has(k features.Kind) bool { return s&(1<<k) != 0 }

// entsKinds are the kinds of entities of the Ents feature: all but the
// concepts, which have their own feature.
var entsKinds = kinds(features.KindName, features.KindPlace, features.KindOrg, features.KindNumber)

// cosineKinds are the kinds of the entity cosines of Features, the cosines
// of the entities of two documents of some kinds only: Ents, Names, Places
// and Numbers. A weak entity (a word of an uncased script that may be a
// name) counts, at features.WeakWeight, only where it matches, with a key
// of features.MinKeyWeakMatch consonants or more, and two weak entities
// match only across languages: within one, a shared word is the business
// of the terms.
var cosineKinds = [4]kindSet{entsKinds, kinds(features.KindName), kinds(features.KindPlace), kinds(features.KindNumber)}

// entCosines returns the entity cosine of a and b of the kinds only[s]
// (entShare(a, b, only[s], only[s])) for each s, in one pass over the
// entities: each sum takes the same terms in the same order as entShare's,
// so the results are the same to the bit.
func entCosines(a, b *features.Doc, only *[4]kindSet) [4]float64 {
	var dp, na, nb [4]float64
	for i, w := range a.Ents.W {
		if !a.EntWeak[i] {
			for s, set := range only {
				if set.has(a.EntKind[i]) {
					na[s] += float64(w) * float64(w)
				}
			}
		}
	}
	for i, w := range b.Ents.W {
		if !b.EntWeak[i] {
			for s, set := range only {
				if set.has(b.EntKind[i]) {
					nb[s] += float64(w) * float64(w)
				}
			}
		}
	}
	features.Dot(a.Ents, b.Ents, func(i, j int, _ float64) {
		wa, wb, ok := matched(a, b, i, j)
		if !ok {
			return
		}
		for s, set := range only {
			if !set.has(a.EntKind[i]) {
				continue
			}
			if a.EntWeak[i] {
				na[s] += wa * wa
			}
			if b.EntWeak[j] {
				nb[s] += wb * wb
			}
			dp[s] += wa * wb
		}
	})
	var cos [4]float64
	for s := range cos {
		if na[s] != 0 && nb[s] != 0 {
			cos[s] = dp[s] / math.Sqrt(na[s]*nb[s])
		}
	}
	return cos
}

// matched returns the weights with which entity i of a and entity j of b,
// of one key, count in a cosine, and whether they count: a weak entity
// counts at features.WeakWeight, only with a key of
// features.MinKeyWeakMatch consonants or more, and two weak entities only
// across languages (see cosineKinds); two names of one phonetic key count
// only when they may be one name as written (features.SpelledAlike: Putin
// and Biden share a key). A weak entity's weight is not in its document's
// norm of strong entities: the caller adds it there.
func matched(a, b *features.Doc, i, j int) (wa, wb float64, ok bool) {
	wa, wb = float64(a.Ents.W[i]), float64(b.Ents.W[j])
	if a.EntKind[i] == features.KindName && !features.SpelledAlike(a.EntKey[i], a.EntText[i], b.EntText[j]) {
		return 0, 0, false
	}
	weakA, weakB := a.EntWeak[i], b.EntWeak[j]
	if !weakA && !weakB {
		return wa, wb, true
	}
	if len(a.EntKey[i]) < features.MinKeyWeakMatch || weakA && weakB && a.Lang == b.Lang {
		return 0, 0, false
	}
	if weakA {
		wa *= features.WeakWeight
	}
	if weakB {
		wb *= features.WeakWeight
	}
	return wa, wb, true
}

// entShare is the part of the cosine of the entities of two documents of
// the kinds norm that the entities of the kinds only (a subset) make up:
// their dot product over the norms of the entities of the kinds norm.
func entShare(a, b *features.Doc, only, norm kindSet) float64 {
	var dp, na, nb float64
	for i, w := range a.Ents.W {
		if !a.EntWeak[i] && norm.has(a.EntKind[i]) {
			na += float64(w) * float64(w)
		}
	}
	for i, w := range b.Ents.W {
		if !b.EntWeak[i] && norm.has(b.EntKind[i]) {
			nb += float64(w) * float64(w)
		}
	}
	features.Dot(a.Ents, b.Ents, func(i, j int, _ float64) {
		if !only.has(a.EntKind[i]) {
			return
		}
		wa, wb, ok := matched(a, b, i, j)
		if !ok {
			return
		}
		if a.EntWeak[i] {
			na += wa * wa
		}
		if b.EntWeak[j] {
			nb += wb * wb
		}
		dp += wa * wb
	})
	if na == 0 || nb == 0 {
		return 0
	}
	return dp / math.Sqrt(na*nb)
}

// conceptSim is the part of the cosine of all the entities of two
// documents that their shared concepts make up: a concept shared by every
// report of a topic (its IDF low) says little beside the names and places
// that tell its events apart, a rare one (an earthquake) more; the cosine
// of the concepts alone is 1 for two documents of one concept each,
// whatever it is.
func conceptSim(a, b *features.Doc) float64 {
	return entShare(a, b, kinds(features.KindConcept), entsKinds|kinds(features.KindConcept))
}

// sharedConcepts is the number of event concepts two documents share.
func sharedConcepts(a, b *features.Doc) int {
	n := 0
	features.Dot(a.Ents, b.Ents, func(i, _ int, _ float64) {
		if a.EntKind[i] == features.KindConcept {
			n++
		}
	})
	return n
}

// Prob is the probability under the link model that two documents with
// features f report the same event.
func Prob(f [N]float64) float64 {
	z := float64(bias)
	for i, x := range f {
		z += weights[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}
