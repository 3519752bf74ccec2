// Command persist keeps its event clusters on disk between runs: each run
// adds the reports of a JSON Lines file (the input format of "eventdedup
// cluster") to the index in a directory, continuing the clusters of earlier
// runs with the same ids, and prints the clusters that the run's reports
// joined or started. A report already added, by an earlier run or by a run
// killed half-way, is recognised and not added twice.
//
// Run it from the repository root, twice on one directory:
//
//	go run ./examples/persist -index /tmp/events testdata/twoplustwo.jsonl
//	go run ./examples/persist -index /tmp/events more.jsonl
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

func main() {
	index := flag.String("index", "", "index `DIR` (required)")
	flag.Parse()
	if *index == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: persist -index DIR docs.jsonl")
		os.Exit(2)
	}
	if err := run(*index, flag.Arg(0), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "persist:", err)
		os.Exit(1)
	}
}

func run(index, path string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	c, err := dedup.Open(index)
	if err != nil {
		return err
	}
	added, repeated := 0, 0
	touched := make(map[string]bool)
	for d, err := range jsonl.Read(f) {
		if err != nil {
			return errors.Join(err, c.Close())
		}
		a, err := c.Add(context.Background(), d)
		if err != nil {
			return errors.Join(err, c.Close())
		}
		if a.Repeat {
			repeated++
			continue
		}
		added++
		touched[a.Cluster] = true
	}
	fmt.Fprintf(w, "%d reports added, %d already in the index\n", added, repeated)
	for cl := range c.Clusters() {
		if touched[cl.ID] {
			fmt.Fprintf(w, "%s: %d reports, %s … %s: %v\n", cl.ID, len(cl.Docs),
				cl.First.Format("2006-01-02 15:04"), cl.Last.Format("2006-01-02 15:04"), cl.Docs)
		}
	}
	// Close writes what is left of the index; without it, the next run
	// continues from the last batch written.
	return c.Close()
}
