package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadFlagValues checks that flags out of range are usage errors that
// name the flag.
func TestBadFlagValues(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		flag   string
		reason string
	}{
		{[]string{"cluster", "--threshold", "2"}, "--threshold", "a similarity is at most 1"},
		{[]string{"cluster", "--threshold", "-1"}, "--threshold", "a similarity is at least 0"},
		{[]string{"cluster", "--threshold", "NaN"}, "--threshold", "NaN is no similarity"},
		{[]string{"compare", "--threshold", "2"}, "--threshold", "compare checks its threshold too"},
		{[]string{"compare", "--threshold", "NaN"}, "--threshold", "NaN is no similarity"},
		{[]string{"cluster", "--batch", "0"}, "--batch", "a batch holds a document at least"},
		{[]string{"cluster", "--batch", "-1"}, "--batch", "a batch holds a document at least"},
		{[]string{"cluster", "--window", "0"}, "--window", "a window of no time joins nothing"},
		{[]string{"cluster", "--window", "-1h"}, "--window", "a negative window"},
		{[]string{"cluster", "--lateness", "-1h"}, "--lateness", "a negative lateness"},
		{[]string{"cluster", "--max-text", "0"}, "--max-text", "text is kept"},
		{[]string{"detect", "-low", "-high"}, "-high", "two accuracies at once"},
	} {
		status, _, stderr := runCmd(t, "", tc.args...)
		if status != exitUsage || !strings.Contains(stderr, tc.flag) {
			t.Errorf("%q (%s): status %d, stderr %q; want %d and a message naming %s", tc.args, tc.reason, status, stderr, exitUsage, tc.flag)
		}
	}
}

// TestBOM checks that a byte order mark at the start of the input changes
// nothing, in every command that reads lines.
func TestBOM(t *testing.T) {
	const bom = "\uFEFF"
	write := tempFiles(t)
	lines := twoPlusTwo(t)
	gold := strings.Join(lines, "\n") + "\n"
	var pred strings.Builder
	for _, line := range lines {
		var d struct{ ID string }
		json.Unmarshal([]byte(line), &d)
		pred.WriteString(`{"id":"` + d.ID + `","cluster":"c1"}` + "\n")
	}
	plainGold, bomGold := write("gold.jsonl", gold), write("gold-bom.jsonl", bom+gold)
	plainPred, bomPred := write("pred.jsonl", pred.String()), write("pred-bom.jsonl", bom+pred.String())
	pairs := pairsOf(t, comparable[:2]...)
	for _, tc := range []struct {
		name         string
		plain, withB []string // args
		in           string   // stdin, preceded by a BOM in the second run
	}{
		{"compare", []string{"compare"}, []string{"compare"}, pairs},
		{"names", []string{"names"}, []string{"names"}, "Antony Blinken\tБлинкен\n"},
		{"eval gold", []string{"eval", "--gold", plainGold, "--pred", plainPred}, []string{"eval", "--gold", bomGold, "--pred", plainPred}, ""},
		{"eval pred", []string{"eval", "--gold", plainGold, "--pred", plainPred}, []string{"eval", "--gold", plainGold, "--pred", bomPred}, ""},
	} {
		wantStatus, want, _ := runCmd(t, tc.in, tc.plain...)
		in := tc.in
		if in != "" {
			in = bom + in
		}
		status, got, stderr := runCmd(t, in, tc.withB...)
		if status != wantStatus || got != want || wantStatus != exitOK {
			t.Errorf("%s with a BOM: status %d, stderr %q, output:\n%s\nwant status %d (0), output:\n%s", tc.name, status, stderr, got, wantStatus, want)
		}
	}
}

// TestClusterPassThrough checks that source and url come out with the
// document they came in with, bad lines in between notwithstanding.
func TestClusterPassThrough(t *testing.T) {
	var in []string
	want := make(map[string][2]string)
	for i, line := range twoPlusTwo(t) {
		var d map[string]any
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		id := d["id"].(string)
		d["source"], d["url"] = "outlet "+id, "https://example.org/"+id
		if i%3 == 0 {
			delete(d, "url") // absent: omitted
		}
		b, _ := json.Marshal(d)
		in = append(in, string(b))
		if i%4 == 1 {
			in = append(in, `{"id":"bad-`+id+`","source":"x"}`) // rejected: no title, no text
		}
		want[id] = [2]string{d["source"].(string), ""}
		if u, ok := d["url"].(string); ok {
			want[id] = [2]string{d["source"].(string), u}
		}
	}
	status, out, stderr := runCmd(t, strings.Join(in, "\n"), "cluster")
	if status != exitRejected {
		t.Errorf("status %d, want %d; stderr:\n%s", status, exitRejected, stderr)
	}
	got := decodeLines[struct{ ID, Source, URL string }](t, out)
	if len(got) != len(want) {
		t.Errorf("%d output lines, want %d", len(got), len(want))
	}
	for _, o := range got {
		if w := want[o.ID]; w != [2]string{o.Source, o.URL} {
			t.Errorf("%s: source, url = %q, %q; want %q, %q", o.ID, o.Source, o.URL, w[0], w[1])
		}
	}
	if strings.Contains(out, `"url":""`) {
		t.Errorf("empty url not omitted:\n%s", out)
	}
}

// TestNamesLines checks which lines names compares and which it rejects.
func TestNamesLines(t *testing.T) {
	long := strings.Repeat("Blinken ", 100<<10/8) // over the former 64 KiB limit
	for _, tc := range []struct {
		line   string
		ok     bool
		reason string
	}{
		{"Antony Blinken\tБлинкен", true, "two names"},
		{long + "\tBlinken", true, "a long line within the 64 MiB of every command"},
		{"\t", false, "a tab alone has no names"},
		{" \t ", false, "spaces are no names"},
		{"Antony Blinken\tBlinken\tsame\ta note", true, "the first two columns of a wider table"},
		{"# a\tb\twant", true, "a comment"},
		{"\tB\tC", false, "no first name"},
		{"Blinken\t", false, "one name"},
		{"no tab", false, "no tab"},
	} {
		status, out, stderr := runCmd(t, tc.line+"\n", "names")
		if comment := strings.HasPrefix(tc.line, "#"); tc.ok && (status != exitOK || (out == "") != comment) {
			t.Errorf("%.40q (%s): status %d, stderr %q; want it compared", tc.line, tc.reason, status, stderr)
		}
		if !tc.ok && (status != exitRejected || out != "" || !strings.Contains(stderr, "line 1: want two names separated by a tab")) {
			t.Errorf("%.40q (%s): status %d, output %q, stderr %q; want it rejected", tc.line, tc.reason, status, out, stderr)
		}
	}
}

// TestNamesWideTable checks that names compares the first two columns of
// the repository's own table of name variants, which has four and comments.
func TestNamesWideTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "names-variants.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
			want++
		}
	}
	status, out, stderr := runCmd(t, string(data), "names")
	if got := strings.Count(out, "\n"); status != exitOK || got != want || stderr != "" {
		t.Errorf("status %d, %d pairs compared, want %d; stderr:\n%.500s", status, got, want, stderr)
	}
}

// TestDetectBadPublished checks that detect, which does not use
// "published", detects a document whose "published" is bad, with a warning.
func TestDetectBadPublished(t *testing.T) {
	status, out, stderr := runCmd(t, `{"id":"d1","title":"The central bank raised its interest rate again","published":"yesterday"}`+"\n", "detect", "-low")
	if status != exitOK || !strings.Contains(out, `"id":"d1"`) || !strings.Contains(stderr, "line 1: warning") {
		t.Errorf("status %d, output %q, stderr %q; want status 0, d1 detected, a warning", status, out, stderr)
	}
}

// tempFiles returns a function that writes a file of a new temporary
// directory and returns its path.
func tempFiles(t *testing.T) func(name, data string) string {
	dir := t.TempDir()
	return func(name, data string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}
