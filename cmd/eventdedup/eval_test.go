package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalClusters(t *testing.T) {
	gold := filepath.Join("..", "..", "testdata", "twoplustwo.jsonl")
	status, out, stderr := runCmd(t, "", "eval", "--gold", gold)
	if status != exitOK {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	for _, want := range []string{"documents            17", "BCubed     P 1.000  R 1.000  F1 1.000", "clusters mixing gold events: 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// A prediction putting everything in one cluster.
	var pred strings.Builder
	for _, line := range twoPlusTwo(t) {
		var d struct{ ID string }
		json.Unmarshal([]byte(line), &d)
		pred.WriteString(`{"id":"` + d.ID + `","cluster":"c1"}` + "\n")
	}
	predPath := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(predPath, []byte(pred.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	status, out, _ = runCmd(t, "", "eval", "--gold", gold, "--pred", predPath, "--json")
	if status != exitOK {
		t.Fatalf("status %d", status)
	}
	var res struct {
		Scores struct {
			BCubed struct{ Precision, Recall float64 }
		}
		Mixed []string `json:"mixed_clusters"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	// Precision: 9 reports of 17 in an event of 9, 4 of 4, 4 of 4:
	// (9·9/17 + 4·4/17 + 4·4/17) / 17.
	if want := (81.0 + 16 + 16) / 17 / 17; res.Scores.BCubed.Recall != 1 || !nearly(res.Scores.BCubed.Precision, want) || len(res.Mixed) != 1 {
		t.Errorf("one cluster: %+v, want precision %.4f, recall 1, one mixed cluster", res, want)
	}
}

func nearly(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestEvalPairs(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "pairs.jsonl")
	if err := os.WriteFile(gold, []byte(pairsOf(t, comparable...)), 0o644); err != nil {
		t.Fatal(err)
	}
	status, out, stderr := runCmd(t, "", "eval", "--gold", gold, "--json")
	if status != exitOK {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	var res pairScores
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Pairs["all"] != len(comparable) || res.Pearson["all"] < 0.8 {
		t.Errorf("pairs of one event against related ones: %+v, want a Pearson correlation of 0.8 or more over %d pairs", res, len(comparable))
	}

	// With the scores of a compare run.
	_, scores, _ := runCmd(t, pairsOf(t, comparable...), "compare")
	pred := filepath.Join(t.TempDir(), "scores.jsonl")
	if err := os.WriteFile(pred, []byte(scores), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out2, _ := runCmd(t, "", "eval", "--gold", gold, "--pred", pred, "--json")
	var res2 pairScores
	if err := json.Unmarshal([]byte(out2), &res2); err != nil {
		t.Fatal(err)
	}
	// compare rounds scores to four decimals.
	if d := res2.Pearson["all"] - res.Pearson["all"]; d > 1e-3 || d < -1e-3 {
		t.Errorf("eval of compare's output: %+v; eval comparing itself: %+v", res2, res)
	}
}
