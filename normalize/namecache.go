package normalize

import (
	"sync/atomic"

	"github.com/eventdedup/eventdedup/internal/fnv1a"
)

// Matcher.Match parses both of its names; a name is often compared many
// times (every name of a table against its neighbours, a speaker's name in
// every report), so Match keeps the last names it parsed in a small cache.
const (
	// nameCacheSize is the number of slots of the cache, a power of two:
	// each holds the last name parsed whose text hashes to it. 4,096 slots
	// of names of up to nameCacheMax bytes hold at most some 3 MB.
	nameCacheSize = 1 << 12
	// nameCacheMax is the longest text, in bytes, whose parse is cached:
	// names are short, and a long phrase would hold memory for a name.
	nameCacheMax = 128
)

// cachedName is a parsed name and the text it was parsed from. It is never
// changed once in the cache: matching only reads a Name.
type cachedName struct {
	key  []byte // the text parsed
	name Name
}

// nameCache is a direct-mapped cache of parsed names, safe for concurrent
// use: a slot is replaced whole, atomically. It changes no result, only
// how often a name is parsed. nameSeen holds, by slot, the hash of the last
// text parsed there: a name is cached when it is seen a second time, so
// that a name seen once costs no copy (a doorkeeper, as in TinyLFU).
var (
	nameCache [nameCacheSize]atomic.Pointer[cachedName]
	nameSeen  [nameCacheSize]atomic.Uint64
)

// parseCached returns the Name of s for matching, from the cache when s was
// parsed lately; otherwise it parses s into store and, when s is short
// enough and was seen before, caches a copy.
func parseCached(s string, store *nameStore) Name {
	if len(s) > nameCacheMax {
		return parseName(s, false, store)
	}
	h := fnv1a.String(fnv1a.Offset, s)
	slot := &nameCache[h&(nameCacheSize-1)]
	if c := slot.Load(); c != nil && string(c.key) == s {
		return c.name
	}
	n := parseName(s, false, store)
	if seen := &nameSeen[h&(nameCacheSize-1)]; seen.Swap(h) != h {
		return n // seen once: remembered, not copied
	}
	// a copy in three allocations: the texts, the parts, the entry
	buf := make([]byte, len(s)+len(n.text))
	c := &cachedName{key: buf[:len(s):len(s)], name: n}
	copy(buf, s)
	c.name.text = buf[len(s):]
	copy(c.name.text, n.text)
	if len(n.tokens) <= len(smallName{}.tokens) && len(n.spans) <= len(smallName{}.spans) {
		st := new(smallName)
		c.name.tokens, c.name.spans = st.tokens[:len(n.tokens)], st.spans[:len(n.spans)]
	} else {
		c.name.tokens, c.name.spans = make([]token, len(n.tokens)), make([]span, len(n.spans))
	}
	copy(c.name.tokens, n.tokens)
	copy(c.name.spans, n.spans)
	slot.Store(c)
	return n
}
