//go:build ignore

// fitsame fits the Same decision of Compare (DefaultSameScore) on rated
// article pairs and reports its out-of-fold rates. Run it from the root of
// the repository with the path of a file of rated pairs, such as the
// SemEval-2022 Task 8 development pairs of the project's corpus:
//
//	go run ./dedup/fitsame.go ../shared/corpus/semeval-pairs-dev.jsonl
//
// Each line is {"pair", "overall", "a": DOC, "b": DOC}, overall the mean human
// rating from 1 (the same story) to 4 (unrelated). All pairs are compared in
// one batch with the default settings, as "eventdedup compare" does. A pair
// rated at most 1.5 is a same-story pair, one rated 3 or more a dissimilar
// pair; the pairs in between are ambiguous and left out of the fit.
//
// The decision is a threshold on the graded Score: the least score at which at
// most -max of the dissimilar pairs are judged the same (the more same-story
// pairs the lower the threshold). A pair left without content (its documents
// being mostly text that recurs in the batch) is not the same unless its
// documents are near-verbatim copies of each other. The threshold is fitted by
// k-fold cross-validation stratified by language pair and label, repeated with
// several seeds: the program prints the out-of-fold rates, in all and by
// language pair, the range of the fold thresholds, and the in-sample fit on
// all pairs, whose threshold is the constant.
//
// It then fits the weights of the chars channel in the score, within one
// language and across languages (pairscore.CharsWeight and CharsWeightAcross):
// for each pair of weights of a grid it recomputes the score of every pair
// from the parts of its evidence (rounded to 4 digits, the cluster part of the
// whole documents: a close approximation of the score with those weights) and
// prints the out-of-fold rates of the threshold fitted on it; and, nested, it
// chooses the weights inside each training fold (those that find the most
// same-story pairs there) and prints the out-of-fold rates of that choice. For
// comparison it fits a logistic model over the channels of the score (chars,
// words, cluster) with the same procedure.
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/dedup/internal/pairscore"
	"github.com/eventdedup/eventdedup/jsonl"
)

// Rating bounds of the two classes.
const (
	sameStory  = 1.5 // overall ≤: same story
	dissimilar = 3.0 // overall ≥: somewhat or very dissimilar
)

type item struct {
	score   float64
	parts   pairscore.Score // the channels of the evidence
	cluster float64         // the cluster part of the evidence
	dup     bool            // near-verbatim copies: the score is at least cluster
	x       []float64       // channel features of the logistic model
	blind   bool            // no content and no copy: never the same
	label   bool            // same story
	langs   string
	overall float64
}

func main() {
	folds := flag.Int("folds", 10, "number of cross-validation folds")
	repeats := flag.Int("repeats", 5, "cross-validation runs, with seeds 1…N")
	maxFalse := flag.Float64("max", 0.04, "largest fraction of dissimilar pairs judged the same, in the fit")
	events := flag.String("events", "", "check the fitted threshold on all pairs of the documents of this JSON Lines `FILE` with gold \"event\" labels")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./dedup/fitsame.go [flags] pairs.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	items, err := load(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	byScore := func(it item) float64 { return it.score }
	fmt.Printf("%d labelled pairs (%d same-story, %d dissimilar), -max %.3f\n\n",
		len(items), count(items, true), count(items, false), *maxFalse)

	fmt.Println("trade-off in all pairs (in-sample): -max, threshold, same for dissimilar, same for same-story")
	for _, m := range []float64{0.02, 0.04, 0.05, 0.08, 0.10, 0.15, 0.20, 0.25} {
		t := fitThreshold(items, byScore, m)
		pred := make([]bool, len(items))
		for i, it := range items {
			pred[i] = decide(it, byScore, t)
		}
		r := rateOf(items, pred, keepLang("all"))
		fmt.Printf("  %.2f  %.4f  %5.1f%%  %5.1f%%\n", m, t, 100*r.falseR, 100*r.trueR)
	}

	t := fitThreshold(items, byScore, *maxFalse)
	named := math.Round(t*100) / 100
	fmt.Printf("\nin-sample: threshold %.4f, named %.2f:\n", t, named)
	report(items, func(it item) bool { return decide(it, byScore, named) })

	var oof [][]bool
	var ts []float64
	for seed := 1; seed <= *repeats; seed++ {
		pred, _ := crossValidate(items, *folds, uint64(seed), func(train []item) func(item) bool {
			t := fitThreshold(train, byScore, *maxFalse)
			ts = append(ts, t)
			return func(it item) bool { return decide(it, byScore, t) }
		})
		oof = append(oof, pred)
	}
	fmt.Printf("\nout-of-fold (%d folds × %d seeds): fold thresholds %.4f–%.4f\n", *folds, *repeats, slices.Min(ts), slices.Max(ts))
	reportRuns(items, oof)

	sweepCharsWeight(items, *folds, *repeats, *maxFalse)

	var lo [][]bool
	for seed := 1; seed <= *repeats; seed++ {
		pred, _ := crossValidate(items, *folds, uint64(seed), func(train []item) func(item) bool {
			w := fitLogistic(train)
			logit := func(it item) float64 { return dotw(w, it.x) }
			t := fitThreshold(train, logit, *maxFalse)
			return func(it item) bool { return decide(it, logit, t) }
		})
		lo = append(lo, pred)
	}
	w := fitLogistic(items)
	fmt.Printf("\nfor comparison, logistic over the channels %v, weights %.3f (in all pairs)\n", channels, w)
	fmt.Printf("out-of-fold (%d folds × %d seeds):\n", *folds, *repeats)
	reportRuns(items, lo)

	if *events != "" {
		if err := checkEvents(*events, named); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("\nDefaultSameScore = %.2f (-max %.2f; fold thresholds %.2f–%.2f)\n", named, *maxFalse, slices.Min(ts), slices.Max(ts))
}

// channels name the features of the logistic model: the square roots of the
// cosines of the score's channels, zero when a channel does not apply, and
// whether it applies.
var channels = []string{"1", "√chars", "has chars", "√words", "has words", "√cluster"}

// load compares the pairs of path in one batch and returns the labelled ones.
func load(path string) ([]item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		pairs   []dedup.Pair
		overall []float64
	)
	for raw, err := range jsonl.RawLines(f) {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line := raw.N
		var in struct {
			Overall *float64
			A, B    json.RawMessage
		}
		if err := json.Unmarshal(raw.Data, &in); err != nil || in.Overall == nil {
			return nil, fmt.Errorf("%s: line %d: want a rated pair {\"overall\", \"a\", \"b\"}", path, line)
		}
		a, aerr := jsonl.Parse(in.A)
		b, berr := jsonl.Parse(in.B)
		if err := cmp.Or(aerr, berr); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", path, line, err)
		}
		pairs = append(pairs, dedup.Pair{A: a, B: b})
		overall = append(overall, *in.Overall)
	}
	c, err := dedup.New()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var items []item
	i := 0
	rs, err := c.CompareAll(context.Background(), pairs)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		p, o := pairs[i], overall[i]
		i++
		if o > sameStory && o < dissimilar {
			continue
		}
		parts := r.Evidence.Parts
		chars, hasChars := parts["chars"]
		words, hasWords := parts["words"]
		it := item{
			score:   r.Score,
			parts:   pairscore.Score{Chars: chars, Words: words, HasChars: hasChars, HasWords: hasWords},
			cluster: parts["cluster"],
			dup:     r.Duplicate,
			blind:   blind(r) && !r.Duplicate,
			label:   o <= sameStory,
			langs:   features.BaseLang(p.A.Lang) + "-" + features.BaseLang(p.B.Lang),
			overall: o,
			x:       []float64{1},
		}
		for _, ch := range []string{"chars", "words"} {
			v, ok := parts[ch]
			it.x = append(it.x, math.Sqrt(max(0, v)), b2f(ok))
		}
		it.x = append(it.x, math.Sqrt(max(0, parts["cluster"])))
		items = append(items, it)
	}
	return items, nil
}

// The grid of weights of the chars channel swept, within one language and
// across languages.
var (
	charsWithin = []float64{1, 2, 3, 4, 5, 6, 8}
	charsAcross = []float64{0.25, 0.5, 1}
)

type weights struct{ within, across float64 }

// weighted returns the score of an undated pair recomputed from its
// evidence with the chars channel weighing w.
func weighted(w weights) func(item) float64 {
	return func(it item) float64 {
		v := it.parts.Combine(it.cluster, w.within, w.across)
		if it.dup {
			v = max(v, it.cluster)
		}
		return v
	}
}

// sweepCharsWeight prints the out-of-fold rates of the decision on the score
// with each pair of weights of the chars channel, and of weights chosen in
// each training fold.
func sweepCharsWeight(items []item, folds, repeats int, maxFalse float64) {
	fmt.Printf("\nweights of the chars channel (pairscore.CharsWeight %v, CharsWeightAcross %v), score recomputed from the evidence;\n",
		pairscore.CharsWeight, pairscore.CharsWeightAcross)
	fmt.Println("out of fold, same for dissimilar / same-story, by the weight within one language and across languages:")
	fmt.Print("  within")
	for _, x := range charsAcross {
		fmt.Printf("   across %-4g  ", x)
	}
	fmt.Println()
	var best weights
	bestTrue := -1.0
	for _, in := range charsWithin {
		fmt.Printf("  %4g  ", in)
		for _, x := range charsAcross {
			w := weights{in, x}
			value := weighted(w)
			var fs, ts []float64
			for seed := 1; seed <= repeats; seed++ {
				pred, _ := crossValidate(items, folds, uint64(seed), func(train []item) func(item) bool {
					t := fitThreshold(train, value, maxFalse)
					return func(it item) bool { return decide(it, value, t) }
				})
				r := rateOf(items, pred, keepLang("all"))
				fs, ts = append(fs, r.falseR), append(ts, r.trueR)
			}
			if m := mean(ts); m > bestTrue {
				best, bestTrue = w, m
			}
			fmt.Printf("  %4.1f%% %5.1f%%  ", 100*mean(fs), 100*mean(ts))
		}
		fmt.Println()
	}
	fmt.Printf("  most same-story pairs out of fold at %g within, %g across\n", best.within, best.across)
	var runs [][]bool
	var chosen []weights
	for seed := 1; seed <= repeats; seed++ {
		pred, _ := crossValidate(items, folds, uint64(seed), func(train []item) func(item) bool {
			var bw weights
			bt, bv := -1.0, 0.0
			for _, in := range charsWithin {
				for _, x := range charsAcross {
					w := weights{in, x}
					value := weighted(w)
					t := fitThreshold(train, value, maxFalse)
					pred := make([]bool, len(train))
					for i, it := range train {
						pred[i] = decide(it, value, t)
					}
					if r := rateOf(train, pred, keepLang("all")); r.trueR > bt {
						bw, bt, bv = w, r.trueR, t
					}
				}
			}
			chosen = append(chosen, bw)
			value := weighted(bw)
			return func(it item) bool { return decide(it, value, bv) }
		})
		runs = append(runs, pred)
	}
	in, x := make([]float64, len(chosen)), make([]float64, len(chosen))
	for i, w := range chosen {
		in[i], x[i] = w.within, w.across
	}
	fmt.Printf("nested: the weights chosen in each training fold (within %g–%g, across %g–%g), out of fold:\n",
		slices.Min(in), slices.Max(in), slices.Min(x), slices.Max(x))
	reportRuns(items, runs)
}

func mean(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m += x
	}
	return m / float64(max(len(xs), 1))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func count(items []item, label bool) int {
	n := 0
	for _, it := range items {
		if it.label == label {
			n++
		}
	}
	return n
}

// decide is the decision: a pair with content whose value reaches t.
func decide(it item, value func(item) float64, t float64) bool {
	return !it.blind && value(it) >= t
}

// fitThreshold returns the least threshold on value at which at most
// maxFalse of the dissimilar pairs of items are judged the same: midway
// between the scores of two dissimilar pairs.
func fitThreshold(items []item, value func(item) float64, maxFalse float64) float64 {
	var neg []float64
	for _, it := range items {
		if !it.label && !it.blind {
			neg = append(neg, value(it))
		}
	}
	n := count(items, false)
	allowed := int(math.Floor(maxFalse * float64(n)))
	sort.Sort(sort.Reverse(sort.Float64Slice(neg)))
	if allowed >= len(neg) {
		return math.Inf(-1)
	}
	// neg[allowed] and below are not the same; neg[:allowed] may be.
	hi := math.Inf(1)
	if allowed > 0 {
		hi = neg[allowed-1]
	}
	if math.IsInf(hi, 1) {
		return math.Nextafter(neg[0], math.Inf(1))
	}
	return (hi + neg[allowed]) / 2
}

// crossValidate returns the out-of-fold decisions of the rule fitted by fit,
// with folds stratified by language pair and label, shuffled by seed.
func crossValidate(items []item, folds int, seed uint64, fit func([]item) func(item) bool) ([]bool, []int) {
	rng := rand.New(rand.NewPCG(seed, 0x5a3e))
	strata := make(map[string][]int)
	for i, it := range items {
		k := fmt.Sprintf("%s/%v", it.langs, it.label)
		strata[k] = append(strata[k], i)
	}
	keys := make([]string, 0, len(strata))
	for k := range strata {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fold := make([]int, len(items))
	next := 0
	for _, k := range keys {
		idx := strata[k]
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			fold[i] = next % folds
			next++
		}
	}
	pred := make([]bool, len(items))
	for f := range folds {
		var train []item
		for i, it := range items {
			if fold[i] != f {
				train = append(train, it)
			}
		}
		rule := fit(train)
		for i, it := range items {
			if fold[i] == f {
				pred[i] = rule(it)
			}
		}
	}
	return pred, fold
}

// rates are the fractions of same decisions among the dissimilar and the
// same-story pairs.
type rates struct {
	neg, pos      int
	negSame, tp   int
	falseR, trueR float64
}

func rateOf(items []item, pred []bool, keep func(item) bool) rates {
	var r rates
	for i, it := range items {
		if !keep(it) {
			continue
		}
		switch {
		case it.label:
			r.pos++
			if pred[i] {
				r.tp++
			}
		default:
			r.neg++
			if pred[i] {
				r.negSame++
			}
		}
	}
	r.falseR = float64(r.negSame) / float64(max(r.neg, 1))
	r.trueR = float64(r.tp) / float64(max(r.pos, 1))
	return r
}

func langPairs(items []item) []string {
	var out []string
	for _, it := range items {
		if !slices.Contains(out, it.langs) {
			out = append(out, it.langs)
		}
	}
	sort.Strings(out)
	return append([]string{"all"}, out...)
}

func keepLang(lp string) func(item) bool {
	return func(it item) bool { return lp == "all" || it.langs == lp }
}

// report prints the rates of one run of decisions.
func report(items []item, rule func(item) bool) {
	pred := make([]bool, len(items))
	for i, it := range items {
		pred[i] = rule(it)
	}
	reportRuns(items, [][]bool{pred})
}

// reportRuns prints the rates of runs of decisions, in all and by language
// pair: their mean and, over several runs, their range.
func reportRuns(items []item, runs [][]bool) {
	fmt.Println("  pairs          same for dissimilar     same for same-story")
	for _, lp := range langPairs(items) {
		var fs, ts []float64
		var r rates
		for _, pred := range runs {
			r = rateOf(items, pred, keepLang(lp))
			fs, ts = append(fs, r.falseR), append(ts, r.trueR)
		}
		fmt.Printf("  %-6s %s   %s\n", lp, span(fs, r.neg), span(ts, r.pos))
	}
}

func span(xs []float64, n int) string {
	m := 0.0
	for _, x := range xs {
		m += x
	}
	m /= float64(len(xs))
	if len(xs) == 1 {
		return fmt.Sprintf("%5.1f%% of %3d          ", 100*m, n)
	}
	return fmt.Sprintf("%5.1f%% of %3d (%4.1f–%4.1f)", 100*m, n, 100*slices.Min(xs), 100*slices.Max(xs))
}

// fitLogistic fits the weights of a logistic model of label on x by gradient
// descent on the mean log-loss with an L2 penalty (not on the intercept).
func fitLogistic(items []item) []float64 {
	const (
		steps = 2000
		rate  = 1.0
		l2    = 1e-3
	)
	d := len(items[0].x)
	w := make([]float64, d)
	g := make([]float64, d)
	for range steps {
		clear(g)
		for _, it := range items {
			p := 1 / (1 + math.Exp(-dotw(w, it.x)))
			e := p - b2f(it.label)
			for j, x := range it.x {
				g[j] += e * x
			}
		}
		for j := range w {
			reg := 0.0
			if j > 0 {
				reg = l2 * w[j]
			}
			w[j] -= rate * (g[j]/float64(len(items)) + reg)
		}
	}
	return w
}

func dotw(w, x []float64) float64 {
	s := 0.0
	for j := range w {
		s += w[j] * x[j]
	}
	return s
}

// checkEvents compares all pairs of the documents of path, with gold event
// labels, and prints how many pairs of one event and of different events
// score t or more, by whether the two are of one language.
func checkEvents(path string, t float64) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var (
		docs  []dedup.Document
		event []string
	)
	for raw, err := range jsonl.RawLines(f) {
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		var g struct{ Event string }
		if err := json.Unmarshal(raw.Data, &g); err != nil {
			return fmt.Errorf("%s: line %d: %w", path, raw.N, err)
		}
		d, err := jsonl.Parse(raw.Data)
		if err != nil {
			return fmt.Errorf("%s: line %d: %w", path, raw.N, err)
		}
		docs, event = append(docs, d), append(event, g.Event)
	}
	var pairs []dedup.Pair
	var at [][2]int
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			pairs = append(pairs, dedup.Pair{A: docs[i], B: docs[j]})
			at = append(at, [2]int{i, j})
		}
	}
	c, err := dedup.New()
	if err != nil {
		return err
	}
	defer c.Close()
	type key struct{ sameEvent, sameLang bool }
	n, same := make(map[key]int), make(map[key]int)
	var worst []string
	top, topPair := 0.0, ""
	i := 0
	rs, err := c.CompareAll(context.Background(), pairs)
	if err != nil {
		return err
	}
	for _, r := range rs {
		p, ij := pairs[i], at[i]
		i++
		k := key{event[ij[0]] == event[ij[1]], features.BaseLang(p.A.Lang) == features.BaseLang(p.B.Lang)}
		n[k]++
		if !k.sameEvent && r.Score > top {
			top, topPair = r.Score, p.A.ID+"/"+p.B.ID
		}
		if (!blind(r) || r.Duplicate) && r.Score >= t {
			same[k]++
			if !k.sameEvent {
				worst = append(worst, fmt.Sprintf("%s/%s %.3f", p.A.ID, p.B.ID, r.Score))
			}
		}
	}
	fmt.Printf("\n%s: pairs scoring %.2f or more (%d documents)\n", path, t, len(docs))
	for _, k := range []key{{true, true}, {true, false}, {false, true}, {false, false}} {
		what := map[bool]string{true: "one event", false: "different events"}[k.sameEvent]
		lang := map[bool]string{true: "one language", false: "two languages"}[k.sameLang]
		fmt.Printf("  %-16s %-13s %3d of %3d\n", what, lang, same[k], n[k])
	}
	fmt.Printf("  the highest score of a pair of different events: %.3f (%s)\n", top, topPair)
	for _, w := range worst {
		fmt.Println("  different events judged the same:", w)
	}
	return nil
}

// blind reports whether a pair was left without content: Compare then sets
// the part "content" of its evidence to 0.
func blind(r dedup.Comparison) bool {
	v, ok := r.Evidence.Parts["content"]
	return ok && v == 0
}
