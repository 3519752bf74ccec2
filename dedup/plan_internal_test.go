package dedup

import (
	"slices"
	"testing"
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
			// Single linkage would chain 0–1–2; the mean of 2 with {0, 1}
			// is (0 + 0.9) / 2.
			"a chain is not a group", 3,
			[]planPair{{0, 1, 0.95}, {1, 2, 0.9}},
			[]int{0, 0, -1},
		},
		{
			"a group joins when most of its pairs link", 3,
			[]planPair{{0, 1, 0.95}, {1, 2, 0.9}, {0, 2, 0.3}},
			[]int{0, 0, 0},
		},
		{
			// The strongest pair goes first: 1–2 (0.9) before 0–1 (0.8),
			// and 0 then has a mean of 0.4 with {1, 2}.
			"the strongest pair first", 3,
			[]planPair{{0, 1, 0.8}, {1, 2, 0.9}},
			[]int{-1, 0, 0},
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
