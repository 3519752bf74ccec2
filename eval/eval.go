// Package eval measures a clustering against gold labels: BCubed and pairwise
// precision, recall and F1, and the recall of pairs that cross languages.
package eval

import "math"

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
	g := newGrouping(items)
	s.BCubed = g.bcubed()
	s.Pairwise = g.pairwise()
	s.CrossLingualRecall, s.CrossLingualPairs = g.crossLingual()
	return s
}

// grouping is the items grouped by gold and by predicted cluster (indices
// into items).
type grouping struct {
	items      []Item
	gold, pred map[string][]int
}

func newGrouping(items []Item) grouping {
	g := grouping{items: items, gold: make(map[string][]int), pred: make(map[string][]int)}
	for i, it := range items {
		g.gold[it.Gold] = append(g.gold[it.Gold], i)
		g.pred[g.predOf(i)] = append(g.pred[g.predOf(i)], i)
	}
	return g
}

// predOf is the predicted cluster of the i-th item, a cluster of its own
// when it has none.
func (g grouping) predOf(i int) string {
	if g.items[i].Pred == "" {
		return "\x00singleton:" + g.items[i].ID
	}
	return g.items[i].Pred
}

// bcubed averages, over items, the share of the item's predicted cluster in
// its gold cluster (precision) and of its gold cluster in its predicted one
// (recall).
func (g grouping) bcubed() PRF {
	var bp, br float64
	for i, it := range g.items {
		pc := g.pred[g.predOf(i)]
		inter := 0
		for _, j := range pc {
			if g.items[j].Gold == it.Gold {
				inter++
			}
		}
		bp += float64(inter) / float64(len(pc))
		br += float64(inter) / float64(len(g.gold[it.Gold]))
	}
	n := float64(len(g.items))
	return prf(bp/n, br/n)
}

// pairwise counts pairs from cluster sizes; without predicted (gold) pairs
// the precision (recall) is 1.
func (g grouping) pairwise() PRF {
	choose2 := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var predPairs, goldPairs, tp float64
	for _, m := range g.pred {
		predPairs += choose2(len(m))
		byGold := make(map[string]int)
		for _, j := range m {
			byGold[g.items[j].Gold]++
		}
		for _, n := range byGold {
			tp += choose2(n)
		}
	}
	for _, m := range g.gold {
		goldPairs += choose2(len(m))
	}
	p, r := 1.0, 1.0
	if predPairs > 0 {
		p = tp / predPairs
	}
	if goldPairs > 0 {
		r = tp / goldPairs
	}
	return prf(p, r)
}

// crossLingual returns the share of the gold pairs in different languages
// that are predicted together (1 without such pairs), and their number.
func (g grouping) crossLingual() (float64, int) {
	pairs, together := 0, 0
	for _, m := range g.gold {
		for x := 0; x < len(m); x++ {
			for y := x + 1; y < len(m); y++ {
				if g.items[m[x]].Lang == g.items[m[y]].Lang {
					continue
				}
				pairs++
				if g.predOf(m[x]) == g.predOf(m[y]) {
					together++
				}
			}
		}
	}
	if pairs == 0 {
		return 1, 0
	}
	return float64(together) / float64(pairs), pairs
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
