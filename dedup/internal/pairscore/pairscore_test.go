package pairscore

import (
	"math"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// gramCosine is the cosine of the character n-grams of two texts, with
// every gram equally rare.
func gramCosine(a, b string) float64 {
	one := func(uint64) float64 { return 1 }
	return features.Dot(WeighLog(charGrams(a), one), WeighLog(charGrams(b), one), nil)
}

func TestCharGrams(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
		reason   string
	}{
		{"Zürich Airport", "ZURICH airport", 0.999, 1.001, "folding: case and diacritics do not matter"},
		{"Zürich Airport!", "  Zürich, Airport ", 0.999, 1.001, "punctuation and spacing do not matter"},
		{"Bundesregierung", "Regierung", 0.3, 0.8, "a compound shares the grams of its parts"},
		{"Erdoğan'ın açıklaması", "Erdoğan açıkladı", 0.3, 0.8, "inflected forms share their stems' grams"},
		{"北京冬奥会开幕", "北京冬奥会", 0.7, 0.99, "Han text compares by character bigrams"},
		{"rain in Spain", "Kabul airport", 0, 0.001, "different words share no gram"},
	}
	for _, tt := range tests {
		if got := gramCosine(tt.a, tt.b); got < tt.min || got > tt.max || math.IsNaN(got) {
			t.Errorf("%s: cosine(%q, %q) = %.3f, want in [%.3f, %.3f]", tt.reason, tt.a, tt.b, got, tt.min, tt.max)
		}
	}
}

// TestCharGramsLead checks that grams near the start count more: a report
// whose headline matches scores above one whose last paragraph does.
func TestCharGramsLead(t *testing.T) {
	const filler = " The council met in the afternoon and discussed the budget for the coming year at length," +
		" with several members asking for more detail on the cost of road repairs and school buildings."
	headline := "Volcano erupts near Reykjavik"
	lead := headline + filler + filler + filler
	tail := filler + filler + filler + headline
	other := "Fishing quotas cut" + filler + filler + filler
	if hl, tl := gramCosine(headline, lead), gramCosine(headline, tail); hl <= tl {
		t.Errorf("cosine with the words in the headline %.3f, at the end %.3f; want the headline higher", hl, tl)
	}
	if lo, to := gramCosine(lead, other), gramCosine(tail, other); lo >= to {
		t.Errorf("reports with different headlines and one body: %.3f; with the same start: %.3f; want the different headlines lower", lo, to)
	}
}

func TestStripBoilerplate(t *testing.T) {
	const footer = " We use cookies to improve your experience on our site. By continuing you accept our privacy policy."
	texts := []string{
		"Ferry runs aground off Skye." + footer,
		"Wheat prices fall for a third week." + footer,
		"Orchestra announces its winter season." + footer,
		"Two neighbours share one long sentence about the harbour wall repairs at Oban.",
		"A second report: two neighbours share one long sentence about the harbour wall repairs at Oban.",
	}
	got := StripBoilerplate(texts, []int{0, 1, 2, 3, 4})
	tests := []struct {
		i      int
		want   string
		reason string
	}{
		{0, "Ferry runs aground off Skye.", "a footer in three documents is furniture"},
		{2, "Orchestra announces its winter season.", "every holder loses it"},
		{3, texts[3], "a passage two documents share may be their story: it stays"},
		{4, texts[4], "a passage two documents share may be their story: it stays"},
	}
	for _, tt := range tests {
		if g := strings.TrimSpace(got[tt.i]); g != tt.want {
			t.Errorf("%s: text %d = %q, want %q", tt.reason, tt.i, g, tt.want)
		}
	}
	// A title and a body of one document count once.
	two := StripBoilerplate([]string{footer, footer, footer}, []int{0, 0, 1})
	if two[0] != footer {
		t.Errorf("a run in two documents (one of them twice): %q, want it kept", two[0])
	}
}

// TestCombine checks how the channels make the score: the square roots of
// their cosines, the character n-grams weighing CharsWeight within one
// language and CharsWeightAcross across languages.
func TestCombine(t *testing.T) {
	oneLang := func(chars, words float64) Score {
		return Score{Chars: chars, Words: words, HasChars: true, HasWords: true}
	}
	across := func(chars float64) Score { return Score{Chars: chars, HasChars: true} }
	tests := []struct {
		reason   string
		a        Score
		clusterA float64
		b        Score
		clusterB float64
		tie      bool // a scores as b, not above it
	}{
		{"within one language the character n-grams outweigh the stemmed words (compounds, inflected forms)",
			oneLang(0.49, 0.09), 0.09, oneLang(0.09, 0.49), 0.09, false},
		{"within one language the character n-grams outweigh the clustering similarity",
			oneLang(0.49, 0.09), 0.09, oneLang(0.09, 0.09), 0.49, false},
		{"across languages the clustering similarity (names, numbers and event concepts) outweighs the character n-grams",
			across(0.09), 0.49, across(0.49), 0.09, false},
	}
	for _, tt := range tests {
		a, b := tt.a.Combine(tt.clusterA, CharsWeight, CharsWeightAcross), tt.b.Combine(tt.clusterB, CharsWeight, CharsWeightAcross)
		switch {
		case tt.tie && math.Abs(a-b) > 1e-12:
			t.Errorf("%s: %.4f and %.4f, want equal", tt.reason, a, b)
		case !tt.tie && a <= b:
			t.Errorf("%s: %.4f, want above %.4f", tt.reason, a, b)
		}
	}
	bounds := []struct {
		reason  string
		s       Score
		cluster float64
		want    float64
	}{
		{"all channels at 1 make 1, whatever the weights", oneLang(1, 1), 1, 1},
		{"all channels at 0 make 0", oneLang(0, 0), 0, 0},
		{"the clustering similarity alone, when no other channel applies (two scripts)", Score{}, 0.25, 0.5},
	}
	for _, tt := range bounds {
		if got := tt.s.Combine(tt.cluster, CharsWeight, CharsWeightAcross); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: %.4f, want %.4f", tt.reason, got, tt.want)
		}
	}
	// Weight 1 is the plain mean of the roots.
	if got, want := oneLang(0.36, 0.16).Combine(0.04, 1, 1), (0.6+0.4+0.2)/3; math.Abs(got-want) > 1e-12 {
		t.Errorf("equal weights: %.4f, want the mean of the roots %.4f", got, want)
	}
}
