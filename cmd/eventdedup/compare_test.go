package main

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/dedup"
)

// pairsOf builds compare input from the reports of testdata: each line pairs
// two reports, with a rating as in SemEval (1 same event, 4 unrelated).
func pairsOf(t *testing.T, ids ...[2]string) string {
	t.Helper()
	docs := make(map[string]json.RawMessage)
	events := make(map[string]string)
	for _, line := range twoPlusTwo(t) {
		var d struct{ ID, Event string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		docs[d.ID], events[d.ID] = json.RawMessage(line), d.Event
	}
	var b strings.Builder
	for _, p := range ids {
		overall := 4.0
		if events[p[0]] == events[p[1]] {
			overall = 1
		}
		line, err := json.Marshal(map[string]any{"pair": p[0] + "_" + p[1], "overall": overall, "a": docs[p[0]], "b": docs[p[1]]})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// comparable are pairs of the same event and of related events, in one
// language and across scripts.
var comparable = [][2]string{
	{"tp-en-1", "tp-en-2"}, {"tp-en-1", "tp-ar-1"}, {"tp-ja-1", "tp-zh-1"}, {"tp-ko-1", "tp-ru-1"},
	{"tp-en-1", "raa-en-1"}, {"tp-ar-1", "raa-ar-1"}, {"tp-ja-1", "nk-ja-1"}, {"raa-zh-1", "nk-ko-1"},
}

// TestCompare checks that the reports of one event score above those of
// related events, that same is the score reaching --threshold (at the
// default, which says same only for close pairs, reports of related events
// are never the same), and that --threshold at the least score of the
// reports of one event judges all of them the same and no related ones.
func TestCompare(t *testing.T) {
	type output struct {
		Pair      string
		Score     float64
		Same      bool
		Duplicate bool
	}
	run := func(args ...string) []output {
		t.Helper()
		status, out, stderr := runCmd(t, pairsOf(t, comparable...), append([]string{"compare"}, args...)...)
		if status != exitOK {
			t.Fatalf("status %d, stderr:\n%s", status, stderr)
		}
		got := decodeLines[output](t, out)
		if len(got) != len(comparable) {
			t.Fatalf("%d output lines, want %d", len(got), len(comparable))
		}
		return got
	}
	got := run()
	least := 1.0 // of the pairs of one event
	for _, o := range got[:4] {
		least = min(least, o.Score)
	}
	for _, o := range got {
		if o.Same != (o.Score >= dedup.DefaultSameScore) {
			t.Errorf("%s: score %.3f, same = %v at the default threshold %.2f", o.Pair, o.Score, o.Same, dedup.DefaultSameScore)
		}
	}
	for _, o := range got[4:] {
		if o.Same || o.Score >= least {
			t.Errorf("%s: reports of related events score %.3f, same = %v; reports of one event score from %.3f", o.Pair, o.Score, o.Same, least)
		}
	}
	// compare rounds scores to four decimals: the threshold is rounded down.
	for _, o := range run("--threshold", strconv.FormatFloat(least-1e-4, 'f', 4, 64)) {
		if one := slices.Contains(comparable[:4], [2]string(strings.SplitN(o.Pair, "_", 2))); o.Same != one {
			t.Errorf("%s: same = %v at --threshold %.4f (score %.4f), want %v", o.Pair, o.Same, least-1e-4, o.Score, one)
		}
	}
}

func TestCompareBadLines(t *testing.T) {
	good := pairsOf(t, comparable[0])
	in := "not json\n" + good + `{"a": {"text": "no id"}, "b": {"id": "y"}}` + "\n" + `{"pair": {}, "a": {}, "b": {}}` + "\n"
	status, out, stderr := runCmd(t, in, "compare")
	if status != exitRejected {
		t.Errorf("status %d, want %d", status, exitRejected)
	}
	// One line per bad input line, both documents' reasons on it.
	for _, want := range []string{"line 1: invalid JSON", "line 3: a: missing or empty \"id\"; b: document has neither title nor text\n",
		"line 4: an id is neither a string nor a number"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(out, "\n"); n != 1 {
		t.Errorf("%d output lines, want the valid one:\n%s", n, out)
	}
}

func TestComparePairName(t *testing.T) {
	in := `{"a": {"id": "a1", "text": "Storm hits the coast"}, "b": {"id": "b1", "text": "A storm hit the coast"}}` + "\n" +
		`{"pair": 7, "a": {"id": 1, "text": "Storm hits the coast"}, "b": {"id": 2, "text": "A storm hit the coast"}}` + "\n"
	_, out, _ := runCmd(t, in, "compare")
	if !strings.Contains(out, `"pair":"a1/b1"`) {
		t.Errorf("pair without a name is not named a.id/b.id:\n%s", out)
	}
	if !strings.Contains(out, `"pair":"7"`) {
		t.Errorf("a numeric pair name is not read as written:\n%s", out)
	}
}
