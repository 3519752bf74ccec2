package dedup_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

// partition clusters docs in the given order and returns, for every pair
// of documents (by id, in a fixed order), whether they end in one cluster
// (merges resolved).
func partition(t *testing.T, docs []dedup.Document, opts ...dedup.Option) map[[2]string]bool {
	t.Helper()
	c, err := dedup.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cluster := make(map[string]string)
	for _, d := range docs {
		a, err := c.Add(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		cluster[d.ID] = a.Cluster
	}
	return together(c, cluster)
}

// together returns, for every pair of the documents of cluster (id →
// cluster id), in a fixed order, whether they are in one cluster of c
// (merges resolved).
func together(c *dedup.Clusterer, cluster map[string]string) map[[2]string]bool {
	ids := make([]string, 0, len(cluster))
	for id := range cluster {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make(map[[2]string]bool)
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			out[[2]string{a, b}] = c.Resolve(cluster[a]) == c.Resolve(cluster[b])
		}
	}
	return out
}

// TestOutOfOrder feeds the same reports, of two weeks a week apart, one at
// a time (Add), sorted by time and as a backfill (the second week first,
// then the first), with a lateness of one day, so that the late reports
// find their clusters in the index: the backfill must give the partition of
// the sorted stream. Add assigns a document on arrival against what the
// window then holds, so a shuffled stream of a few documents may end
// otherwise (on this stream 5 of 20 shuffles merged the US–Japan talks with
// the Japan–Australia pact in the version of 6 Dec 2026, 6 of 20 with the
// year feature of the link model); AddAll, which holds documents in blocks,
// is the path that any order gives the same partition (TestReorderInvariant).
func TestOutOfOrder(t *testing.T) {
	docs := stream(t)
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, func(a, b dedup.Document) int { return a.Published.Compare(b.Published) })
	opts := []dedup.Option{dedup.WithLateness(24 * time.Hour), dedup.WithBatchSize(3)}
	want := partition(t, sorted, opts...)
	together := 0
	for _, same := range want {
		if same {
			together++
		}
	}
	if together == 0 {
		t.Fatal("the sorted stream has no cluster of two reports")
	}
	half := len(sorted) / 2
	orders := map[string][]dedup.Document{"backfill": append(slices.Clone(sorted[half:]), sorted[:half]...)}
	for name, order := range orders {
		got := partition(t, order, opts...)
		for pair, same := range want {
			if got[pair] != same {
				t.Errorf("%s: %s and %s together %v, sorted %v", name, pair[0], pair[1], got[pair], same)
			}
		}
	}
}
