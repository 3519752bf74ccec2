package dedup_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/eventdedup/eventdedup/dedup"
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
					!m.Published.Equal(d.Published) || m.Lang != dedup.Lang(a.Lang) || m.DuplicateOf != a.DuplicateOf ||
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
