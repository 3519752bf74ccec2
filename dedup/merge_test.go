package dedup

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestMergeBookkeeping merges two clusters directly, as a bridging document
// would, and checks what a merge promises: the older id survives, the
// absorbed one is reported once and resolved to the survivor, Clusters and
// Cluster show one cluster, and all this holds after the index is opened
// again, where the next report of the event joins the survivor.
func TestMergeBookkeeping(t *testing.T) {
	dir := t.TempDir()
	// Threshold 1: each document starts its own cluster.
	c, err := Open(dir, WithThreshold(1))
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2023, 3, 1, 8, 0, 0, 0, time.UTC)
	ctx := context.Background()
	docs := []Document{
		{ID: "a", Title: "Quake of magnitude 6.1 shakes Valdoria", Text: "A quake of magnitude 6.1 shook the coast of Valdoria on Wednesday, officials in Port Emmer said.", Published: day},
		{ID: "b", Title: "Valdoria: séisme de magnitude 6,1", Text: "Un séisme de magnitude 6,1 a secoué la côte de Valdoria mercredi, selon les autorités de Port Emmer.", Published: day.Add(time.Hour)},
		{ID: "x", Title: "Harvest festival opens in Trelling", Text: "The harvest festival of Trelling opened with a parade of 40 floats.", Published: day},
	}
	var as []Assignment
	for _, d := range docs {
		a, err := c.Add(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	if as[0].Cluster == as[1].Cluster {
		t.Fatalf("at threshold 1, a and b share %s", as[0].Cluster)
	}
	c.mu.Lock()
	c.cfg.threshold = 0 // any linkage merges
	older, newer := c.win.bySeq[1], c.win.bySeq[2]
	into, absorbed := c.mergeLinked(newer, []clusterLink{{cl: older, score: 1}})
	c.cfg.threshold = 1
	c.mu.Unlock()
	if into.id != "c1" || !slices.Equal(absorbed, []string{"c2"}) {
		t.Fatalf("merge of c2 and c1: into %s, absorbed %v; want c1, [c2]", into.id, absorbed)
	}
	check := func(c *Clusterer, when string) {
		t.Helper()
		if got := c.Resolve("c2"); got != "c1" {
			t.Errorf("%s: Resolve(c2) = %s, want c1", when, got)
		}
		for _, id := range []string{"c1", "c3", "x9", ""} {
			if got := c.Resolve(id); got != id {
				t.Errorf("%s: Resolve(%q) = %q, want it unchanged", when, id, got)
			}
		}
		var ids []string
		for cl := range c.Clusters() {
			ids = append(ids, cl.ID)
			if cl.ID == "c1" && !slices.Equal(cl.Docs, []string{"a", "b"}) {
				t.Errorf("%s: c1 holds %v, want [a b]", when, cl.Docs)
			}
		}
		if !slices.Equal(ids, []string{"c1", "c3"}) {
			t.Errorf("%s: clusters %v, want [c1 c3]", when, ids)
		}
		if cl, ok := c.Cluster("c2"); !ok || cl.ID != "c1" || len(cl.Docs) != 2 {
			t.Errorf("%s: Cluster(c2) = %+v, %v; want c1 with a and b", when, cl, ok)
		}
	}
	check(c, "after the merge")
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c, err = Open(dir, WithThreshold(0.5))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	check(c, "opened again")
	if n := len(c.win.bySeq); n != 2 || c.win.bySeq[1] == nil || len(c.win.bySeq[1].docs) != 2 {
		t.Errorf("opened again: open clusters %v, want c1 with both members and c3", c.win.bySeq)
	}
	a, err := c.Add(ctx, Document{ID: "c", Title: "Valdoria quake: magnitude 6.1 near Port Emmer", Text: "The magnitude 6.1 quake off Valdoria was felt in Port Emmer.", Published: day.Add(2 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Cluster != "c1" {
		t.Errorf("a later report of the quake: %s, want c1", a.Cluster)
	}
}
