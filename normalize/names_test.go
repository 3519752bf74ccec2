package normalize

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestNameVariants checks the matcher on the hand-written variant table
// ../testdata/names-variants.tsv: each row is a pair, the expected decision
// and the reason it is there. Rows marked "unsolved" are known failures of
// the current rules (same person, not matched), rows marked "confused" known
// false matches (different people, matched): they are logged, and the test
// fails when one is decided right, so that the table is kept current.
func TestNameVariants(t *testing.T) {
	f, err := os.Open("../testdata/names-variants.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var m Matcher
	sc := bufio.NewScanner(f)
	rows := 0
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		p := strings.Split(sc.Text(), "\t")
		known := map[string]bool{"same": true, "different": true, "unsolved": true, "confused": true}
		if len(p) != 4 || !known[p[2]] {
			t.Fatalf("line %d: want a, b, same|different|unsolved|confused, why: %q", line, sc.Text())
		}
		rows++
		want := p[2] == "same"
		ab, ba := m.Match(p[0], p[1]), m.Match(p[1], p[0])
		if p[2] == "unsolved" || p[2] == "confused" {
			t.Logf("line %d (%s): %s: %q, %q: score %.2f, %s", line, p[3], p[2], p[0], p[1], ab.Score, ab.Reason)
			if ab.Same != (p[2] == "confused") {
				t.Errorf("line %d: %q and %q are now decided right: mark the row", line, p[0], p[1])
			}
			continue
		}
		if ab.Same != want {
			t.Errorf("line %d (%s): Match(%q, %q).Same = %v, want %v; score %.2f, %s", line, p[3], p[0], p[1], ab.Same, want, ab.Score, ab.Reason)
		}
		if ab.Same != ba.Same || ab.Score != ba.Score {
			t.Errorf("line %d: not symmetric: %+v vs %+v", line, ab, ba)
		}
	}
	if rows < 40 {
		t.Errorf("only %d rows read", rows)
	}
}
