package link

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// ent is an entity of a test document.
type ent struct {
	kind features.Kind
	key  string
}

// doc returns a weighed-like document in lang with the given entities, each
// of weight 1.
func doc(lang string, ents ...ent) *features.Doc {
	b := make(features.VecBuilder)
	keys := make(map[uint64]ent)
	for _, e := range ents {
		k := features.TokenHash(string(rune('a'+e.kind)), e.key)
		b[k] = 1
		keys[k] = e
	}
	d := &features.Doc{Lang: lang, Script: "Latn", Ents: b.Build()}
	for _, k := range d.Ents.K {
		d.EntText = append(d.EntText, keys[k].key)
		d.EntKey = append(d.EntKey, keys[k].key)
		d.EntKind = append(d.EntKind, keys[k].kind)
		d.EntWeak = append(d.EntWeak, false)
	}
	return d
}

func TestConceptsNeedSupport(t *testing.T) {
	fire := ent{features.KindConcept, "fire"}
	death := ent{features.KindConcept, "death"}
	police := ent{features.KindConcept, "police"}
	berlin := ent{features.KindPlace, "berlin"}
	madrid := ent{features.KindPlace, "madrid"}
	for _, c := range []struct {
		why    string
		a, b   *features.Doc
		counts bool
	}{
		{"one concept alone ties any two reports of that kind", doc("de", fire, berlin), doc("es", fire, madrid), false},
		{"a concept with a shared place", doc("de", fire, berlin), doc("es", fire, berlin), true},
		{"two concepts narrow the kind of event", doc("de", fire, death, berlin), doc("es", fire, death, madrid), true},
		{"two documents of one language compare their words instead", doc("de", fire, death), doc("de", fire, death), false},
		{"no concept shared", doc("de", police, berlin), doc("es", fire, berlin), false},
	} {
		f := Features(c.a, c.b, 0)
		if got := f[Concepts] > 0; got != c.counts {
			t.Errorf("%s: Concepts = %.3f, want counted %v", c.why, f[Concepts], c.counts)
		}
	}
}

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
		d.EntText = append(d.EntText, d.EntKey[len(d.EntKey)-1])
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

// TestNamesBySpelling checks that names of one phonetic key count as one
// name only where their spellings may be one name (see
// features.SpelledAlike): the key btn is Putin's, Biden's and بوتين's.
func TestNamesBySpelling(t *testing.T) {
	named := func(lang, text string) *features.Doc {
		d := doc(lang, ent{features.KindName, "btn"}, ent{features.KindPlace, "CN"})
		for i := range d.EntText {
			if d.EntKind[i] == features.KindName {
				d.EntText[i] = text
			}
		}
		return d
	}
	putin := named("en", "Putin")
	tests := []struct {
		b     *features.Doc
		names bool
		why   string
	}{
		{named("en", "Biden"), false, "another name of the same key"},
		{named("ru", "Байден"), false, "another name, in Cyrillic"},
		{named("ru", "Путин"), true, "Putin in Cyrillic"},
		{named("ar", "بوتين"), true, "in Arabic the key decides"},
	}
	for _, tt := range tests {
		f := Features(putin, tt.b, 0)
		if got := f[Names] > 0; got != tt.names {
			t.Errorf("Putin and %s: Names %.3f, want shared %v: %s", tt.b.EntText, f[Names], tt.names, tt.why)
		}
		if f[Places] == 0 {
			t.Errorf("Putin and %s: the shared place lost", tt.b.EntText)
		}
	}
}
