package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPersist adds the reports of testdata in two runs on one index, then
// all of them again: the second run continues the clusters of the first, and
// the third adds nothing.
func TestPersist(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "twoplustwo.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(data)), "\n")
	dir := t.TempDir()
	write := func(name string, lines []string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Join(lines, "")), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	index := filepath.Join(dir, "index")
	outputs := []string{}
	for _, in := range []string{write("a.jsonl", lines[:5]), write("b.jsonl", lines[5:]), write("all.jsonl", lines)} {
		var out bytes.Buffer
		if err := run(index, in, &out); err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, out.String())
	}
	if !strings.HasPrefix(outputs[0], "5 reports added, 0 already") {
		t.Errorf("first run:\n%s", outputs[0])
	}
	// The second run's 2+2 reports join the cluster the first run started.
	if !strings.HasPrefix(outputs[1], "12 reports added, 0 already") || !strings.Contains(outputs[1], "c1: 9 reports") {
		t.Errorf("second run:\n%s", outputs[1])
	}
	if want := "0 reports added, 17 already in the index\n"; outputs[2] != want {
		t.Errorf("third run:\n%s\nwant:\n%s", outputs[2], want)
	}
}
