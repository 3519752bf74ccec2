package normalize

import "testing"

// TestMatchCached checks that a name found in the cache of parsed names
// matches as when it is parsed anew.
func TestMatchCached(t *testing.T) {
	rows := readNameTable(t, "../testdata/names-entities.tsv")
	var m Matcher
	for i, r := range rows {
		o := rows[(i*7+1)%len(rows)]
		want := m.MatchNames(parseName(r.name, false, nil), parseName(o.name, false, nil))
		for range 3 { // parsed, parsed and cached, then from the cache
			if got := m.Match(r.name, o.name); got != want {
				t.Fatalf("Match(%q, %q) = %+v, want %+v", r.name, o.name, got, want)
			}
		}
	}
}
