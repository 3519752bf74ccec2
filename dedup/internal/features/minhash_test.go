package features

import (
	"strings"
	"testing"
)

const original = "The foreign and defence chiefs of the two countries met by video link on Friday morning for their " +
	"security consultations, and announced a new framework for joint research on defence technology, " +
	"including ways to counter hypersonic weapons and to cooperate in space."

func TestMinhashCopies(t *testing.T) {
	tests := []struct {
		name, text string
		min        float64 // least estimated Jaccard similarity with original
	}{
		{"identical", original, 1},
		{"whitespace and punctuation", strings.ReplaceAll(strings.ReplaceAll(original, " ", "  \n"), ",", ";"), 1},
		{"case", strings.ToUpper(original), 1},
		{"zero-width characters", strings.ReplaceAll(original, "e", "e\u200b"), 1},
		{"bidi marks", "\u200f" + strings.ReplaceAll(original, "a", "a\u202c"), 1},
		{"Cyrillic look-alike letters", strings.NewReplacer("o", "о", "e", "е", "a", "а", "c", "с", "p", "р").Replace(original), 1},
		{"Greek look-alike letters", strings.NewReplacer("o", "ο", "i", "ι", "v", "ν", "u", "υ", "k", "κ").Replace(original), 1},
		{"fullwidth letters", strings.NewReplacer("the", "ｔｈｅ", "defence", "ｄｅｆｅｎｃｅ").Replace(original), 1},
		{"diacritics, composed and not", strings.NewReplacer("a", "á", "e", "e\u0300").Replace(original), 1},
		{"light edits", strings.NewReplacer("defence", "defense", "Friday", "Thursday", "new ", "").Replace(original), 0.6},
	}
	sig := minhash(original)
	for _, tt := range tests {
		other := minhash(tt.text)
		if j := sig.Jaccard(&other); j < tt.min {
			t.Errorf("%s: Jaccard estimate %.2f, want ≥ %.2f", tt.name, j, tt.min)
		}
	}
}

func TestMinhashDifferent(t *testing.T) {
	a := minhash(original)
	for _, text := range []string{
		"North Korea fired two ballistic missiles into the sea off its east coast, the military of the South said.",
		"The prime ministers signed an agreement that lets their troops train in each other's country.",
		"",
	} {
		b := minhash(text)
		if j := a.Jaccard(&b); j > 0.2 {
			t.Errorf("%q: Jaccard estimate %.2f with an unrelated text", text, j)
		}
	}
}

func TestMinhashShortText(t *testing.T) {
	a, b := minhash("2+2"), minhash("2 + 2")
	if a.Jaccard(&b) != 1 {
		t.Error("texts shorter than a shingle differ")
	}
	c := minhash("2+3")
	if a.Jaccard(&c) == 1 {
		t.Error("different short texts have one signature")
	}
}

// TestMinhashNoShingles checks that texts without letters or digits, such as
// emoji-only posts, are copies of nothing, not of each other.
func TestMinhashNoShingles(t *testing.T) {
	a, b := minhash("🔥🔥🔥 🎉"), minhash("😀 👍👍 !!!")
	if j := a.Jaccard(&b); j != 0 {
		t.Errorf("two texts without shingles: Jaccard estimate %.2f, want 0", j)
	}
	if j := a.Jaccard(&a); j != 0 {
		t.Errorf("a text without shingles with itself: Jaccard estimate %.2f, want 0", j)
	}
	c := minhash(original)
	if j := a.Jaccard(&c); j != 0 {
		t.Errorf("a text without shingles and a text: Jaccard estimate %.2f, want 0", j)
	}
}

// BenchmarkMinhash measures the signature of a report in Latin script and
// one in Cyrillic.
func BenchmarkMinhash(b *testing.B) {
	for _, tt := range []struct{ name, text string }{
		{"latin", strings.Repeat(original+" ", 10)},
		{"cyrillic", strings.Repeat("Министры иностранных дел и обороны двух стран провели консультации по видеосвязи в пятницу утром. ", 25)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.text)))
			for b.Loop() {
				minhash(tt.text)
			}
		})
	}
}
