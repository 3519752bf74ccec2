package dedup_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/dedup/internal/features"
)

// TestClusterView checks that the cluster view gives back each member as it
// was added (title, source, url, language, time, copy) and the names that
// tied it, from a fresh Clusterer and from its index opened again.
func TestClusterView(t *testing.T) {
	docs := stream(t)
	byID := make(map[string]dedup.Document)
	for _, d := range docs {
		byID[d.ID] = d
	}
	dir := t.TempDir()
	c := open(t, dir)
	as := make(map[string]dedup.Assignment)
	for _, d := range docs {
		a, err := c.Add(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		as[d.ID] = a
	}
	first := slices.Collect(c.Clusters())
	check := func(t *testing.T, cls []dedup.Cluster) {
		t.Helper()
		seen, tied := 0, 0
		for _, cl := range cls {
			if len(cl.Members) != len(cl.Docs) {
				t.Fatalf("%s: %d members, %d docs", cl.ID, len(cl.Members), len(cl.Docs))
			}
			for i, m := range cl.Members {
				seen++
				d, a := byID[m.ID], as[m.ID]
				if m.ID != cl.Docs[i] || m.Title != d.Title || m.Source != d.Source || m.URL != d.URL ||
					!m.Published.Equal(d.Published) || m.Lang != features.BaseLang(a.Lang) || m.DuplicateOf != a.DuplicateOf ||
					m.New != a.New || a.Cluster != cl.ID {
					t.Errorf("%s: member %+v, added as %+v, assigned %+v", cl.ID, m, d, a)
				}
			}
			for _, n := range cl.Names {
				if n.Members < 1 || len(n.Forms) == 0 || n.Key == "" {
					t.Errorf("%s: name tie %+v", cl.ID, n)
				}
				tied++
			}
			if len(cl.Members) > 1 && len(cl.Names) == 0 && len(cl.Places) == 0 {
				t.Errorf("%s: %d members and nothing ties them", cl.ID, len(cl.Members))
			}
			one, ok := c.Cluster(cl.ID)
			if !ok || !reflect.DeepEqual(one, cl) {
				t.Errorf("Cluster(%s) = %+v, %v; Clusters has %+v", cl.ID, one, ok, cl)
			}
		}
		if seen != len(docs) || tied == 0 {
			t.Errorf("%d members listed, want %d; %d names tie clusters", seen, len(docs), tied)
		}
	}
	check(t, first)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir)
	defer c.Close()
	again := slices.Collect(c.Clusters())
	if !reflect.DeepEqual(first, again) {
		t.Errorf("clusters after reopening differ:\n%s", diff(first, again))
	}
	check(t, again)
	for _, id := range []string{"", "c0", "c01", "x1", "c999"} {
		if _, ok := c.Cluster(id); ok {
			t.Errorf("Cluster(%q) found a cluster", id)
		}
	}
}

// TestOpenNotIndex checks that Open refuses a directory that holds files but
// no index, and leaves it as it was.
func TestOpenNotIndex(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := dedup.Open(dir)
	if !errors.Is(err, dedup.ErrNotIndex) {
		if err == nil {
			c.Close()
		}
		t.Fatalf("Open of a folder of notes: %v, want ErrNotIndex", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("Open wrote into the folder: %v", entries)
	}
	// an empty directory, and one that does not exist yet, are new indexes
	for _, d := range []string{t.TempDir(), filepath.Join(t.TempDir(), "new")} {
		c, err := dedup.Open(d)
		if err != nil {
			t.Fatalf("Open(%s): %v", d, err)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		if c, err = dedup.Open(d); err != nil { // and open again
			t.Fatalf("Open(%s) again: %v", d, err)
		}
		c.Close()
	}
}

// TestJSONKeys checks that the library's results marshal with snake_case
// keys, as the command line writes them.
func TestJSONKeys(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var values []any
	for _, d := range stream(t)[:4] {
		a, err := c.Add(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		a.Truncated, a.IgnoredTime, a.Repeat = true, true, true // to see their keys
		values = append(values, a)
	}
	cl, _ := c.Cluster("c1")
	values = append(values, cl)
	snake := regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)
	var keys func(v any)
	keys = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if !snake.MatchString(k) && !strings.Contains(k, "-") {
					t.Errorf("key %q is not snake_case", k)
				}
				if k != "parts" {
					keys(x)
				}
			}
		case []any:
			for _, x := range v {
				keys(x)
			}
		}
	}
	for _, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m any
		json.Unmarshal(b, &m)
		keys(m)
		if !strings.Contains(string(b), `"id":`) {
			t.Errorf("no id in %s", b)
		}
	}
}

// mergeThresholds are thresholds above the default at which the held-out
// set, in file order, may split an event early and have a later document
// merge it: there is none at the default, and where merges happen depends
// on the fitted link model (0.7–0.9 before it weighed event concepts,
// 0.97–0.99 since), so mergeThreshold tries them in turn.
var mergeThresholds = []float64{0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99}

// mergeThreshold returns the option of the first of mergeThresholds at
// which clustering the held-out set in file order merges clusters.
func mergeThreshold(t *testing.T, docs []dedup.Document) dedup.Option {
	t.Helper()
	for _, th := range mergeThresholds {
		c, err := dedup.New(dedup.WithThreshold(th))
		if err != nil {
			t.Fatal(err)
		}
		merged := false
		for _, d := range docs {
			a, err := c.Add(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			merged = merged || len(a.Merged) > 0
		}
		c.Close()
		if merged {
			return dedup.WithThreshold(th)
		}
	}
	t.Fatalf("no merge on the held-out set at thresholds %v: this test needs a set where clusters merge", mergeThresholds)
	return nil
}

// TestClusterViewMerges checks the view of merged clusters on the held-out
// set, where a document shows two clusters to report one event: the
// absorbed cluster is listed no more, the surviving one lists it in Merged
// and holds its members, Cluster of the absorbed id gives the survivor; and
// so after opening the index again.
func TestClusterViewMerges(t *testing.T) {
	docs := readDocs(t, filepath.Join("..", "testdata", "heldout-events.jsonl"))
	threshold := mergeThreshold(t, docs)
	dir := t.TempDir()
	c, err := dedup.Open(dir, threshold)
	if err != nil {
		t.Fatal(err)
	}
	merged := make(map[string]string) // absorbed → survivor at the time
	n := 0
	for _, d := range docs {
		a, err := c.Add(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, m := range a.Merged {
			merged[m] = a.Cluster
		}
	}
	if len(merged) == 0 {
		t.Fatal("no merge on the held-out set: this test needs a set where clusters merge")
	}
	check := func(t *testing.T, c *dedup.Clusterer) []dedup.Cluster {
		t.Helper()
		cls := slices.Collect(c.Clusters())
		byID := make(map[string]dedup.Cluster)
		members := 0
		for _, cl := range cls {
			byID[cl.ID] = cl
			members += len(cl.Members)
		}
		if members != n {
			t.Errorf("%d members in the clusters, want %d", members, n)
		}
		for from, into := range merged {
			survivor := c.Resolve(into)
			if _, ok := byID[from]; ok {
				t.Errorf("%s, merged into %s, is still listed", from, into)
			}
			if !slices.Contains(byID[survivor].Merged, from) {
				t.Errorf("%s does not list %s among the clusters merged into it: %v", survivor, from, byID[survivor].Merged)
			}
			if cl, ok := c.Cluster(from); !ok || !reflect.DeepEqual(cl, byID[survivor]) {
				t.Errorf("Cluster(%s) = %s, %v; want %s", from, cl.ID, ok, survivor)
			}
		}
		return cls
	}
	first := check(t, c)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = dedup.Open(dir, threshold)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if again := check(t, c); !reflect.DeepEqual(first, again) {
		t.Errorf("clusters after reopening differ:\n%s", diff(first, again))
	}
}
