package main

import (
	"os"
	"runtime/debug"
)

// Settings of Go's garbage collector for the commands, unless the
// environment sets them (GOGC, GOMEMLIMIT; see the runtime package).
//
// Clustering allocates some 160 KB per document (the analyses of its words,
// its features, its index entries), nearly all of it garbage once the
// document is assigned, over a live heap of some 40–100 MB (the window,
// caches, language models). With Go's default, a collection each time the
// heap doubles, the collector took 15–25% of the CPU time of the cluster
// command. With gcPercent the heap may grow to five times what is live,
// and memoryLimit caps it, so that a long stream, whose live heap is
// larger, is collected when the Go memory reaches memoryLimit rather than
// five times its live heap: the peak resident memory of a 300,000-document
// stream stays under 400 MB (memoryLimit plus the memory-mapped index and
// the program; see README, Measured). The limit is soft: a live heap larger
// than it (a window of many more documents than the default, see
// dedup.WithMaxDocs) is collected more often, at a cost in CPU time that
// the runtime bounds, rather than failing.
//
// Both were chosen on the speed corpus (see README, Measured), not fitted:
// no assignment depends on them, only time and memory.
const (
	gcPercent   = 400
	memoryLimit = 256 << 20
)

// tuneGC applies gcPercent and memoryLimit where the environment does not
// set them.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
