package link

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// randomEnts returns a document with n random entities of every kind, some
// weak, some with short keys, keys drawn from a small set so that two
// documents share some.
func randomEnts(r *rand.Rand, n int, lang string) *features.Doc {
	d := &features.Doc{Lang: lang}
	keys := make(map[uint64]bool)
	for len(keys) < n {
		keys[r.Uint64N(40)] = true
	}
	for k := range keys {
		d.Ents.K = append(d.Ents.K, k)
	}
	slices.Sort(d.Ents.K)
	for range d.Ents.K {
		d.Ents.W = append(d.Ents.W, r.Float32())
		d.EntKind = append(d.EntKind, features.Kind(r.IntN(int(features.KindConcept)+1)))
		d.EntWeak = append(d.EntWeak, r.IntN(4) == 0)
		d.EntKey = append(d.EntKey, "bcdfghk"[:1+r.IntN(6)])
	}
	return d
}

// TestEntCosines checks that the one-pass cosines are entShare's to the
// bit.
func TestEntCosines(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		a := randomEnts(r, r.IntN(20), "en")
		b := randomEnts(r, r.IntN(20), []string{"en", "de"}[r.IntN(2)])
		got := entCosines(a, b, &cosineKinds)
		for s, set := range cosineKinds {
			if want := entShare(a, b, set, set); got[s] != want {
				t.Fatalf("kinds %b: entCosines %v, entShare %v", set, got[s], want)
			}
		}
	}
}
