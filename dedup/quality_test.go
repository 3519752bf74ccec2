package dedup_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/dedup/internal/features"
	"github.com/eventdedup/eventdedup/eval"
	"github.com/eventdedup/eventdedup/internal/corpustest"
	"github.com/eventdedup/eventdedup/jsonl"
	"github.com/eventdedup/eventdedup/normalize"
)

// goldDoc is a document with its gold event label.
type goldDoc struct {
	dedup.Document
	event, lang string
}

// readGold reads a JSON Lines file of documents with an "event" label.
func readGold(t *testing.T, path string) []goldDoc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldDoc
	for line := range strings.Lines(string(data)) {
		d, err := jsonl.Parse([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		var g struct{ Event, Lang string }
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatal(err)
		}
		out = append(out, goldDoc{d, g.Event, g.Lang})
	}
	return out
}

// clusterGold adds the documents in order to a new Clusterer and returns
// their assignments and the evaluation of the clustering.
func clusterGold(t *testing.T, docs []goldDoc) ([]dedup.Assignment, eval.Scores, map[string][]string) {
	t.Helper()
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var as []dedup.Assignment
	var items []eval.Item
	events := make(map[string]map[string]bool) // cluster → gold events
	for _, d := range docs {
		a, err := c.Add(context.Background(), d.Document)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
		items = append(items, eval.Item{ID: d.ID, Gold: d.event, Pred: a.Cluster, Lang: d.lang})
		if events[a.Cluster] == nil {
			events[a.Cluster] = make(map[string]bool)
		}
		events[a.Cluster][d.event] = true
	}
	mixed := make(map[string][]string)
	for cl, evs := range events {
		if len(evs) > 1 {
			for e := range evs {
				mixed[cl] = append(mixed[cl], e)
			}
			sort.Strings(mixed[cl])
		}
	}
	return as, eval.Evaluate(items), mixed
}

// TestTwoPlusTwo clusters the hand-written reports of testdata: the 2+2 talks
// in seven languages must form one cluster, the Japan–Australia pact and the
// DPRK launch of the same week their own; the near-copy must be flagged; and
// the names offered as evidence must be real name matches.
func TestTwoPlusTwo(t *testing.T) {
	docs := readGold(t, filepath.Join("..", "testdata", "twoplustwo.jsonl"))
	as, s, mixed := clusterGold(t, docs)
	if len(mixed) > 0 {
		t.Errorf("clusters mixing events: %v", mixed)
	}
	if s.BCubed.Recall != 1 {
		t.Errorf("BCubed recall = %.3f, want 1: an event is split", s.BCubed.Recall)
	}
	names := make(map[string]bool) // keys of the people the reports name
	for _, n := range []string{"Antony", "Blinken", "Lloyd", "Austin", "Yoshimasa", "Hayashi", "Nobuo", "Kishi",
		"Fumio", "Kishida", "Scott", "Morrison", "Jagang"} {
		names[normalize.Key(n)] = true
	}
	for i, a := range as {
		if want := map[string]string{"tp-en-3": "tp-en-1"}[a.ID]; a.DuplicateOf != want {
			t.Errorf("%s: DuplicateOf = %q, want %q", a.ID, a.DuplicateOf, want)
		}
		if got, want := features.BaseLang(a.Lang), docs[i].lang; got != want {
			t.Errorf("%s: language %s, want %s", a.ID, got, want)
		}
		for _, n := range a.Evidence.Names {
			if !names[n.Key] && n.A != n.B {
				t.Errorf("%s: evidence name %s / %s (key %s) is not a name of the reports", a.ID, n.A, n.B, n.Key)
			}
		}
	}
	// The Arabic, Japanese, Chinese and Korean reports are tied to the
	// cluster by Blinken's name in their own script.
	for _, a := range as {
		if a.ID != "tp-ar-1" && a.ID != "tp-ja-1" && a.ID != "tp-zh-1" && a.ID != "tp-ko-1" {
			continue
		}
		found := false
		for _, n := range a.Evidence.Names {
			found = found || n.Key == normalize.Key("Blinken") && n.A != n.B
		}
		if !found {
			t.Errorf("%s: Blinken is not among the names tying it: %v", a.ID, a.Evidence.Names)
		}
	}
}

// TestDevEvents measures the clustering of the development events against
// the targets: BCubed F1 ≥ 0.95, cross-lingual pair recall ≥ 0.90, no cluster
// mixing events (the set holds hard negatives: same actors or format, another
// event or date), and both planted copies flagged.
func TestDevEvents(t *testing.T) {
	docs := readGold(t, corpustest.Path(t, "dev-events.jsonl"))
	as, s, mixed := clusterGold(t, docs)
	t.Logf("BCubed P %.3f R %.3f F1 %.3f; pairwise F1 %.3f; cross-lingual recall %.3f (%d pairs)",
		s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1, s.Pairwise.F1, s.CrossLingualRecall, s.CrossLingualPairs)
	if s.BCubed.F1 < 0.95 {
		t.Errorf("BCubed F1 = %.3f, want ≥ 0.95", s.BCubed.F1)
	}
	if s.CrossLingualRecall < 0.90 {
		t.Errorf("cross-lingual pair recall = %.3f, want ≥ 0.90", s.CrossLingualRecall)
	}
	if len(mixed) > 0 {
		t.Errorf("clusters mixing events: %v", mixed)
	}
	checkCopies(t, as, map[string]string{"d025": "d021", "d038": "d023"})
}

// TestHeldOutEvents clusters the held-out reports of testdata, written apart
// from the development corpus to measure how the defaults generalise: eight
// events of 2023 in three to six languages each, with hard negatives (the two
// rounds of the Turkish presidential election two weeks apart, two
// magnitude 6.3 earthquakes in Herat four days apart, the Fed's June pause
// and July rise) and two syndicated copies. No cluster may mix events, both
// copies must be flagged, and BCubed F1 and cross-lingual pair recall must
// stay above floors a little under the figures measured when the set was
// written (F1 0.909, cross-lingual recall 0.776), and 0.920 and 0.800 once
// countries were found in Russian cases, a general rule added after this set
// showed the gap (so the set is no longer strictly held out): the June Fed
// decision and the 7 October earthquake are still split across languages.
// The floors guard against regressions; they are not targets.
func TestHeldOutEvents(t *testing.T) {
	docs := readGold(t, filepath.Join("..", "testdata", "heldout-events.jsonl"))
	as, s, mixed := clusterGold(t, docs)
	t.Logf("BCubed P %.3f R %.3f F1 %.3f; pairwise F1 %.3f; cross-lingual recall %.3f (%d pairs)",
		s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1, s.Pairwise.F1, s.CrossLingualRecall, s.CrossLingualPairs)
	if len(mixed) > 0 {
		t.Errorf("clusters mixing events: %v", mixed)
	}
	if s.BCubed.F1 < 0.90 {
		t.Errorf("BCubed F1 = %.3f, want ≥ 0.90", s.BCubed.F1)
	}
	if s.CrossLingualRecall < 0.78 {
		t.Errorf("cross-lingual pair recall = %.3f, want ≥ 0.78", s.CrossLingualRecall)
	}
	checkCopies(t, as, map[string]string{"ho-fed1-en-2": "ho-fed1-en-1", "ho-pyl-en-2": "ho-pyl-en-1"})
}

// checkCopies checks that the planted copies, and they alone, are flagged
// as copies of their originals.
func checkCopies(t *testing.T, as []dedup.Assignment, planted map[string]string) {
	t.Helper()
	dup := make(map[string]string)
	for _, a := range as {
		if a.DuplicateOf != "" {
			dup[a.ID] = a.DuplicateOf
		}
	}
	for copy, orig := range planted {
		if dup[copy] != orig {
			t.Errorf("planted copy %s: DuplicateOf = %q, want %q", copy, dup[copy], orig)
		}
	}
	if len(dup) != len(planted) {
		t.Errorf("copies flagged: %v, want the planted ones %v", dup, planted)
	}
}
