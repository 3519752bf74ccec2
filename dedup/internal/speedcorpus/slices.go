//go:build ignore

// Slices reads the output of eventdedup cluster and prints, for every slice
// of -step documents, the time it took and the documents per second, so
// that a long run shows whether the cost per document grows with the
// stream:
//
//	go run ./dedup/internal/speedcorpus/gen.go -n 300000 > /tmp/speed-300k.jsonl
//	go build -o /tmp/slices ./dedup/internal/speedcorpus/slices.go
//	/usr/bin/time -v eventdedup cluster < /tmp/speed-300k.jsonl | /tmp/slices -step 30000
//
// The merge lines of the output ({"merge": …}) are not documents and are
// not counted. The time of a slice runs from the end of the previous one
// (the first from the start of slices).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"time"
)

func main() {
	step := flag.Int("step", 30000, "documents per slice")
	flag.Parse()
	if *step <= 0 {
		log.Fatalf("step %d, want a positive number", *step)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 64<<20)
	start := time.Now()
	last, n := start, 0
	for sc.Scan() {
		if bytes.HasPrefix(sc.Bytes(), []byte(`{"merge"`)) {
			continue
		}
		n++
		if n%*step == 0 {
			now := time.Now()
			d := now.Sub(last)
			fmt.Printf("%8d documents: slice %6.2f s, %6.0f docs/s, %.3f ms per document\n",
				n, d.Seconds(), float64(*step)/d.Seconds(), d.Seconds()*1e3/float64(*step))
			last = now
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	d := time.Since(start)
	fmt.Printf("%8d documents in %.1f s, %.0f docs/s\n", n, d.Seconds(), float64(n)/d.Seconds())
}
