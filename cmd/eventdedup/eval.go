package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/eval"
	"github.com/eventdedup/eventdedup/jsonl"
)

const evalHelp = `Usage: eventdedup eval --gold FILE [--pred FILE | --orders N] [--title-only]

Measures a clustering against gold event labels, or pair scores against
human similarity ratings.

Clustering: the gold file is JSON Lines with at least "id" and "event" (the
gold label), and "lang" for cross-lingual recall. Without --pred, the gold
file's documents (title, text, published, …) are clustered first with the
default settings. The prediction file is the output of "eventdedup cluster"
(id, cluster). Prints BCubed and pairwise precision, recall and F1,
cross-lingual pair recall, and the predicted clusters that mix gold events.

Arrival orders: with --orders N, the gold file's documents are clustered
in time order (undated documents stay after the dated one before them in the
file), in N random orders (seeds 1 to N) and grouped by source, each with a
new Clusterer; merged cluster ids are resolved. Each order's BCubed P/R/F1,
pairwise F1, cross-lingual recall, copies flagged, clusters mixing events and
the size and purity (share of the main event) of the largest clusters are
printed, then the spread of BCubed F1 across orders. --title-only drops the
texts first (the headline alone; a document without title keeps the first
line of its text).

Pairs: when the gold file holds pairs {"pair", "overall", "a", "b"} (overall
is a rating from 1, the same story, to 4, unrelated), the prediction file is
the output of "eventdedup compare"; without --pred the pairs are compared
first. Prints the Pearson correlation of score and -overall, overall and by
language pair ("a.lang-b.lang"), and the rates of the same-story decision
("same"; without it in --pred, they are not printed): the share of the
dissimilar pairs (overall >= 3) judged the same, and of the same-story pairs
(overall <= 1.5); the pairs in between are ambiguous. With --orders or
--title-only, the documents of all the pairs, each once, are clustered as one
dense stream in arrival orders as above (--title-only keeps the title, or
else the text up to its first line break or double space, at most 160
characters), against the events the ratings imply: the documents of
same-story pairs are one event, every other document an event of its own;
unrated pairs of one story count against precision, a lower bound. Each order
also prints how many rated same-story and dissimilar pairs it puts together,
and the mean size of a document's cluster. Rated pairs carry no dates: with
--dated DAYS each event is given a time over DAYS days from 1 January 2020,
and each of its undated reports a time within a day of it, drawn from hashes
of the ids, so that the window applies as in a dated feed.

An id repeated in the gold or prediction file (a pair, in a prediction file
of pairs), a gold file without labels, a prediction file without predictions,
a gold file and a prediction that share no id, and output that cannot be
written are errors: the exit status is then 3. Without pairs of documents of
one event in different languages, cross-lingual recall is "n/a".

Flags:
`

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("eval")
	goldPath := fs.String("gold", "", "gold JSON Lines `FILE` (required)")
	predPath := fs.String("pred", "", "predicted clusters JSON Lines `FILE` (default: cluster the gold file)")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	orders := fs.Int("orders", 0, "cluster the gold file in time order, `N` seeded random orders and grouped by source, and print each order's scores and the spread (0: the time order and by source)")
	threshold := fs.Float64("threshold", dedup.DefaultThreshold, "with --orders: the link probability in [0,1] at which a document joins a cluster")
	reorder := fs.Int("reorder", dedup.DefaultReorder, "with --orders: assign documents in blocks of up to `N`, each in order of publication (1: in each order as it comes, to measure the online assignment alone)")
	titleOnly := fs.Bool("title-only", false, "drop the documents' texts before clustering (implies --orders 0 unless given)")
	dated := fs.Int("dated", 0, "with a file of rated pairs clustered as a stream: give its undated documents publication times over `DAYS` days (see above; 0: leave them undated)")
	if status, ok := parseFlags(fs, evalHelp, args, stdout, stderr); !ok {
		return status
	}
	if *goldPath == "" {
		return usageError(stderr, "eval", "--gold is required")
	}
	given := make(map[string]bool)
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	isPairs, err := pairsFile(*goldPath)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	if isPairs && !given["orders"] && !*titleOnly {
		return evalPairs(*goldPath, *predPath, *asJSON, stdout, stderr)
	}
	switch {
	case *orders < 0:
		return usageError(stderr, "eval", "invalid value for --orders: %d is negative", *orders)
	case (given["threshold"] || given["reorder"] || given["dated"]) && !given["orders"] && !*titleOnly:
		return usageError(stderr, "eval", "--threshold, --reorder and --dated are for --orders and --title-only, which cluster the gold file")
	case *dated < 0:
		return usageError(stderr, "eval", "invalid value for --dated: %d is negative", *dated)
	case given["dated"] && !isPairs:
		return usageError(stderr, "eval", "--dated is for files of rated pairs")
	}
	if given["orders"] || *titleOnly {
		if *predPath != "" {
			return usageError(stderr, "eval", "--orders and --title-only cluster the gold file: no --pred")
		}
		if !checkFlags("eval", stderr, unitFlag("threshold", *threshold), positiveInt("reorder", *reorder)) {
			return exitUsage
		}
		opts := []dedup.Option{dedup.WithThreshold(*threshold), dedup.WithReorder(*reorder)}
		return evalOrders(*goldPath, isPairs, *dated, *orders, *titleOnly, *asJSON, stdout, stderr, opts...)
	}
	return evalClusters(*goldPath, *predPath, *asJSON, stdout, stderr)
}

// evalClusters measures the clusters of predPath, or of the gold file
// clustered when predPath is "", against the gold labels.
func evalClusters(goldPath, predPath string, asJSON bool, stdout, stderr io.Writer) int {
	gold, err := readGold(goldPath)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	pred := make(map[string]string)
	if predPath != "" {
		if pred, err = readPred(predPath); err != nil {
			fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
			return exitFailure
		}
	} else if pred, err = clusterFile(goldPath, stderr); err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	items := make([]eval.Item, 0, len(gold))
	missing := 0
	for _, g := range gold {
		p, ok := pred[g.ID]
		if !ok {
			missing++
		}
		items = append(items, eval.Item{ID: g.ID, Gold: g.Event, Pred: p, Lang: g.Lang})
	}
	if missing == len(gold) {
		// nothing to measure: scores of all singletons would say little
		if len(pred) == 0 {
			fmt.Fprintf(stderr, "eventdedup eval: %s: no valid document to cluster\n", goldPath)
		} else {
			fmt.Fprintf(stderr, "eventdedup eval: the gold file and the prediction share no id (%d gold documents, %d predicted): is the prediction the output of cluster on the gold documents?\n", len(gold), len(pred))
		}
		return exitFailure
	}
	s := eval.Evaluate(items)
	mixed := mixedClusters(items)
	out := bufio.NewWriter(stdout)
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		err := enc.Encode(map[string]any{"scores": s, "missing": missing, "mixed_clusters": mixed})
		return flushEval(out, err, exitOK, stderr)
	}
	printClusterScores(out, s, missing, mixed)
	return flushEval(out, nil, exitOK, stderr)
}

// flushEval flushes the output of eval and returns status, or exitFailure
// when the output could not be written or encoded (err).
func flushEval(out *bufio.Writer, err error, status int, stderr io.Writer) int {
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: write: %v\n", err)
		return exitFailure
	}
	return status
}

// printClusterScores prints the scores of a clustering as text.
func printClusterScores(stdout io.Writer, s eval.Scores, missing int, mixed []string) {
	fmt.Fprintf(stdout, "documents            %d (%d without a prediction, counted as singletons)\n", s.N, missing)
	fmt.Fprintf(stdout, "BCubed     P %.3f  R %.3f  F1 %.3f\n", s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1)
	fmt.Fprintf(stdout, "pairwise   P %.3f  R %.3f  F1 %.3f\n", s.Pairwise.Precision, s.Pairwise.Recall, s.Pairwise.F1)
	if s.CrossLingualPairs == 0 {
		fmt.Fprintln(stdout, "cross-lingual pair recall n/a (0 pairs)")
	} else {
		fmt.Fprintf(stdout, "cross-lingual pair recall %.3f (%d pairs)\n", s.CrossLingualRecall, s.CrossLingualPairs)
	}
	fmt.Fprintf(stdout, "clusters mixing gold events: %d\n", len(mixed))
	for _, m := range mixed {
		fmt.Fprintf(stdout, "  %s\n", m)
	}
}

type goldDoc struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Lang  string `json:"lang"`
}

// goldLine is a line of a gold file: ids and labels may be numbers.
type goldLine struct {
	ID    jsonl.ID `json:"id"`
	Event jsonl.ID `json:"event"`
	Lang  string   `json:"lang"`
}

// readGold reads the gold labels of a clustering. A repeated id and a file
// without a label are errors.
func readGold(path string) ([]goldDoc, error) {
	var out []goldDoc
	seen := make(map[string]bool)
	err := readLines(path, func(line int, data []byte) error {
		var gl goldLine
		if err := json.Unmarshal(data, &gl); err != nil {
			return fmt.Errorf("%s: line %d: %v", path, line, lineError(err))
		}
		g := goldDoc{ID: string(gl.ID), Event: string(gl.Event), Lang: gl.Lang}
		if g.ID == "" || g.Event == "" {
			return fmt.Errorf("%s: line %d: want \"id\" and \"event\"", path, line)
		}
		if err := once(seen, path, line, g.ID); err != nil {
			return err
		}
		out = append(out, g)
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: no gold labels", path)
	}
	return out, err
}

// once reports an id seen before as an error of the line, and records it.
func once(seen map[string]bool, path string, line int, id string) error {
	if seen[id] {
		return fmt.Errorf("%s line %d: id %q repeated", path, line, id)
	}
	seen[id] = true
	return nil
}

// readPred reads predicted clusters, the output of cluster, and resolves
// its merge lines ({"merge":"c7","into":"c3"}): every document of an
// absorbed cluster is scored in the cluster that absorbed it. A line without
// id or cluster (other than a merge line), a repeated id and an empty file
// are errors.
func readPred(path string) (map[string]string, error) {
	out := make(map[string]string)
	seen := make(map[string]bool)
	merged := make(map[string]string)
	err := readLines(path, func(line int, data []byte) error {
		var p struct {
			ID      jsonl.ID `json:"id"`
			Cluster jsonl.ID `json:"cluster"`
			Merge   jsonl.ID `json:"merge"`
			Into    jsonl.ID `json:"into"`
		}
		if err := json.Unmarshal(data, &p); err != nil {
			return fmt.Errorf("%s: line %d: %v", path, line, lineError(err))
		}
		if p.Merge != "" && p.Into != "" && p.ID == "" {
			merged[string(p.Merge)] = string(p.Into)
			return nil
		}
		if p.ID == "" || p.Cluster == "" {
			return fmt.Errorf("%s: line %d: want \"id\" and \"cluster\"", path, line)
		}
		if err := once(seen, path, line, string(p.ID)); err != nil {
			return err
		}
		out[string(p.ID)] = string(p.Cluster)
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: no predictions", path)
	}
	for id, cl := range out {
		for range len(merged) { // a chain of merges is at most this long
			into, ok := merged[cl]
			if !ok {
				break
			}
			cl = into
		}
		out[id] = cl
	}
	return out, err
}

// lineError describes a JSON decoding error of a line of a gold or
// prediction file without Go's type names.
func lineError(err error) error {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te) && te.Field != "":
		return fmt.Errorf("%q is a %s, want a %s", te.Field, te.Value, te.Type)
	case errors.As(err, &te):
		return fmt.Errorf("want a JSON object, got %s", te.Value)
	case errors.As(err, new(*json.SyntaxError)):
		return fmt.Errorf("invalid JSON: %v", err)
	}
	return err // an id that is neither a string nor a number
}

func readLines(path string, fn func(line int, data []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for raw, err := range jsonl.RawLines(f) {
		if err != nil {
			return err
		}
		if len(bytes.TrimSpace(raw.Data)) == 0 {
			continue
		}
		if err := fn(raw.N, raw.Data); err != nil {
			return err
		}
	}
	return nil
}

// clusterFile clusters the documents of a JSON Lines file with the default
// settings and returns document id → cluster id.
func clusterFile(path string, stderr io.Writer) (_ map[string]string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := dedup.New()
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}()
	docs := func(yield func(dedup.Document) bool) {
		for d, err := range jsonl.Read(f) {
			if err != nil {
				fmt.Fprintln(stderr, err)
				continue
			}
			if !yield(d) {
				return
			}
		}
	}
	ctx, stop := signalContext()
	defer stop()
	out := make(map[string]string)
	for a, err := range c.AddAll(ctx, docs) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			fmt.Fprintf(stderr, "id %q: %v\n", a.ID, err)
			continue
		}
		out[a.ID] = a.Cluster
	}
	for id, cl := range out {
		out[id] = c.Resolve(cl)
	}
	return out, nil
}

// mixedClusters describes the predicted clusters that hold more than one gold
// event, as "cluster: event (ids) + event (ids)".
func mixedClusters(items []eval.Item) []string {
	byPred := make(map[string]map[string][]string)
	for _, it := range items {
		if it.Pred == "" {
			continue
		}
		if byPred[it.Pred] == nil {
			byPred[it.Pred] = make(map[string][]string)
		}
		byPred[it.Pred][it.Gold] = append(byPred[it.Pred][it.Gold], it.ID)
	}
	out := []string{} // [] rather than null in JSON
	for p, events := range byPred {
		if len(events) < 2 {
			continue
		}
		var parts []string
		for e, ids := range events {
			parts = append(parts, fmt.Sprintf("%s (%s)", e, strings.Join(ids, ",")))
		}
		sort.Strings(parts)
		out = append(out, p+": "+strings.Join(parts, " + "))
	}
	sort.Strings(out)
	return out
}

// pairsFile reports whether the first line of a gold file is a rated pair.
func pairsFile(path string) (bool, error) {
	isPairs := false
	errStop := errors.New("stop")
	err := readLines(path, func(_ int, data []byte) error {
		var probe struct {
			Overall *float64        `json:"overall"`
			A       json.RawMessage `json:"a"`
		}
		isPairs = json.Unmarshal(data, &probe) == nil && probe.Overall != nil && probe.A != nil
		return errStop
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return isPairs, err
}

// pairScores are Pearson correlations by language pair ("all" for all),
// and the rates of the same-story decision ("same").
type pairScores struct {
	Pairs   map[string]int     `json:"pairs"`
	Pearson map[string]float64 `json:"pearson"`
	// Dissimilar and SameStory count the pairs rated overall ≥ 3 and ≤ 1.5;
	// SameForDissimilar and SameForSameStory are the fractions of them
	// judged the same. They are absent when the predictions have no "same".
	Dissimilar        map[string]int     `json:"dissimilar,omitempty"`
	SameStory         map[string]int     `json:"same_story,omitempty"`
	SameForDissimilar map[string]float64 `json:"same_for_dissimilar,omitempty"`
	SameForSameStory  map[string]float64 `json:"same_for_same_story,omitempty"`
}

// Rating bounds of the decision rates of eval: pairs rated overall ≥
// ratedDissimilar are dissimilar (somewhat or very), those rated ≤
// ratedSameStory report the same story; the pairs in between are ambiguous.
const (
	ratedDissimilar = 3.0
	ratedSameStory  = 1.5
)

// pairPred is the prediction for a pair: its score and, if known, whether
// its documents are judged the same.
type pairPred struct {
	score float64
	same  *bool
}

// evalPairs correlates the scores of pairs with -overall and measures the
// same-story decision.
func evalPairs(goldPath, predPath string, asJSON bool, stdout, stderr io.Writer) int {
	f, err := os.Open(goldPath)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	defer f.Close()
	pairs, names, status, err := readPairs(input{r: f}, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	overall := make(map[string]float64)
	if err := readLines(goldPath, func(_ int, data []byte) error {
		var g struct {
			Pair    jsonl.ID `json:"pair"`
			Overall float64  `json:"overall"`
		}
		if json.Unmarshal(data, &g) == nil {
			overall[string(g.Pair)] = g.Overall
		}
		return nil
	}); err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	var preds map[string]pairPred
	if predPath != "" {
		preds, err = readPairPreds(predPath)
	} else {
		preds, err = comparePairs(pairs, names)
	}
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	res, keys, missing := scorePairs(pairs, names, overall, preds)
	for _, name := range missing {
		fmt.Fprintf(stderr, "eventdedup eval: pair %q has no score\n", name)
		status = exitRejected
	}
	out := bufio.NewWriter(stdout)
	if asJSON {
		// NaN, for a language pair without variance, has no JSON form.
		for k, r := range res.Pearson {
			if math.IsNaN(r) {
				delete(res.Pearson, k)
			}
		}
		err := json.NewEncoder(out).Encode(res)
		return flushEval(out, err, status, stderr)
	}
	printPairScores(out, res, keys)
	return flushEval(out, nil, status, stderr)
}

// readPairPreds reads the output of "eventdedup compare": "pair", "score" and,
// optionally, "same".
func readPairPreds(path string) (map[string]pairPred, error) {
	preds := make(map[string]pairPred)
	seen := make(map[string]bool)
	err := readLines(path, func(line int, data []byte) error {
		var p struct {
			Pair  jsonl.ID `json:"pair"`
			Score *float64 `json:"score"`
			Same  *bool    `json:"same"`
		}
		if err := json.Unmarshal(data, &p); err != nil || p.Score == nil {
			return fmt.Errorf("%s: line %d: want \"pair\" and \"score\"", path, line)
		}
		if err := once(seen, path, line, string(p.Pair)); err != nil {
			return err
		}
		preds[string(p.Pair)] = pairPred{score: *p.Score, same: p.Same}
		return nil
	})
	return preds, err
}

// scorePairs measures the predictions against the ratings, in all and by
// language pair, and returns the measures, their keys ("all" first) and the
// names of the pairs without a prediction. The decision rates are measured
// when every prediction has its decision.
func scorePairs(pairs []dedup.Pair, names []string, overall map[string]float64, preds map[string]pairPred) (pairScores, []string, []string) {
	res := pairScores{
		Pairs: make(map[string]int), Pearson: make(map[string]float64),
		Dissimilar: make(map[string]int), SameStory: make(map[string]int),
	}
	xs, ys := make(map[string][]float64), make(map[string][]float64)
	same := make(map[string][2]int) // same-story decisions for dissimilar, same-story pairs
	decided := true
	var missing []string
	for i, name := range names {
		p, ok := preds[name]
		if !ok {
			missing = append(missing, name)
			continue
		}
		decided = decided && p.same != nil
		lp := langCode(pairs[i].A.Lang) + "-" + langCode(pairs[i].B.Lang)
		for _, k := range []string{"all", lp} {
			xs[k] = append(xs[k], p.score)
			ys[k] = append(ys[k], -overall[name])
			if p.same == nil {
				continue
			}
			s := same[k]
			switch o := overall[name]; {
			case o >= ratedDissimilar:
				res.Dissimilar[k]++
				s[0] += b2i(*p.same)
			case o <= ratedSameStory:
				res.SameStory[k]++
				s[1] += b2i(*p.same)
			}
			same[k] = s
		}
	}
	keys := make([]string, 0, len(xs))
	for k := range xs {
		keys = append(keys, k)
		res.Pairs[k] = len(xs[k])
		res.Pearson[k] = eval.Pearson(xs[k], ys[k])
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] == "all" || keys[j] != "all" && keys[i] < keys[j] })
	if !decided {
		res.Dissimilar, res.SameStory = nil, nil
		return res, keys, missing
	}
	res.SameForDissimilar, res.SameForSameStory = make(map[string]float64), make(map[string]float64)
	for k, s := range same {
		if n := res.Dissimilar[k]; n > 0 {
			res.SameForDissimilar[k] = float64(s[0]) / float64(n)
		}
		if n := res.SameStory[k]; n > 0 {
			res.SameForSameStory[k] = float64(s[1]) / float64(n)
		}
	}
	return res, keys, missing
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// printPairScores prints the measures of pairs as text, in the order of keys.
func printPairScores(out io.Writer, res pairScores, keys []string) {
	fmt.Fprintln(out, "Pearson correlation of score and -overall")
	for _, k := range keys {
		fmt.Fprintf(out, "  %-6s %4d pairs  %.3f\n", k, res.Pairs[k], res.Pearson[k])
	}
	if res.SameForDissimilar == nil {
		return
	}
	fmt.Fprintf(out, "Same-story decision: pairs judged the same among the dissimilar (overall >= %g) and the same-story (overall <= %g) pairs\n", ratedDissimilar, ratedSameStory)
	rate := func(r map[string]float64, n map[string]int, k string) string {
		if n[k] == 0 {
			return "     n/a (0 pairs)"
		}
		return fmt.Sprintf("%5.1f%% of %4d pairs", 100*r[k], n[k])
	}
	for _, k := range keys {
		fmt.Fprintf(out, "  %-6s same for dissimilar %s   same for same-story %s\n", k,
			rate(res.SameForDissimilar, res.Dissimilar, k), rate(res.SameForSameStory, res.SameStory, k))
	}
}

// comparePairs scores pairs with the default settings, as "eventdedup
// compare" does.
func comparePairs(pairs []dedup.Pair, names []string) (map[string]pairPred, error) {
	c, err := dedup.New()
	if err != nil {
		return nil, err
	}
	cmps, err := c.CompareAll(context.Background(), pairs)
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	preds := make(map[string]pairPred, len(cmps))
	for i, cmp := range cmps {
		preds[names[i]] = pairPred{score: cmp.Score, same: &cmp.Same}
	}
	return preds, nil
}

// langCode returns the base language subtag of a document's language hint,
// or "und", to group pairs by language.
func langCode(t language.Tag) string {
	if t == language.Und {
		return "und"
	}
	b, _ := t.Base()
	return b.String()
}
