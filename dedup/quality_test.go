package dedup_test

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

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
// their assignments and the evaluation of the clustering, merges resolved,
// and the clusters that mix events.
func clusterGold(t *testing.T, docs []goldDoc, opts ...dedup.Option) ([]dedup.Assignment, eval.Scores, map[string][]string) {
	t.Helper()
	c, err := dedup.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var as []dedup.Assignment
	for _, d := range docs {
		a, err := c.Add(context.Background(), d.Document)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	var items []eval.Item
	events := make(map[string]map[string]bool) // cluster → gold events
	for i, d := range docs {
		cl := c.Resolve(as[i].Cluster)
		items = append(items, eval.Item{ID: d.ID, Gold: d.event, Pred: cl, Lang: d.lang})
		if events[cl] == nil {
			events[cl] = make(map[string]bool)
		}
		events[cl][d.event] = true
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

// arrivalOrders returns the orders the quality tests feed a set in, as
// eventdedup eval --orders 3 does: by publication time, three random
// orders (seeds 1–3), and grouped by source.
func arrivalOrders(docs []goldDoc) map[string][]goldDoc {
	// An undated document stays after the dated one before it in the file.
	key := make(map[string]int64, len(docs))
	var last int64
	for _, d := range docs {
		if !d.Published.IsZero() {
			last = d.Published.UnixNano()
		}
		key[d.ID] = last
	}
	byTime := slices.Clone(docs)
	slices.SortStableFunc(byTime, func(a, b goldDoc) int { return cmp.Compare(key[a.ID], key[b.ID]) })
	out := map[string][]goldDoc{"time": byTime}
	for seed := uint64(1); seed <= 3; seed++ {
		s := slices.Clone(byTime)
		r := rand.New(rand.NewPCG(seed, 0))
		r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
		out[fmt.Sprintf("shuffle-%d", seed)] = s
	}
	first := make(map[string]int)
	for _, d := range byTime {
		if _, ok := first[d.Source]; !ok {
			first[d.Source] = len(first)
		}
	}
	bySource := slices.Clone(byTime)
	slices.SortStableFunc(bySource, func(a, b goldDoc) int { return cmp.Compare(first[a.Source], first[b.Source]) })
	out["source"] = bySource
	return out
}

// titlesOnly returns the documents without their texts.
func titlesOnly(docs []goldDoc) []goldDoc {
	out := slices.Clone(docs)
	for i := range out {
		out[i].Text = ""
	}
	return out
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
		names["="+normalize.Romanize(n)] = true // a short name, keyed by its spelling
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

// Floors of the quality tests, in every arrival order (see floors): the
// least figures measured across the five orders on 6 Dec 2026 (README,
// Measured), less a margin of about 0.01.
const (
	// dev-events: BCubed F1 0.960 and cross-lingual recall 1.000 in every
	// order; one cluster mixes the NATO–Russia Council of 12 January with
	// the OSCE meeting of the next day (their English reports have
	// probability 0.80), a target not met.
	devEventsF1       = 0.95
	devEventsXL       = 0.99
	devEventsMaxMixed = 1
	// dev-events from titles alone: BCubed F1 0.869–0.903.
	devTitlesF1 = 0.86
	// held-out events: 1.000 in every order.
	heldOutF1 = 0.99
	heldOutXL = 0.99
	// ECB+: BCubed F1 0.841–0.869, precision 0.760–0.818 (below the 0.93
	// aimed at: the two events of a topic merge in most topics).
	ecbPlusF1 = 0.83
	ecbPlusP  = 0.75
)

// floors are the least figures a set must reach in every arrival order:
// the figures measured (see README) less a small margin. They guard against
// regressions; the targets of the project are above some of them.
type floors struct {
	f1, precision, crossLingual float64
	maxMixed                    int // clusters that may mix events; -1 for any number
	copies                      map[string]string
}

// checkOrders clusters a set in every arrival order and checks the floors.
func checkOrders(t *testing.T, docs []goldDoc, fl floors) {
	orders := arrivalOrders(docs)
	names := slices.Sorted(maps.Keys(orders))
	lo, hi := 1.0, 0.0
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			as, s, mixed := clusterGold(t, orders[name])
			t.Logf("BCubed P %.3f R %.3f F1 %.3f; pairwise F1 %.3f; cross-lingual recall %.3f (%d pairs)",
				s.BCubed.Precision, s.BCubed.Recall, s.BCubed.F1, s.Pairwise.F1, s.CrossLingualRecall, s.CrossLingualPairs)
			lo, hi = min(lo, s.BCubed.F1), max(hi, s.BCubed.F1)
			if s.BCubed.F1 < fl.f1 {
				t.Errorf("BCubed F1 = %.3f, want ≥ %.3f", s.BCubed.F1, fl.f1)
			}
			if s.BCubed.Precision < fl.precision {
				t.Errorf("BCubed precision = %.3f, want ≥ %.3f", s.BCubed.Precision, fl.precision)
			}
			if s.CrossLingualRecall < fl.crossLingual {
				t.Errorf("cross-lingual pair recall = %.3f, want ≥ %.3f", s.CrossLingualRecall, fl.crossLingual)
			}
			if fl.maxMixed >= 0 && len(mixed) > fl.maxMixed {
				t.Errorf("%d clusters mixing events, want at most %d: %v", len(mixed), fl.maxMixed, mixed)
			}
			if fl.copies != nil {
				checkCopies(t, as, fl.copies)
			}
		})
	}
	t.Logf("BCubed F1 from %.3f to %.3f across orders", lo, hi)
}

// TestDevEvents measures the clustering of the development events in every
// arrival order: the set holds hard negatives (same actors or format,
// another event or date) and two planted copies, which must be flagged.
func TestDevEvents(t *testing.T) {
	docs := readGold(t, corpustest.Path(t, "dev-events.jsonl"))
	checkOrders(t, docs, floors{f1: devEventsF1, crossLingual: devEventsXL, maxMixed: devEventsMaxMixed,
		copies: map[string]string{"d025": "d021", "d038": "d023"}})
}

// TestDevEventsTitles measures the development events from their titles
// alone, as RSS and GDELT-like feeds give them.
func TestDevEventsTitles(t *testing.T) {
	docs := readGold(t, corpustest.Path(t, "dev-events.jsonl"))
	checkOrders(t, titlesOnly(docs), floors{f1: devTitlesF1, maxMixed: -1})
}

// TestHeldOutEvents clusters the held-out reports of testdata, written apart
// from the development corpus to measure how the defaults generalise: eight
// events of 2023 in three to six languages each, with hard negatives (the two
// rounds of the Turkish presidential election two weeks apart, two
// magnitude 6.3 earthquakes in Herat four days apart, the Fed's June pause
// and July rise) and two syndicated copies, in every arrival order. The set
// is one of those the link model was fitted on (see fitlink.go), so it is
// no longer held out.
func TestHeldOutEvents(t *testing.T) {
	docs := readGold(t, filepath.Join("..", "testdata", "heldout-events.jsonl"))
	checkOrders(t, docs, floors{f1: heldOutF1, crossLingual: heldOutXL,
		copies: map[string]string{"ho-fed1-en-2": "ho-fed1-en-1", "ho-pyl-en-2": "ho-pyl-en-1"}})
}

// TestECBPlus measures the ECB+ development topics in every arrival order:
// each topic holds two real events of one kind, and two thirds of the
// documents are undated.
func TestECBPlus(t *testing.T) {
	if testing.Short() {
		t.Skip("496 documents in five orders")
	}
	docs := readGold(t, corpustest.Path(t, "ecbplus-dev.jsonl"))
	checkOrders(t, docs, floors{f1: ecbPlusF1, precision: ecbPlusP, maxMixed: -1})
}

// checkCopies checks that the planted copies, and they alone, are flagged:
// the one of each pair that arrives second is a copy of the other.
func checkCopies(t *testing.T, as []dedup.Assignment, planted map[string]string) {
	t.Helper()
	dup := make(map[string]string)
	for _, a := range as {
		if a.DuplicateOf != "" {
			dup[a.ID] = a.DuplicateOf
		}
	}
	for copy, orig := range planted {
		if dup[copy] != orig && dup[orig] != copy {
			t.Errorf("planted copy %s of %s not flagged: %v", copy, orig, dup)
		}
	}
	if len(dup) != len(planted) {
		t.Errorf("copies flagged: %v, want the planted ones %v", dup, planted)
	}
}

// TestPutinIsNotBiden adds two unrelated reports of one day whose only
// common ground is a name key: Putin and Biden share the phonetic key btn,
// which lets Arabic and Japanese spellings find them, but two Latin
// spellings are compared as spellings (features.SpelledAlike).
func TestPutinIsNotBiden(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	day := time.Date(2022, time.February, 4, 10, 0, 0, 0, time.UTC)
	docs := []dedup.Document{
		{ID: "putin", Published: day, Text: "The leaders met. On Friday, the president of China welcomed Putin at the palace in the capital."},
		{ID: "biden", Published: day.Add(time.Hour), Text: "Talks ended. On Thursday, a senior official said Biden would travel to the region soon."},
	}
	got := addAll(t, c, docs)
	if got[0].Cluster == got[1].Cluster {
		t.Errorf("Putin's and Biden's reports in one cluster %s (score %.3f)", got[1].Cluster, got[1].Score)
	}
}
