package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/eval"
)

const evalHelp = `Usage: eventdedup eval --gold FILE [--pred FILE]

Measures a clustering against gold event labels.

The gold file is JSON Lines with at least "id" and "event" (the gold label),
and "lang" for cross-lingual recall. Without --pred, the gold file's documents
(title, text, published, …) are clustered first with the default settings.
The prediction file is the output of "eventdedup cluster" (id, cluster).

Prints BCubed and pairwise precision, recall and F1, cross-lingual pair recall,
and the predicted clusters that mix gold events.

Flags:
`

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, evalHelp)
		fs.PrintDefaults()
	}
	goldPath := fs.String("gold", "", "gold JSON Lines `FILE` (required)")
	predPath := fs.String("pred", "", "predicted clusters JSON Lines `FILE` (default: cluster the gold file)")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *goldPath == "" {
		fmt.Fprintln(stderr, "eventdedup eval: --gold is required")
		fs.Usage()
		return exitUsage
	}
	gold, err := readGold(*goldPath)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
		return exitFailure
	}
	pred := make(map[string]string)
	if *predPath != "" {
		if pred, err = readPred(*predPath); err != nil {
			fmt.Fprintf(stderr, "eventdedup eval: %v\n", err)
			return exitFailure
		}
	} else if pred, err = clusterFile(*goldPath, stderr); err != nil {
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
	s := eval.Evaluate(items)
	mixed := mixedClusters(items)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]any{"scores": s, "missing": missing, "mixed_clusters": mixed}); err != nil {
			return exitFailure
		}
		return exitOK
	}
	fmt.Fprintf(stdout, "documents            %d (%d without a prediction, counted as singletons)\n", s.N, missing)
	fmt.Fprintf(stdout, "BCubed     P %.3f  R %.3f  F1 %.3f\n", s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1)
	fmt.Fprintf(stdout, "pairwise   P %.3f  R %.3f  F1 %.3f\n", s.Pairwise.Precision, s.Pairwise.Recall, s.Pairwise.F1)
	fmt.Fprintf(stdout, "cross-lingual pair recall %.3f (%d pairs)\n", s.CrossLingualRecall, s.CrossLingualPairs)
	fmt.Fprintf(stdout, "clusters mixing gold events: %d\n", len(mixed))
	for _, m := range mixed {
		fmt.Fprintf(stdout, "  %s\n", m)
	}
	return exitOK
}

type goldDoc struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Lang  string `json:"lang"`
}

func readGold(path string) ([]goldDoc, error) {
	var out []goldDoc
	err := readLines(path, func(line int, data []byte) error {
		var g goldDoc
		if err := json.Unmarshal(data, &g); err != nil {
			return fmt.Errorf("%s: line %d: %v", path, line, err)
		}
		if g.ID == "" || g.Event == "" {
			return fmt.Errorf("%s: line %d: want \"id\" and \"event\"", path, line)
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

func readPred(path string) (map[string]string, error) {
	out := make(map[string]string)
	err := readLines(path, func(line int, data []byte) error {
		var p struct {
			ID      string `json:"id"`
			Cluster string `json:"cluster"`
		}
		if err := json.Unmarshal(data, &p); err != nil {
			return fmt.Errorf("%s: line %d: %v", path, line, err)
		}
		out[p.ID] = p.Cluster
		return nil
	})
	return out, err
}

func readLines(path string, fn func(line int, data []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), dedup.MaxLineBytes)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := fn(line, sc.Bytes()); err != nil {
			return err
		}
	}
	return sc.Err()
}

// clusterFile clusters the documents of a JSON Lines file with the default
// settings and returns document id → cluster id.
func clusterFile(path string, stderr io.Writer) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := dedup.New()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	docs := func(yield func(dedup.Document) bool) {
		for d, err := range dedup.ReadJSONL(f) {
			if err != nil {
				fmt.Fprintln(stderr, err)
				continue
			}
			if !yield(d) {
				return
			}
		}
	}
	out := make(map[string]string)
	for a, err := range c.AddAll(context.Background(), docs) {
		if err != nil {
			fmt.Fprintf(stderr, "id %q: %v\n", a.ID, err)
			continue
		}
		out[a.ID] = a.Cluster
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
	var out []string
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
