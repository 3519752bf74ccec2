package fnv1a

import (
	"hash/fnv"
	"testing"
)

// TestStdlib checks that String agrees with hash/fnv's FNV-1a.
func TestStdlib(t *testing.T) {
	for _, s := range []string{"", "a", "t:en\xffministers", "Блинкен", "布林肯"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := String(Offset, s), h.Sum64(); got != want {
			t.Errorf("String(%q) = %#x, want %#x", s, got, want)
		}
		if got := String(Offset, []byte(s)); got != h.Sum64() {
			t.Errorf("String([]byte(%q)) = %#x, want %#x", s, got, h.Sum64())
		}
	}
}
