package link

import (
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
