package dedup

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

func TestAverageLinkage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		pairs []planPair
		want  []int
	}{
		{"no pairs: each alone", 3, nil, []int{-1, -1, -1}},
		{"a pair under the threshold stays apart", 2, []planPair{{0, 1, 0.49}}, []int{-1, -1}},
		{"a pair at the threshold joins", 2, []planPair{{0, 1, 0.5}}, []int{0, 0}},
		{
			// Alone, 2 is like one member of {0, 1}, not two: the mean of
			// its two best pairs is (0.9 + 0) / 2.
			"a chain is not a group", 3,
			[]planPair{{0, 1, 0.95}, {1, 2, 0.9}},
			[]int{0, 0, -1},
		},
		{
			"a document like two members joins", 3,
			[]planPair{{0, 1, 0.95}, {1, 2, 0.9}, {0, 2, 0.3}},
			[]int{0, 0, 0},
		},
		{
			// The strongest pair goes first: 1–2 (0.9) before 0–1 (0.8),
			// and 0 is then like one member of {1, 2}.
			"the strongest pair first", 3,
			[]planPair{{0, 1, 0.8}, {1, 2, 0.9}},
			[]int{-1, 0, 0},
		},
		{
			// {0, 1} and {2, 3}: one strong pair across, three of
			// nothing; the mean of the four is 0.225.
			"two groups merge on the mean of all their pairs", 4,
			[]planPair{{0, 1, 0.95}, {2, 3, 0.95}, {1, 2, 0.9}},
			[]int{0, 0, 1, 1},
		},
		{
			"two groups alike on average merge", 4,
			[]planPair{{0, 1, 0.95}, {2, 3, 0.95}, {0, 2, 0.6}, {0, 3, 0.6}, {1, 2, 0.6}, {1, 3, 0.6}},
			[]int{0, 0, 0, 0},
		},
		{
			"two groups, numbered by their first document", 4,
			[]planPair{{1, 3, 0.7}, {0, 2, 0.6}},
			[]int{0, 1, 0, 1},
		},
	} {
		if got := averageLinkage(tc.n, tc.pairs, 0.5); !slices.Equal(got, tc.want) {
			t.Errorf("%s: groups %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestHeaviestKeys checks the selection of the heaviest keys against
// sorting all of them, on random vectors with ties of weight.
func TestHeaviestKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var v features.Vec
		for range r.IntN(100) {
			v.K = append(v.K, r.Uint64N(50))
			v.W = append(v.W, float32(r.IntN(8))/4)
		}
		keep := func(i int) bool { return v.K[i]%3 != 0 }
		for _, n := range []int{0, 1, 5, 24, 200} {
			var all []keyWeight
			for i, k := range v.K {
				if keep(i) {
					all = append(all, keyWeight{k, v.W[i]})
				}
			}
			slices.SortFunc(all, func(a, b keyWeight) int {
				return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.k, b.k))
			})
			want := all[:min(n, len(all))]
			got := heaviestKeys(nil, v, n, keep)
			if len(got) != len(want) || len(want) > 0 && !slices.Equal(got, want) {
				t.Fatalf("n %d: got %v, want %v", n, got, want)
			}
		}
	}
}
