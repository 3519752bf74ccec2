package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// twoPlusTwo returns the lines of the hand-written reports of testdata.
func twoPlusTwo(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "twoplustwo.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(data)), "\n")
}

// runCmd runs the command line and returns its exit status, stdout and
// stderr.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	status := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return status, stdout.String(), stderr.String()
}

// decodeLines decodes JSON Lines output.
func decodeLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var vs []T
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("output line %d: %v: %s", i+1, err, line)
		}
		vs = append(vs, v)
	}
	return vs
}

// TestClusterGolden checks the output of cluster on the reports of testdata
// against testdata/dedup-twoplustwo.golden (go test -update rewrites it).
func TestClusterGolden(t *testing.T) {
	status, out, stderr := runCmd(t, strings.Join(twoPlusTwo(t), "\n"), "cluster")
	if status != exitOK {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	golden := filepath.Join("..", "..", "testdata", "dedup-twoplustwo.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n got:\n%s\nwant:\n%s", golden, out, want)
	}
}

// TestClusterIndex runs cluster twice on one index: the second run continues
// the clusters of the first, and repeats the documents it had seen. Both
// assign in input order (--reorder 1), as the one run they are compared
// with: blocks would be sorted apart on either side of the cut.
func TestClusterIndex(t *testing.T) {
	lines := twoPlusTwo(t)
	dir := t.TempDir()
	type output struct {
		ID, Cluster string
		New, Repeat bool
		DuplicateOf string `json:"duplicate_of"`
	}
	_, whole, _ := runCmd(t, strings.Join(lines, "\n"), "cluster", "--reorder", "1")
	want := decodeLines[output](t, whole)

	half := len(lines) / 2
	status, first, stderr := runCmd(t, strings.Join(lines[:half], "\n"), "cluster", "--reorder", "1", "--index", dir)
	if status != exitOK {
		t.Fatalf("first run: status %d, stderr:\n%s", status, stderr)
	}
	status, second, stderr := runCmd(t, strings.Join(lines, "\n"), "cluster", "--reorder", "1", "--index", dir)
	if status != exitOK {
		t.Fatalf("second run: status %d, stderr:\n%s", status, stderr)
	}
	got := decodeLines[output](t, second)
	if len(decodeLines[output](t, first)) != half || len(got) != len(want) {
		t.Fatalf("runs wrote %d and %d lines, want %d and %d", len(decodeLines[output](t, first)), len(got), half, len(want))
	}
	for i := range want {
		if got[i].Repeat != (i < half) {
			t.Errorf("%s: repeat = %v, want %v", got[i].ID, got[i].Repeat, i < half)
		}
		got[i].Repeat = false
		if got[i] != want[i] {
			t.Errorf("line %d: %+v, want %+v as in one run", i+1, got[i], want[i])
		}
	}
}

// TestClusterEvidence checks that --evidence explains assignments, with names
// across scripts.
func TestClusterEvidence(t *testing.T) {
	status, out, stderr := runCmd(t, strings.Join(twoPlusTwo(t), "\n"), "cluster", "--evidence")
	if status != exitOK {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	type output struct {
		ID       string
		New      bool
		Evidence *struct {
			Names []struct{ A, B, Key string }
			Parts map[string]float64
		}
	}
	for _, o := range decodeLines[output](t, out) {
		switch {
		case o.New && o.Evidence != nil:
			t.Errorf("%s starts a cluster but has evidence", o.ID)
		case !o.New && (o.Evidence == nil || o.Evidence.Parts["entities"] == 0):
			t.Errorf("%s joins a cluster without evidence: %+v", o.ID, o.Evidence)
		}
		if o.ID == "tp-ja-1" && !strings.Contains(out, `"a":"ブリンケン","b":"Blinken"`) {
			t.Errorf("tp-ja-1: no ブリンケン / Blinken in the evidence:\n%s", out)
		}
	}
}

func TestClusterBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"cluster", "extra"},
		{"cluster", "--window", "-1h"},
	} {
		if status, _, _ := runCmd(t, "", args...); status == exitOK {
			t.Errorf("%q: status OK, want an error", args)
		}
	}
}
