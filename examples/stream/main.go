// Command stream is a pipeline stage: it reads news reports as JSON Lines on
// stdin (the input format of "eventdedup cluster": id, title, text,
// published, …) and writes, as each is assigned, one line per report on
// stdout: its event cluster, whether it started the cluster, the report it
// copies if it is a near-verbatim copy, and the names that tied it to the
// cluster. Features are extracted on all CPUs; reports are held in blocks
// (up to 10,000, or until the feed pauses for a second), each clustered as a
// whole and assigned in order of publication, and written in stream order,
// so the output is deterministic and does not depend on the order of the
// reports within a block.
//
// Run it from the repository root:
//
//	go run ./examples/stream < testdata/twoplustwo.jsonl
//
// or at the end of a pipeline: tail -f feed.jsonl | go run ./examples/stream
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "stream:", err)
		os.Exit(1)
	}
}

// line is one output line.
type line struct {
	ID          string   `json:"id"`
	Cluster     string   `json:"cluster"`
	New         bool     `json:"new,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	Names       []string `json:"names,omitempty"`
}

func run(ctx context.Context, in io.Reader, out, errs io.Writer) (err error) {
	c, err := dedup.New()
	if err != nil {
		return err
	}
	defer func() {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}()

	// Bad input lines are reported and skipped; the stream goes on.
	docs := func(yield func(dedup.Document) bool) {
		for d, err := range jsonl.Read(in) {
			if err != nil {
				fmt.Fprintln(errs, err)
				continue
			}
			if !yield(d) {
				return
			}
		}
	}
	w := bufio.NewWriter(out) // flushed after each line
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for a, err := range c.AddAll(ctx, docs) {
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			fmt.Fprintf(errs, "%s: %v\n", a.ID, err)
			continue
		}
		l := line{ID: a.ID, Cluster: a.Cluster, New: a.New, DuplicateOf: a.DuplicateOf}
		for _, n := range a.Evidence.Names {
			l.Names = append(l.Names, n.A+" / "+n.B)
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
		// Flush each line, so that the next stage sees it at once.
		if err := w.Flush(); err != nil {
			return err
		}
	}
	return nil
}
