package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// TestEvalNumericIDs checks that gold and prediction files may write ids,
// labels and clusters as numbers, as the input of cluster may, and that a
// line of the wrong type is reported without Go's type names.
func TestEvalNumericIDs(t *testing.T) {
	dir := t.TempDir()
	gold, pred, bad := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl"), filepath.Join(dir, "bad.jsonl")
	for path, text := range map[string]string{
		gold: `{"id":1,"event":7}` + "\n" + `{"id":"2","event":7}` + "\n" + `{"id":3,"event":8}` + "\n",
		pred: `{"id":1,"cluster":1}` + "\n" + `{"id":2,"cluster":"1"}` + "\n" + `{"id":3,"cluster":2}` + "\n",
		bad:  `{"id":true,"cluster":1}` + "\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	status, out, stderr := runCmd(t, "", "eval", "--gold", gold, "--pred", pred)
	if status != exitOK || !strings.Contains(out, "BCubed     P 1.000  R 1.000  F1 1.000") {
		t.Errorf("numeric ids: status %d, want a perfect score:\n%s%s", status, out, stderr)
	}
	status, _, stderr = runCmd(t, "", "eval", "--gold", gold, "--pred", bad)
	if want := "bad.jsonl: line 1: an id is neither a string nor a number"; status != exitFailure || !strings.Contains(stderr, want) || strings.Contains(stderr, "Go struct") {
		t.Errorf("a boolean id: status %d, stderr %q, want %d and %q", status, stderr, exitFailure, want)
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

// TestEvalSameRates checks the rates of the same-story decision that eval
// measures on the predictions of a file: the same-story and dissimilar pairs
// counted apart, ambiguous pairs in neither, and no rates when the
// predictions have no decision.
func TestEvalSameRates(t *testing.T) {
	write := tempFiles(t)
	doc := func(id, lang string) string {
		return `{"id":"` + id + `","lang":"` + lang + `","text":"Report ` + id + ` of a storm."}`
	}
	var gold, pred, bare strings.Builder
	for _, p := range []struct {
		name    string
		overall float64
		same    bool
		lang    string
	}{
		{"p1", 1, true, "en"}, {"p2", 1.5, false, "en"}, {"p3", 1.25, true, "de"},
		{"p4", 3, true, "en"}, {"p5", 4, false, "en"}, {"p6", 3.5, false, "de"},
		{"p7", 2, true, "en"},
	} {
		fmt.Fprintf(&gold, `{"pair":%q,"overall":%g,"a":%s,"b":%s}`+"\n", p.name, p.overall, doc(p.name+"a", p.lang), doc(p.name+"b", p.lang))
		fmt.Fprintf(&pred, `{"pair":%q,"score":%g,"same":%v}`+"\n", p.name, 5-p.overall, p.same)
		fmt.Fprintf(&bare, `{"pair":%q,"score":%g}`+"\n", p.name, 5-p.overall)
	}
	goldPath, predPath := write("gold.jsonl", gold.String()), write("pred.jsonl", pred.String())
	status, out, stderr := runCmd(t, "", "eval", "--gold", goldPath, "--pred", predPath, "--json")
	if status != exitOK {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	var res pairScores
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	// en: dissimilar p4 (same), p5; same-story p1 (same), p2. de: p6; p3 (same).
	want := pairScores{
		Dissimilar:        map[string]int{"all": 3, "en-en": 2, "de-de": 1},
		SameStory:         map[string]int{"all": 3, "en-en": 2, "de-de": 1},
		SameForDissimilar: map[string]float64{"all": 1.0 / 3, "en-en": 0.5, "de-de": 0},
		SameForSameStory:  map[string]float64{"all": 2.0 / 3, "en-en": 0.5, "de-de": 1},
	}
	for k := range want.Dissimilar {
		if res.Dissimilar[k] != want.Dissimilar[k] || res.SameStory[k] != want.SameStory[k] ||
			!nearly(res.SameForDissimilar[k], want.SameForDissimilar[k]) || !nearly(res.SameForSameStory[k], want.SameForSameStory[k]) {
			t.Errorf("%s: got %d pairs %.3f, %d pairs %.3f; want %d %.3f, %d %.3f", k,
				res.Dissimilar[k], res.SameForDissimilar[k], res.SameStory[k], res.SameForSameStory[k],
				want.Dissimilar[k], want.SameForDissimilar[k], want.SameStory[k], want.SameForSameStory[k])
		}
	}
	_, text, _ := runCmd(t, "", "eval", "--gold", goldPath, "--pred", predPath)
	if !strings.Contains(text, "same for dissimilar  33.3% of    3 pairs   same for same-story  66.7% of    3 pairs") {
		t.Errorf("text output lacks the rates in all:\n%s", text)
	}

	// Without decisions, only the correlation.
	_, out, _ = runCmd(t, "", "eval", "--gold", goldPath, "--pred", write("bare.jsonl", bare.String()), "--json")
	res = pairScores{}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.SameForDissimilar != nil || res.Dissimilar != nil || res.Pairs["all"] != 7 {
		t.Errorf("predictions without \"same\": %+v, want no rates", res)
	}
}

// TestEvalBadFiles checks that eval refuses files it cannot measure on
// rather than printing figures: a repeated id, an empty file.
func TestEvalBadFiles(t *testing.T) {
	write := tempFiles(t)
	gold := write("gold.jsonl", `{"id":"a","event":"e1"}`+"\n"+`{"id":"b","event":"e1"}`+"\n")
	pred := write("pred.jsonl", `{"id":"a","cluster":"c1"}`+"\n"+`{"id":"b","cluster":"c1"}`+"\n")
	dupGold := write("dupgold.jsonl", `{"id":"a","event":"e1"}`+"\n\n"+`{"id":"a","event":"e2"}`+"\n")
	dupPred := write("duppred.jsonl", `{"id":"a","cluster":"c1"}`+"\n"+`{"id":"b","cluster":"c1"}`+"\n"+`{"id":"a","cluster":"c2"}`+"\n")
	empty := write("empty.jsonl", "\n")
	otherPred := write("other.jsonl", `{"id":"x","cluster":"c1"}`+"\n")
	noText := write("notext.jsonl", `{"id":"a","event":"e1"}`+"\n")
	for _, tc := range []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"--gold", dupGold, "--pred", pred}, dupGold + ` line 3: id "a" repeated`, "a gold id counted twice"},
		{[]string{"--gold", gold, "--pred", dupPred}, dupPred + ` line 3: id "a" repeated`, "a predicted id, last wins"},
		{[]string{"--gold", gold, "--pred", empty}, empty, "no prediction at all"},
		{[]string{"--gold", empty, "--pred", pred}, empty, "nothing to measure"},
		{[]string{"--gold", gold, "--pred", otherPred}, "share no id", "a prediction of other documents"},
		{[]string{"--gold", noText}, noText + ": no valid document to cluster", "gold documents without title or text"},
	} {
		status, out, stderr := runCmd(t, "", append([]string{"eval"}, tc.args...)...)
		if status == exitOK || out != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: status %d, output %q, stderr %q; want an error %q", tc.reason, status, out, stderr, tc.want)
		}
	}

	// No cross-lingual pair: no recall to speak of.
	status, out, stderr := runCmd(t, "", "eval", "--gold", gold, "--pred", pred)
	if status != exitOK || !strings.Contains(out, "cross-lingual pair recall n/a (0 pairs)") {
		t.Errorf("one language: status %d, stderr %q, output:\n%s\nwant cross-lingual recall n/a", status, stderr, out)
	}

	// A failed write is a failure.
	var stderrBuf strings.Builder
	for _, args := range [][]string{{"eval", "--gold", gold, "--pred", pred}, {"eval", "--gold", gold, "--pred", pred, "--json"}} {
		if status := run(args, strings.NewReader(""), failWriter{}, &stderrBuf); status != exitFailure {
			t.Errorf("%q to a full disk: status %d, want %d", args, status, exitFailure)
		}
	}
}

// failWriter fails every write, as /dev/full does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestEvalOrders(t *testing.T) {
	gold := filepath.Join("..", "..", "testdata", "twoplustwo.jsonl")
	status, out, stderr := runCmd(t, "", "eval", "--gold", gold, "--orders", "2", "--json")
	if status != exitOK {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	var res struct {
		Orders []struct {
			Order   string
			Scores  struct{ N int }
			Largest []struct{ Size int }
		}
		Spread float64 `json:"f1_spread"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range res.Orders {
		names = append(names, o.Order)
		if o.Scores.N != 17 || len(o.Largest) == 0 {
			t.Errorf("order %s: %d documents, %d largest clusters; want 17 and some", o.Order, o.Scores.N, len(o.Largest))
		}
	}
	if got := strings.Join(names, " "); got != "time shuffle-1 shuffle-2 source" {
		t.Errorf("orders %q, want time, two shuffles and source", got)
	}
	if res.Spread < 0 || res.Spread > 1 {
		t.Errorf("spread %v out of [0, 1]", res.Spread)
	}
	status, out, _ = runCmd(t, "", "eval", "--gold", gold, "--title-only")
	if status != exitOK || !strings.Contains(out, "titles only") || !strings.Contains(out, "BCubed F1 spread") {
		t.Errorf("--title-only: status %d, output:\n%s", status, out)
	}
	if status, _, _ := runCmd(t, "", "eval", "--gold", gold, "--orders", "1", "--pred", gold); status != exitUsage {
		t.Errorf("--orders with --pred: status %d, want %d", status, exitUsage)
	}
	for _, args := range [][]string{
		{"--orders", "-1"},
		{"--threshold", "0.4"},             // without --orders: nothing is clustered
		{"--orders", "1", "--dated", "30"}, // a gold file is not a stream of rated pairs
		{"--title-only", "--dated", "-1"},  // a negative number of days
	} {
		status, _, stderr := runCmd(t, "", append([]string{"eval", "--gold", gold}, args...)...)
		if status != exitUsage || strings.Count(stderr, "\n") != 2 {
			t.Errorf("eval %v: status %d, stderr %q; want %d, a reason and a hint", args, status, stderr, exitUsage)
		}
	}
}

// TestEvalMergeLines scores a prediction whose clusters were merged: the
// documents of c2 and c3 are counted in c1, which absorbed c2, which had
// absorbed c3.
func TestEvalMergeLines(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	pred := filepath.Join(dir, "pred.jsonl")
	if err := os.WriteFile(gold, []byte(`{"id":"a","event":"e"}
{"id":"b","event":"e"}
{"id":"c","event":"e"}
{"id":"d","event":"f"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pred, []byte(`{"id":"a","cluster":"c1"}
{"id":"b","cluster":"c2"}
{"id":"c","cluster":"c3"}
{"merge":"c3","into":"c2"}
{"id":"d","cluster":"c4"}
{"merge":"c2","into":"c1"}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	status, out, stderr := runCmd(t, "", "eval", "--gold", gold, "--pred", pred)
	if status != exitOK || !strings.Contains(out, "BCubed     P 1.000  R 1.000  F1 1.000") {
		t.Errorf("status %d, output:\n%s%s", status, out, stderr)
	}
}
