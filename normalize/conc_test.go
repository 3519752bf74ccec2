package normalize

import (
	"sync"
	"testing"
)

// TestMatchConcurrent checks that one Matcher used from several goroutines
// gives the results it gives from one (run with -race).
func TestMatchConcurrent(t *testing.T) {
	var m Matcher
	want := make([]Match, len(benchPairs))
	for i, p := range benchPairs {
		want[i] = m.Match(p[0], p[1])
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for i, p := range benchPairs {
					if got := m.Match(p[0], p[1]); got != want[i] {
						t.Errorf("Match(%q, %q) = %+v, want %+v", p[0], p[1], got, want[i])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
