// Package eval measures a clustering against gold labels: BCubed and pairwise
// precision, recall and F1, and the recall of pairs that cross languages.
package eval

import (
	"math"
	"sort"
)

// Item is one labelled document.
type Item struct {
	// ID identifies the document.
	ID string
	// Gold is its true cluster (event) label.
	Gold string
	// Pred is the predicted cluster.
	Pred string
	// Lang is its language; it is only used for cross-lingual recall.
	Lang string
}

// PRF is a precision, recall and F1 triple.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(p, r float64) PRF {
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// Scores are the measures of a clustering.
type Scores struct {
	// N is the number of items measured.
	N int `json:"n"`
	// BCubed averages, over items, the precision and recall of each item's
	// predicted cluster with respect to its gold cluster (Bagga and Baldwin,
	// 1998; Amigó et al., 2009).
	BCubed PRF `json:"bcubed"`
	// Pairwise counts pairs of items: a pair is a true positive when it shares
	// both the gold and the predicted cluster.
	Pairwise PRF `json:"pairwise"`
	// CrossLingualRecall is the share of same-event pairs in different
	// languages that are predicted in one cluster (1 when there are none).
	CrossLingualRecall float64 `json:"cross_lingual_recall"`
	// CrossLingualPairs is the number of such pairs.
	CrossLingualPairs int `json:"cross_lingual_pairs"`
}

// Evaluate scores a clustering. Items with an empty Pred are counted as
// singletons. Without items, the BCubed and pairwise figures are 0 and the
// cross-lingual recall is 1, as whenever there are no cross-lingual pairs.
func Evaluate(items []Item) Scores {
	s := Scores{N: len(items), CrossLingualRecall: 1}
	if len(items) == 0 {
		return s
	}
	gold := make(map[string][]int)
	pred := make(map[string][]int)
	for i, it := range items {
		gold[it.Gold] = append(gold[it.Gold], i)
		p := it.Pred
		if p == "" {
			p = "\x00singleton:" + it.ID
		}
		pred[p] = append(pred[p], i)
	}
	predOf := func(i int) string {
		if items[i].Pred == "" {
			return "\x00singleton:" + items[i].ID
		}
		return items[i].Pred
	}
	// BCubed.
	var bp, br float64
	for i, it := range items {
		pc := pred[predOf(i)]
		gc := gold[it.Gold]
		inter := 0
		for _, j := range pc {
			if items[j].Gold == it.Gold {
				inter++
			}
		}
		bp += float64(inter) / float64(len(pc))
		br += float64(inter) / float64(len(gc))
	}
	s.BCubed = prf(bp/float64(len(items)), br/float64(len(items)))

	// Pairwise, counted from cluster sizes.
	choose2 := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var predPairs, goldPairs, tp float64
	for _, m := range pred {
		predPairs += choose2(len(m))
		byGold := make(map[string]int)
		for _, j := range m {
			byGold[items[j].Gold]++
		}
		for _, n := range byGold {
			tp += choose2(n)
		}
	}
	for _, m := range gold {
		goldPairs += choose2(len(m))
	}
	p, r := 1.0, 1.0
	if predPairs > 0 {
		p = tp / predPairs
	}
	if goldPairs > 0 {
		r = tp / goldPairs
	}
	s.Pairwise = prf(p, r)

	// Cross-lingual pair recall.
	together := 0
	keys := make([]string, 0, len(gold))
	for k := range gold {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := gold[k]
		for x := 0; x < len(m); x++ {
			for y := x + 1; y < len(m); y++ {
				a, b := items[m[x]], items[m[y]]
				if a.Lang == b.Lang {
					continue
				}
				s.CrossLingualPairs++
				if predOf(m[x]) == predOf(m[y]) {
					together++
				}
			}
		}
	}
	s.CrossLingualRecall = 1
	if s.CrossLingualPairs > 0 {
		s.CrossLingualRecall = float64(together) / float64(s.CrossLingualPairs)
	}
	return s
}

// Pearson returns the Pearson correlation coefficient of two samples of
// equal length, or NaN when either has no variance or they differ in length.
func Pearson(x, y []float64) float64 {
	if len(x) != len(y) || len(x) == 0 {
		return math.NaN()
	}
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}
