package eval

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name          string
		items         []Item
		bcubed, pairs PRF
		xl            float64
		xlPairs       int
	}{
		{
			// Gold A = {1,2,3}, B = {4,5}; predicted X = {1,2}, Y = {3,4,5}.
			// BCubed precision: 1, 1, 1/3, 2/3, 2/3 → 11/15; recall: 2/3,
			// 2/3, 1/3, 1, 1 → 11/15. Pairs: predicted (1,2) (3,4) (3,5)
			// (4,5), gold (1,2) (1,3) (2,3) (4,5), two in common.
			// Cross-lingual gold pairs: (1,2) en-fr together, (2,3) fr-en
			// apart, (4,5) en-de together.
			name: "hand-computed",
			items: []Item{
				{ID: "1", Gold: "A", Pred: "X", Lang: "en"},
				{ID: "2", Gold: "A", Pred: "X", Lang: "fr"},
				{ID: "3", Gold: "A", Pred: "Y", Lang: "en"},
				{ID: "4", Gold: "B", Pred: "Y", Lang: "en"},
				{ID: "5", Gold: "B", Pred: "Y", Lang: "de"},
			},
			bcubed:  PRF{11.0 / 15, 11.0 / 15, 11.0 / 15},
			pairs:   PRF{0.5, 0.5, 0.5},
			xl:      2.0 / 3,
			xlPairs: 3,
		},
		{
			// Perfect clustering under other cluster names.
			name: "perfect",
			items: []Item{
				{ID: "1", Gold: "A", Pred: "c7", Lang: "en"},
				{ID: "2", Gold: "A", Pred: "c7", Lang: "ar"},
				{ID: "3", Gold: "B", Pred: "c2", Lang: "ja"},
			},
			bcubed: PRF{1, 1, 1}, pairs: PRF{1, 1, 1}, xl: 1, xlPairs: 1,
		},
		{
			// Missing predictions are singletons: precision 1, recall 1/2
			// for the two items of A; the singleton B is perfect.
			name: "singletons",
			items: []Item{
				{ID: "1", Gold: "A", Lang: "en"},
				{ID: "2", Gold: "A", Lang: "en"},
				{ID: "3", Gold: "B", Lang: "en"},
			},
			bcubed: PRF{1, 2.0 / 3, 0.8}, pairs: PRF{1, 0, 0}, xl: 1, xlPairs: 0,
		},
		{
			// Everything in one cluster: recall 1, precision of A's items
			// 2/3, of B's 1/3.
			name: "one cluster",
			items: []Item{
				{ID: "1", Gold: "A", Pred: "c"},
				{ID: "2", Gold: "A", Pred: "c"},
				{ID: "3", Gold: "B", Pred: "c"},
			},
			bcubed: PRF{5.0 / 9, 1, 2 * (5.0 / 9) / (5.0/9 + 1)}, pairs: PRF{1.0 / 3, 1, 0.5}, xl: 1, xlPairs: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Evaluate(tt.items)
			if s.N != len(tt.items) {
				t.Errorf("N = %d, want %d", s.N, len(tt.items))
			}
			for _, c := range []struct {
				what      string
				got, want PRF
			}{{"BCubed", s.BCubed, tt.bcubed}, {"pairwise", s.Pairwise, tt.pairs}} {
				if !near(c.got.Precision, c.want.Precision) || !near(c.got.Recall, c.want.Recall) || !near(c.got.F1, c.want.F1) {
					t.Errorf("%s = %+v, want %+v", c.what, c.got, c.want)
				}
			}
			if !near(s.CrossLingualRecall, tt.xl) || s.CrossLingualPairs != tt.xlPairs {
				t.Errorf("cross-lingual recall = %v over %d pairs, want %v over %d", s.CrossLingualRecall, s.CrossLingualPairs, tt.xl, tt.xlPairs)
			}
		})
	}
}

func TestEvaluateEmpty(t *testing.T) {
	if s := Evaluate(nil); s.N != 0 {
		t.Errorf("Evaluate(nil).N = %d", s.N)
	}
}

func TestPearson(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		want float64 // NaN for undefined
	}{
		{"linear", []float64{1, 2, 3}, []float64{2, 4, 6}, 1},
		{"reversed", []float64{1, 2, 3}, []float64{3, 2, 1}, -1},
		// dx = -1 0 1, dy = -1 1 0: Σdxdy = 1, Σdx² = Σdy² = 2.
		{"hand-computed", []float64{1, 2, 3}, []float64{1, 3, 2}, 0.5},
		{"no variance", []float64{1, 1, 1}, []float64{1, 2, 3}, math.NaN()},
		{"lengths differ", []float64{1, 2}, []float64{1, 2, 3}, math.NaN()},
		{"empty", nil, nil, math.NaN()},
	}
	for _, tt := range tests {
		got := Pearson(tt.x, tt.y)
		if math.IsNaN(tt.want) != math.IsNaN(got) || !math.IsNaN(got) && !near(got, tt.want) {
			t.Errorf("%s: Pearson = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestEvaluateNoItems checks that Evaluate does as its doc says without
// items: cross-lingual recall 1, as whenever there is no cross-lingual pair.
func TestEvaluateNoItems(t *testing.T) {
	s := Evaluate(nil)
	if s.CrossLingualRecall != 1 || s.CrossLingualPairs != 0 || s.N != 0 {
		t.Errorf("Evaluate(nil) = %+v, want N 0, cross-lingual recall 1 over 0 pairs", s)
	}
	one := Evaluate([]Item{{ID: "a", Gold: "e", Pred: "c", Lang: "en"}})
	if one.CrossLingualRecall != s.CrossLingualRecall {
		t.Errorf("no cross-lingual pair: recall %v with one item, %v with none; want the same", one.CrossLingualRecall, s.CrossLingualRecall)
	}
}
