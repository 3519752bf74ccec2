package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTwoPlusTwo runs the example on its hand-written data and checks what it
// promises: every report is printed once, and the clusters follow the gold
// events (the 2+2 reports together whatever their language, the two related
// events of the same week apart).
func TestTwoPlusTwo(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	gold := goldEvents(t)

	// Parse "cluster cN: …" headers and the document lines under them.
	header := regexp.MustCompile(`^cluster (\S+): `)
	docLine := regexp.MustCompile(`^  (\S+)\s`)
	eventsOf := make(map[string]map[string]bool) // cluster → gold events
	clusterOf := make(map[string]string)         // gold event → cluster
	cur := ""
	seen := make(map[string]int)
	for _, line := range strings.Split(out.String(), "\n") {
		if m := header.FindStringSubmatch(line); m != nil {
			cur = m[1]
			eventsOf[cur] = make(map[string]bool)
			continue
		}
		m := docLine.FindStringSubmatch(line)
		if m == nil || cur == "" {
			continue
		}
		ev, ok := gold[m[1]]
		if !ok {
			continue // "tied by names" and near-copy lines
		}
		seen[m[1]]++
		eventsOf[cur][ev] = true
		if prev, ok := clusterOf[ev]; ok && prev != cur {
			t.Errorf("event %s is split between clusters %s and %s", ev, prev, cur)
		}
		clusterOf[ev] = cur
	}
	for id := range gold {
		if seen[id] != 1 {
			t.Errorf("document %s printed %d times, want once", id, seen[id])
		}
	}
	for cl, evs := range eventsOf {
		if len(evs) > 1 {
			t.Errorf("cluster %s mixes events %v", cl, evs)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", out.String())
	}
}

func goldEvents(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", defaultData))
	if err != nil {
		t.Fatal(err)
	}
	gold := make(map[string]string)
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct{ ID, Event string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		gold[d.ID] = d.Event
	}
	return gold
}
