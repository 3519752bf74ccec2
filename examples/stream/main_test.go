package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStream(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "twoplustwo.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	in := "not json\n" + string(data)
	var out, errs bytes.Buffer
	if err := run(context.Background(), strings.NewReader(in), &out, &errs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs.String(), "line 1") {
		t.Errorf("the bad line is not reported: %q", errs.String())
	}
	gold := make(map[string]string) // id → event
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct{ ID, Event string }
		json.Unmarshal([]byte(l), &d)
		gold[d.ID] = d.Event
	}
	events := make(map[string]string) // cluster → event
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var o line
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		n++
		if e, ok := events[o.Cluster]; ok && e != gold[o.ID] {
			t.Errorf("%s (%s) is in cluster %s of %s", o.ID, gold[o.ID], o.Cluster, e)
		}
		events[o.Cluster] = gold[o.ID]
		if o.ID == "tp-en-3" && o.DuplicateOf != "tp-en-1" {
			t.Errorf("tp-en-3 is not flagged as a copy of tp-en-1: %+v", o)
		}
	}
	if n != len(gold) || len(events) != 3 {
		t.Errorf("%d lines in %d clusters, want %d lines in 3 clusters:\n%s", n, len(events), len(gold), out.String())
	}
}
