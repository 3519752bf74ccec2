package dedup

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// TestIDHashCollision checks that a new document whose id hash another
// id has taken is added as a new document, found by its own id afterwards,
// and that the id that took the hash still answers as a repeat, before and
// after the index is written: the history keeps hashes, not ids, and asks
// the index when a hash is taken.
func TestIDHashCollision(t *testing.T) {
	for _, flush := range []bool{false, true} {
		c, err := New(WithBatchSize(1000))
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		day := time.Date(2023, 3, 1, 8, 0, 0, 0, time.UTC)
		a := Document{ID: "a", Title: "Quake of magnitude 6.1 shakes Valdoria", Text: "A quake of magnitude 6.1 shook the coast of Valdoria.", Published: day}
		b := Document{ID: "b", Title: "Harvest festival opens in Trelling", Text: "The harvest festival of Trelling opened with a parade of 40 floats.", Published: day}
		first, err := c.Add(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		// b's hash is taken by a, as if the two ids collided.
		c.hist.ids.byHash[fnv1a.String(fnv1a.Offset, "b")] = 0
		if flush {
			if err := c.Flush(); err != nil {
				t.Fatal(err)
			}
		}
		got, err := c.Add(ctx, b)
		if err != nil || got.Repeat || !got.New || got.Cluster == first.Cluster {
			t.Errorf("flush %v: b, whose hash a took: %+v, %v; want a new cluster", flush, got, err)
		}
		if i, ok := c.hist.seq("b"); !ok || i != 1 {
			t.Errorf("flush %v: b at %d, %v; want 1", flush, i, ok)
		}
		for _, d := range []Document{a, b} {
			again, err := c.Add(ctx, d)
			if err != nil || !again.Repeat {
				t.Errorf("flush %v: %s again: %+v, %v; want a repeat", flush, d.ID, again, err)
			}
		}
		changed := b
		changed.Text += " Updated."
		if _, err := c.Add(ctx, changed); !errors.Is(err, ErrReusedID) {
			t.Errorf("flush %v: b changed: %v, want ErrReusedID", flush, err)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
