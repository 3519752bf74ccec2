//go:build ignore

// fitlink fits the link model of package dedup (dedup/internal/link) on
// labelled documents and writes its weights. Run it from the root of the
// repository with the labelled sets, JSON Lines of documents with an
// "event" label (ECB+ labels, "<topic>_ecb" and "<topic>_ecbplus", name
// their topic):
//
//	go run ./dedup/fitlink.go ../shared/corpus/dev-events.jsonl ../shared/corpus/ecbplus-dev.jsonl testdata/heldout-events.jsonl
//
// Each set is read twice, whole and reduced to its titles. The documents of
// a set are analysed as a Clusterer analyses them (language, features),
// weighted by their rarity among all the documents of the set, and paired:
// every pair of documents within the window of each other (or undated) and,
// in a set with topics, within one topic, plus three pairs across topics
// for every document. A pair is labelled the same when its documents have
// one event. Every set weighs the same and, within a set, the pairs of one
// event as much as the others. The logistic model is fitted by Newton's
// method with an L2 penalty of 0.001, with five-fold cross-validation by
// topic (the ECB+ topic, or the event of a pair's first document): the
// program prints the out-of-fold pair precision, recall and F1 of each set
// at the threshold with the best mean F1, and writes the weights fitted on
// all pairs to dedup/internal/link/weights.go (-o), with these figures.
// With -dump FILE it writes the labelled pairs and their features as TSV
// instead, and fits nothing.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/dedup/internal/link"
	"github.com/eventdedup/eventdedup/jsonl"
	"github.com/eventdedup/eventdedup/lang"
)

// window is the default window of a Clusterer (dedup.DefaultWindow).
const window = 72 * time.Hour

// lambda is the L2 penalty on the weights.
const lambda = 1e-3

// names are the Go names of the features, in the order of link.N.
var names = [link.N]string{"Terms", "Surface", "Ents", "Names", "Places", "Numbers", "Concepts", "CrossLang", "CrossScript", "Gap", "Undated", "YearGap", "Short", "ShortTerms", "ShortEnts", "ShortSurface"}

func main() {
	out := flag.String("o", filepath.Join("dedup", "internal", "link", "weights.go"), "the Go `file` to write the weights to")
	dump := flag.String("dump", "", "write the pairs' features as TSV to `file` and stop")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./dedup/fitlink.go [-o weights.go] labelled.jsonl ...")
		os.Exit(2)
	}
	x, err := features.NewExtractor()
	if err != nil {
		log.Fatal(err)
	}
	det := lang.New(lang.WithLowAccuracy())
	var sets []fitSet
	for _, titleOnly := range []bool{false, true} {
		for _, path := range flag.Args() {
			s, err := readSet(x, det, path, titleOnly)
			if err != nil {
				log.Fatal(err)
			}
			sets = append(sets, s)
		}
	}
	var ps []labelledPair
	for i, s := range sets {
		ps = append(ps, s.pairs(i)...)
	}
	balance(ps)
	if *dump != "" {
		if err := dumpPairs(*dump, sets, ps); err != nil {
			log.Fatal(err)
		}
		return
	}
	report, w := crossValidate(sets, ps)
	fmt.Print(report)
	if err := writeWeights(*out, report, w); err != nil {
		log.Fatal(err)
	}
}

// fitSet is a labelled data set read for fitting.
type fitSet struct {
	name   string
	topics bool // whether the labels name topics (ECB+)
	docs   []*features.Doc
	event  []string
	topic  []string // the ECB+ topic, or the event
}

// readSet reads and analyses a labelled set, whole or reduced to its
// titles (a document without title keeps its text's first line).
func readSet(x *features.Extractor, det *lang.Detector, path string, titleOnly bool) (fitSet, error) {
	f, err := os.Open(path)
	if err != nil {
		return fitSet{}, err
	}
	defer f.Close()
	s := fitSet{name: strings.TrimSuffix(filepath.Base(path), ".jsonl")}
	if titleOnly {
		s.name += " (titles)"
	}
	st := features.NewStats()
	for raw, err := range jsonl.RawLines(f) {
		if err != nil {
			return s, fmt.Errorf("%s: %w", path, err)
		}
		d, err := jsonl.Parse(raw.Data)
		if err != nil {
			return s, fmt.Errorf("%s: line %d: %w", path, raw.N, err)
		}
		var g struct{ Event string }
		if err := json.Unmarshal(raw.Data, &g); err != nil || g.Event == "" {
			return s, fmt.Errorf("%s: %s has no event label", path, d.ID)
		}
		if titleOnly {
			if d.Title == "" {
				d.Title, _, _ = strings.Cut(d.Text, "\n")
			}
			d.Text = ""
		}
		res := det.DetectHint(d.Title+"\n"+d.Text, d.Lang)
		e, err := x.Extract(d, features.BaseLang(res.Tag))
		if err != nil {
			return s, err
		}
		fd := features.NewDoc(d.ID, e, d.Published)
		s.docs = append(s.docs, fd)
		s.event = append(s.event, g.Event)
		topic, kind, ok := strings.Cut(g.Event, "_")
		if ok && (kind == "ecb" || kind == "ecbplus") {
			s.topics = true
		} else {
			topic = g.Event
		}
		s.topic = append(s.topic, topic)
		st.Update(fd, 1)
	}
	for _, d := range s.docs {
		d.Attest(st)
		d.Weigh(st)
	}
	return s, nil
}

// pairs returns the labelled pairs of a set: the pairs of documents within
// the window of each other (or undated) and, with topics, within a topic,
// and three pairs across topics for each document.
func (s fitSet) pairs(set int) []labelledPair {
	var out []labelledPair
	fold := func(topic string) int { return int(features.TokenHash("fold", topic) % 5) }
	r := rand.New(rand.NewPCG(uint64(set%3)+1, 7))
	for i := range s.docs {
		for j := i + 1; j < len(s.docs); j++ {
			if s.topics && s.topic[i] != s.topic[j] {
				continue
			}
			f := link.Features(s.docs[i], s.docs[j], window)
			if f[link.Gap] > 1 {
				continue // never compared: not within the window
			}
			out = append(out, labelledPair{f: f, same: s.event[i] == s.event[j], set: set, fold: fold(s.topic[i]), a: s.docs[i], b: s.docs[j], topic: s.topic[i]})
		}
		if !s.topics {
			continue
		}
		for range 3 {
			j := r.IntN(len(s.docs))
			if f := link.Features(s.docs[i], s.docs[j], window); s.topic[j] != s.topic[i] && f[link.Gap] <= 1 {
				out = append(out, labelledPair{f: f, set: set, fold: fold(s.topic[i]), a: s.docs[i], b: s.docs[j], topic: s.topic[i]})
			}
		}
	}
	return out
}

// crossValidate fits the model out of fold and on all pairs, and returns
// the report of the out-of-fold figures and the weights (bias last).
func crossValidate(sets []fitSet, ps []labelledPair) (string, [link.N + 1]float64) {
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
	meanF1 := func(theta float64) float64 {
		f := 0.0
		for i := range sets {
			_, _, f1 := pairF1(ps, oof, i, theta)
			f += f1 / float64(len(sets))
		}
		return f
	}
	best, bestF := 0.0, -1.0
	for t := 5; t <= 95; t++ {
		if f := meanF1(float64(t) / 100); f > bestF {
			best, bestF = float64(t)/100, f
		}
	}
	lo, hi := best, best
	for t := 5; t <= 95; t++ {
		if theta := float64(t) / 100; meanF1(theta) >= bestF-0.01 {
			lo, hi = min(lo, theta), max(hi, theta)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d pairs; the best mean out-of-fold pair F1, %.3f, at %.2f (within 0.01 of it from %.2f to %.2f):\n", len(ps), bestF, best, lo, hi)
	for i, s := range sets {
		n, same := 0, 0
		for _, q := range ps {
			if q.set == i {
				n++
				if q.same {
					same++
				}
			}
		}
		p, r, f := pairF1(ps, oof, i, best)
		fmt.Fprintf(&b, "%-30s %5d pairs (%4d same)  P %.3f  R %.3f  F1 %.3f\n", s.name, n, same, p, r, f)
	}
	return b.String(), fitLogistic(ps, lambda)
}

// writeWeights writes the weights as the Go source of package link.
func writeWeights(path, report string, w [link.N + 1]float64) error {
	var b strings.Builder
	b.WriteString("// Code generated by go run ./dedup/fitlink.go; DO NOT EDIT.\n\npackage link\n\n")
	b.WriteString("// weights and bias are the logistic link model, fitted by the fitlink\n")
	b.WriteString("// program of package dedup with five-fold cross-validation by topic, on\n")
	b.WriteString("// the pairs of documents of the labelled sets (see dedup/fitlink.go).\n")
	b.WriteString("// Out of fold:\n//\n")
	for _, line := range strings.Split(strings.TrimSpace(report), "\n") {
		b.WriteString("//\t" + line + "\n")
	}
	b.WriteString("//\n// The weights are those of the fit on all the pairs.\nvar weights = [N]float64{\n")
	for i, n := range names {
		fmt.Fprintf(&b, "\t%s: %.3f,\n", n, w[i])
	}
	fmt.Fprintf(&b, "}\n\n// bias is the intercept of the link model (see weights).\nconst bias = %.3f\n", w[link.N])
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return err
	}
	return os.WriteFile(path, src, 0o644)
}

// labelledPair is a pair of documents with its features and label.
type labelledPair struct {
	f      [link.N]float64
	same   bool
	set    int // index of the data set
	fold   int
	weight float64
	a, b   *features.Doc
	topic  string
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
func fitLogistic(ps []labelledPair, lambda float64) [link.N + 1]float64 {
	const m = link.N + 1
	var w [m]float64
	for range 50 {
		var g [m]float64
		var h [m][m]float64
		for _, p := range ps {
			var x [m]float64
			copy(x[:], p.f[:])
			x[link.N] = 1
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
		for i := range link.N {
			g[i] += lambda * w[i]
			h[i][i] += lambda
		}
		h[link.N][link.N] += 1e-9
		step := solve(h, g)
		for i := range w {
			w[i] -= step[i]
		}
	}
	return w
}

// solve solves h·x = g by Gaussian elimination with partial pivoting.
func solve(h [link.N + 1][link.N + 1]float64, g [link.N + 1]float64) [link.N + 1]float64 {
	const m = link.N + 1
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

func prob(w [link.N + 1]float64, f [link.N]float64) float64 {
	z := w[link.N]
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

// dumpPairs writes the labelled pairs as TSV: the documents' ids, the
// set, the topic, the fold, the label, the pair's weight and its features,
// for analysis outside (e.g. of other models on the same features).
func dumpPairs(path string, sets []fitSet, ps []labelledPair) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "ida\tidb\tset\ttopic\tfold\tsame\tweight\t%s\n", strings.Join(names[:], "\t"))
	for _, p := range ps {
		same := 0
		if p.same {
			same = 1
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%g", p.a.ID, p.b.ID, sets[p.set].name, p.topic, p.fold, same, p.weight)
		for _, x := range p.f {
			fmt.Fprintf(w, "\t%.4f", x)
		}
		fmt.Fprintln(w)
	}
	return errors.Join(w.Flush(), f.Close())
}
