package dedup_test

import (
	"context"
	"errors"
	"iter"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

// partitionAll clusters docs with AddAll and returns, for every pair of documents
// (by id, in a fixed order), whether they end in one cluster, checking that
// the assignments come in stream order.
func partitionAll(t *testing.T, docs []dedup.Document, opts ...dedup.Option) map[[2]string]bool {
	t.Helper()
	c, err := dedup.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cluster := make(map[string]string)
	i := 0
	for a, err := range c.AddAll(context.Background(), slices.Values(docs)) {
		if err != nil {
			t.Fatal(err)
		}
		if a.ID != docs[i].ID {
			t.Fatalf("assignment %d is of %s, want %s: not in stream order", i, a.ID, docs[i].ID)
		}
		cluster[a.ID] = a.Cluster
		i++
	}
	return together(c, cluster)
}

// TestReorderInvariant checks that AddAll's blocks make the clusters of a
// stream independent of its order: shuffles, a backfill and the stream
// reversed, with and without undated documents, give the partition of the
// sorted stream, which keeps the US–Japan talks (tp) apart from the
// Japan–Australia pact signed the day before (raa) and their reports in
// Japanese and English together.
func TestReorderInvariant(t *testing.T) {
	docs := stream(t)
	undated := slices.Clone(docs)
	for i := range undated {
		if i%3 == 0 {
			undated[i].Published = time.Time{}
		}
	}
	for name, set := range map[string][]dedup.Document{"dated": docs, "a third undated": undated} {
		sorted := slices.Clone(set)
		slices.SortStableFunc(sorted, func(a, b dedup.Document) int { return a.Published.Compare(b.Published) })
		want := partitionAll(t, sorted)
		if name == "dated" {
			for pair, same := range map[[2]string]bool{{"raa-en-1", "tp-en-2"}: false, {"raa-ja-1", "tp-ja-1"}: false, {"tp-en-1", "tp-ja-1"}: true} {
				if want[pair] != same {
					t.Errorf("sorted: %s and %s together %v, want %v", pair[0], pair[1], want[pair], same)
				}
			}
		}
		half := len(sorted) / 2
		reversed := slices.Clone(sorted)
		slices.Reverse(reversed)
		orders := map[string][]dedup.Document{
			"backfill": append(slices.Clone(sorted[half:]), sorted[:half]...),
			"reversed": reversed,
		}
		for seed := range uint64(3) {
			s := slices.Clone(sorted)
			rand.New(rand.NewPCG(seed+1, 0)).Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
			orders["shuffle"+string(rune('1'+seed))] = s
		}
		for order, s := range orders {
			got := partitionAll(t, s)
			for pair, same := range want {
				if got[pair] != same {
					t.Errorf("%s, %s: %s and %s together %v, sorted %v", name, order, pair[0], pair[1], got[pair], same)
				}
			}
		}
	}
}

// TestReorderCancelled cancels a stream while its documents are held in a
// block: each is reported with the cancellation, none is lost silently.
func TestReorderCancelled(t *testing.T) {
	docs := stream(t)[:5]
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	feed := func(yield func(dedup.Document) bool) {
		for _, d := range docs {
			if !yield(d) {
				return
			}
		}
		cancel() // the feed is cut before the block is full
		<-ctx.Done()
	}
	var held []string
	for a, err := range c.AddAll(ctx, feed) {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%q: error %v, want the cancellation", a.ID, err)
		}
		if a.ID != "" {
			held = append(held, a.ID)
		}
	}
	if len(held) != len(docs) {
		t.Errorf("%d documents reported cancelled (%v), want the %d held", len(held), held, len(docs))
	}
}

// TestReorderPause checks that a live feed that pauses gets the
// assignments of what it sent while it waits.
func TestReorderPause(t *testing.T) {
	docs := stream(t)[:5]
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got := make(chan struct{})
	var feed iter.Seq[dedup.Document] = func(yield func(dedup.Document) bool) {
		for _, d := range docs[:3] {
			if !yield(d) {
				return
			}
		}
		select {
		case <-got: // the consumer has the first three
		case <-time.After(time.Minute):
			t.Error("no assignment while the feed paused")
		}
		for _, d := range docs[3:] {
			if !yield(d) {
				return
			}
		}
	}
	n := 0
	for _, err := range c.AddAll(context.Background(), feed) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			close(got)
		}
	}
	if n != len(docs) {
		t.Errorf("%d assignments, want %d", n, len(docs))
	}
}

// TestReorderOneCPU checks that the concurrency of AddAll's blocks (the
// documents that follow prepared while a block is assigned, the pairs of a
// block scored on all CPUs) leaves every assignment as it is on one CPU,
// with blocks of a few documents and with one block of all.
func TestReorderOneCPU(t *testing.T) {
	docs := stream(t)
	run := func(procs, reorder int) []dedup.Assignment {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		c, err := dedup.New(dedup.WithReorder(reorder))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		as, err := c.AddBatch(context.Background(), docs)
		if err != nil {
			t.Fatal(err)
		}
		return as
	}
	for _, reorder := range []int{7, dedup.DefaultReorder} {
		one, all := run(1, reorder), run(4, reorder)
		if !reflect.DeepEqual(one, all) {
			t.Errorf("blocks of %d: the assignments on 4 CPUs differ from those on one:\n%v\n%v", reorder, all, one)
		}
	}
}
