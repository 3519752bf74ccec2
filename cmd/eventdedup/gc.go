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
// document is assigned, over a live heap of some 40 MB at 3,000 documents
// (the window, caches, language models). With Go's default, a collection
// each time the heap doubles, collections are frequent. With gcPercent the
// heap may grow to five times what is live, and memoryLimit caps it, so
// that a long stream, whose live heap is larger, is collected when the Go
// memory reaches memoryLimit. On the speed corpus (see README, Measured)
// the cluster command took 18% less time at 3,000 documents and 5–17% less
// CPU time at 30,000 than with GOGC=100 and no limit; at 300,000 the same
// time, and a peak resident memory of 339–352 MB instead of 309 MB, under
// the 400 MB aimed at (memoryLimit plus the memory-mapped index and the
// program). The limit is soft: a live heap larger than it (a window of many
// more documents than the default, see dedup.WithMaxDocs) is collected
// more often, at a cost in CPU time that the runtime bounds, rather than
// failing.
//
// Both are round values chosen on the speed corpus, not tuned: no
// assignment depends on them, only time and memory.
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
