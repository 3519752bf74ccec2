package features

import "testing"

// TestStatsWith checks that a view made by With counts as the documents of
// both, added to one Stats, do.
func TestStatsWith(t *testing.T) {
	a := &Doc{Lang: "en", Script: "Latn", Terms: Vec{K: []uint64{1, 2, 3}}, Surface: Vec{K: []uint64{10}},
		Ents: Vec{K: []uint64{100, 101}}, EntKind: []Kind{KindName, KindPlace}, EntWeak: []bool{false, false}}
	b := &Doc{Lang: "de", Script: "Latn", Terms: Vec{K: []uint64{2, 4}}, Surface: Vec{K: []uint64{10, 11}},
		Ents: Vec{K: []uint64{100, 102}}, EntKind: []Kind{KindName, KindName}, EntWeak: []bool{false, true}}
	s, extra, both := NewStats(), NewStats(), NewStats()
	s.Update(a, 1)
	extra.Update(b, 1)
	both.Update(a, 1)
	both.Update(b, 1)
	v := s.With(extra)
	for _, k := range []uint64{1, 2, 3, 4, 5, 10, 11, 100, 101, 102} {
		if got, want := v.IDF(k, 7), both.IDF(k, 7); got != want {
			t.Errorf("IDF(%d) = %v, want %v", k, got, want)
		}
		if got, want := v.Attested(k), both.Attested(k); got != want {
			t.Errorf("Attested(%d) = %v, want %v", k, got, want)
		}
	}
	for _, scope := range []string{"", "en", "de", "fr", SurfaceScope("Latn")} {
		if got, want := v.Docs(scope), both.Docs(scope); got != want {
			t.Errorf("Docs(%q) = %d, want %d", scope, got, want)
		}
	}
	if s.Docs("") != 1 || s.Docs("de") != 0 {
		t.Errorf("With changed s: %d documents, %d in German", s.Docs(""), s.Docs("de"))
	}
}
