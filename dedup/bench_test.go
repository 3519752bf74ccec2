package dedup_test

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/dedup/internal/speedcorpus"
	"github.com/eventdedup/eventdedup/internal/corpustest"
)

// BenchmarkCluster measures clustering end to end (language detection,
// features, candidates, scoring, index writes) on real articles repeated with
// 30-day shifts (package speedcorpus), by stream length: 3,000, 30,000 and
// 300,000 documents. It reports documents per second, start-up included;
// the cost per document should not grow with the stream. Run it with
//
//	go test ./dedup -run '^$' -bench 'Cluster/(3000|30000)$' -benchtime 1x
//	go test ./dedup -run '^$' -bench 'Cluster/300000$' -benchtime 1x -timeout 30m
//
// (the second takes minutes and holds the 300,000 documents, 330 MB of
// text, in memory). It needs the development corpus (see package
// corpustest). Peak memory and the cost of each slice of a long stream are
// measured on the command line (see package speedcorpus).
func BenchmarkCluster(b *testing.B) {
	pairs := corpustest.Path(b, "semeval-pairs-dev.jsonl")
	for _, n := range []int{3000, 30000, 300000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			docs, err := speedcorpus.Load(pairs, n)
			if err != nil {
				b.Fatalf("speed corpus: %v", err)
			}
			bytes := 0
			for _, d := range docs {
				bytes += len(d.Title) + len(d.Text)
			}
			b.SetBytes(int64(bytes))
			b.ReportAllocs()
			for b.Loop() {
				c, err := dedup.New()
				if err != nil {
					b.Fatal(err)
				}
				for _, err := range c.AddAll(context.Background(), slices.Values(docs)) {
					if err != nil {
						b.Fatal(err)
					}
				}
				if err := c.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
