package dedup

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/jsonl"
)

// Fitting the link model (link.go):
//
//	go test ./dedup -run TestFitLinkModel -fit [-corpus DIR] [-heldout FILE]
//
// reads dev-events.jsonl and ecbplus-dev.jsonl from DIR (default
// ../../shared/corpus, the corpora beside the repository) and the held-out
// set of testdata, whole and reduced to their titles, fits the logistic
// link model on labelled pairs with five-fold cross-validation (folds by
// topic: an ECB+ topic, or the event of a pair's first document), prints
// the out-of-fold figures, the best pair threshold out of fold, and the
// weights fitted on all pairs as the Go constants of weights.go. Without
// -fit the test is skipped. Features are weighted by their rarity among
// all the documents of a set at once, as a Clusterer would among the
// documents in memory.
var (
	fitFlag    = flag.Bool("fit", false, "fit the link model (TestFitLinkModel)")
	fitCorpus  = flag.String("corpus", filepath.Join("..", "..", "shared", "corpus"), "directory of the development corpora")
	fitHeldout = flag.String("heldout", filepath.Join("..", "testdata", "heldout-events.jsonl"), "held-out events file")
)

// labelledPair is a pair of documents with its features and label.
type labelledPair struct {
	f      [numFeatures]float64
	same   bool
	set    int // index of the data set
	fold   int
	weight float64
}

// fitSet is a labelled data set read for fitting.
type fitSet struct {
	name  string
	docs  []*doc
	event []string
	topic []string // ECB+ topic, or the event
}

func readFitSet(t *testing.T, c *Clusterer, name, path string, titleOnly bool) fitSet {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := fitSet{name: name}
	st := features.NewStats()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		d, err := jsonl.Parse(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		var g struct{ Event string }
		json.Unmarshal(sc.Bytes(), &g)
		if titleOnly {
			if d.Title == "" {
				d.Title, _, _ = strings.Cut(d.Text, "\n")
			}
			d.Text = ""
		}
		p, err := c.prepare(d)
		if err != nil {
			t.Fatal(err)
		}
		s.docs = append(s.docs, p.d)
		s.event = append(s.event, g.Event)
		topic := g.Event
		if i := strings.IndexByte(g.Event, '_'); i > 0 && strings.HasPrefix(name, "ecbplus") {
			topic = g.Event[:i]
		}
		s.topic = append(s.topic, topic)
		st.Update(p.d.Doc, 1)
	}
	for _, d := range s.docs {
		d.Attest(st)
		d.Weigh(st)
	}
	return s
}

// pairs returns the labelled pairs of a set: all pairs within a topic, and
// for every document three pairs with documents of other topics; of these,
// those a document may be compared with, published within the window of
// each other or undated (see window.near).
func (s fitSet) pairs(set int) []labelledPair {
	var out []labelledPair
	fold := func(topic string) int { return int(features.TokenHash("fold", topic) % 5) }
	r := rand.New(rand.NewPCG(uint64(set)+1, 7))
	for i := range s.docs {
		for j := i + 1; j < len(s.docs); j++ {
			if s.topic[i] != s.topic[j] && strings.HasPrefix(s.name, "ecbplus") {
				continue
			}
			f := pairFeatures(s.docs[i], s.docs[j], DefaultWindow)
			if f[featGap] > 1 {
				continue // never compared: not within the window
			}
			out = append(out, labelledPair{f: f, same: s.event[i] == s.event[j], set: set, fold: fold(s.topic[i])})
		}
		if !strings.HasPrefix(s.name, "ecbplus") {
			continue
		}
		for range 3 {
			j := r.IntN(len(s.docs))
			if f := pairFeatures(s.docs[i], s.docs[j], DefaultWindow); s.topic[j] != s.topic[i] && f[featGap] <= 1 {
				out = append(out, labelledPair{f: f, set: set, fold: fold(s.topic[i])})
			}
		}
	}
	return out
}

// balance weighs pairs so that every set counts the same, and within a set
// the same pairs and the different ones.
func balance(ps []labelledPair) {
	n := make(map[[2]int]int)
	key := func(p labelledPair) [2]int {
		k := [2]int{p.set, 0}
		if p.same {
			k[1] = 1
		}
		return k
	}
	for _, p := range ps {
		n[key(p)]++
	}
	for i := range ps {
		ps[i].weight = 1 / float64(n[key(ps[i])])
	}
}

// fitLogistic fits weights (bias last) by Newton's method with an L2
// penalty lambda on the weights (not the bias).
func fitLogistic(ps []labelledPair, lambda float64) [numFeatures + 1]float64 {
	const m = numFeatures + 1
	var w [m]float64
	for range 50 {
		var g [m]float64
		var h [m][m]float64
		for _, p := range ps {
			var x [m]float64
			copy(x[:], p.f[:])
			x[numFeatures] = 1
			z := 0.0
			for i := range x {
				z += w[i] * x[i]
			}
			q := 1 / (1 + math.Exp(-z))
			y := 0.0
			if p.same {
				y = 1
			}
			for i := range x {
				g[i] += p.weight * (q - y) * x[i]
				for j := range x {
					h[i][j] += p.weight * q * (1 - q) * x[i] * x[j]
				}
			}
		}
		for i := range numFeatures {
			g[i] += lambda * w[i]
			h[i][i] += lambda
		}
		h[numFeatures][numFeatures] += 1e-9
		step := solve(h, g)
		for i := range w {
			w[i] -= step[i]
		}
	}
	return w
}

// solve solves h·x = g by Gaussian elimination with partial pivoting.
func solve(h [numFeatures + 1][numFeatures + 1]float64, g [numFeatures + 1]float64) [numFeatures + 1]float64 {
	const m = numFeatures + 1
	for c := range m {
		p := c
		for r := c + 1; r < m; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		if h[c][c] == 0 {
			continue
		}
		for r := c + 1; r < m; r++ {
			k := h[r][c] / h[c][c]
			for j := c; j < m; j++ {
				h[r][j] -= k * h[c][j]
			}
			g[r] -= k * g[c]
		}
	}
	var x [m]float64
	for c := m - 1; c >= 0; c-- {
		s := g[c]
		for j := c + 1; j < m; j++ {
			s -= h[c][j] * x[j]
		}
		if h[c][c] != 0 {
			x[c] = s / h[c][c]
		}
	}
	return x
}

func prob(w [numFeatures + 1]float64, f [numFeatures]float64) float64 {
	z := w[numFeatures]
	for i, x := range f {
		z += w[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// pairF1 is the F1 of the decision p ≥ theta on the pairs of one set.
func pairF1(ps []labelledPair, oof []float64, set int, theta float64) (prec, rec, f1 float64) {
	var tp, fp, fn float64
	for i, p := range ps {
		if p.set != set {
			continue
		}
		switch yes := oof[i] >= theta; {
		case yes && p.same:
			tp++
		case yes:
			fp++
		case p.same:
			fn++
		}
	}
	if tp == 0 {
		return 0, 0, 0
	}
	prec, rec = tp/(tp+fp), tp/(tp+fn)
	return prec, rec, 2 * prec * rec / (prec + rec)
}

func TestFitLinkModel(t *testing.T) {
	if !*fitFlag {
		t.Skip("run with -fit to fit the link model")
	}
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var sets []fitSet
	for _, titleOnly := range []bool{false, true} {
		suffix := map[bool]string{true: "-titles"}[titleOnly]
		sets = append(sets,
			readFitSet(t, c, "dev-events"+suffix, filepath.Join(*fitCorpus, "dev-events.jsonl"), titleOnly),
			readFitSet(t, c, "ecbplus"+suffix, filepath.Join(*fitCorpus, "ecbplus-dev.jsonl"), titleOnly),
			readFitSet(t, c, "heldout"+suffix, *fitHeldout, titleOnly))
	}
	var ps []labelledPair
	for i, s := range sets {
		ps = append(ps, s.pairs(i)...)
	}
	balance(ps)
	const lambda = 1e-3
	oof := make([]float64, len(ps))
	for k := range 5 {
		var train []labelledPair
		for _, p := range ps {
			if p.fold != k {
				train = append(train, p)
			}
		}
		w := fitLogistic(train, lambda)
		for i, p := range ps {
			if p.fold == k {
				oof[i] = prob(w, p.f)
			}
		}
	}
	// The threshold maximising the mean out-of-fold pair F1 of the sets.
	bestTheta, bestF := 0.0, -1.0
	for theta := 0.05; theta < 0.96; theta += 0.01 {
		f := 0.0
		for i := range sets {
			_, _, f1 := pairF1(ps, oof, i, theta)
			f += f1 / float64(len(sets))
		}
		if f > bestF {
			bestTheta, bestF = theta, f
		}
	}
	for i, s := range sets {
		p, r, f := pairF1(ps, oof, i, bestTheta)
		n, same := 0, 0
		for _, q := range ps {
			if q.set == i {
				n++
				if q.same {
					same++
				}
			}
		}
		t.Logf("%-17s %5d pairs (%d same), out of fold at %.2f: P %.3f R %.3f F1 %.3f", s.name, n, same, bestTheta, p, r, f)
	}
	lo, hi := bestTheta, bestTheta
	for theta := 0.05; theta < 0.96; theta += 0.01 {
		f := 0.0
		for i := range sets {
			_, _, f1 := pairF1(ps, oof, i, theta)
			f += f1 / float64(len(sets))
		}
		if f >= bestF-0.01 {
			lo, hi = min(lo, theta), max(hi, theta)
		}
	}
	w := fitLogistic(ps, lambda)
	names := []string{"Terms", "Surface", "Ents", "Names", "Places", "Numbers", "CrossLang", "CrossScript", "Gap", "Undated", "Short", "ShortTerms", "ShortEnts", "ShortSurface"}
	var b strings.Builder
	fmt.Fprintf(&b, "pairs %d; mean out-of-fold pair F1 %.3f at %.2f (within 0.01 of it: %.2f–%.2f)\n", len(ps), bestF, bestTheta, lo, hi)
	for i, n := range names {
		fmt.Fprintf(&b, "\tfeat%s: %.3f,\n", n, w[i])
	}
	fmt.Fprintf(&b, "const linkBias = %.3f\n", w[numFeatures])
	t.Log("\n" + b.String())
}
