package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/eventdedup/eventdedup/dedup"
)

const clusterHelp = `Usage: eventdedup cluster [flags] < docs.jsonl > clusters.jsonl

Reads one JSON object per line:
  id         string, required, unique
  title      string
  text       string (title or text must be non-empty)
  published  RFC 3339 time; without it a document is compared regardless of time
  source     string, passed through
  url        string, passed through
  lang       optional BCP 47 language hint, checked against the text
Unknown fields are ignored.

Writes one JSON object per input document, in input order:
  id            the document's id
  cluster       the event cluster id (stable; kept across runs with --index)
  new           true when the document started the cluster
  score         similarity to the cluster joined (0 for a new cluster)
  lang          detected language subtag ("en", "ar", "ja", … or "und")
  duplicate_of  the id of the earliest near-verbatim copy, when there is one
  repeat        true when the id was added before (with --index, in an
                earlier run): its recorded assignment is repeated
  evidence      what tied the document to the cluster (with --evidence)

With --index, a run interrupted even by a crash can be run again on the same
input: documents already in the index are repeated, the others added, and the
clusters are those of one uninterrupted run.

Bad lines are reported on stderr as "line N: reason" and skipped; every valid
line is still processed. The exit status is 1 when a line was rejected.

Flags:
`

// clusterOutput is one output line of the cluster command.
type clusterOutput struct {
	ID          string          `json:"id"`
	Cluster     string          `json:"cluster"`
	New         bool            `json:"new"`
	Score       float64         `json:"score"`
	Lang        string          `json:"lang"`
	DuplicateOf string          `json:"duplicate_of,omitempty"`
	Repeat      bool            `json:"repeat,omitempty"`
	Evidence    *dedup.Evidence `json:"evidence,omitempty"`
}

func runCluster(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cluster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, clusterHelp)
		fs.PrintDefaults()
	}
	index := fs.String("index", "", "keep the index and cluster state in `DIR`, and continue from it (default: a temporary index)")
	window := fs.Duration("window", dedup.DefaultWindow, "how far apart in publication time reports of one event may be")
	retention := fs.Duration("retention", dedup.DefaultRetention, "how long a cluster stays open for late reports after its newest one")
	threshold := fs.Float64("threshold", dedup.DefaultThreshold, "similarity in [0,1] at which a document joins a cluster")
	evidence := fs.Bool("evidence", false, "include the evidence of each assignment")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eventdedup cluster: unexpected arguments %q\n", fs.Args())
		return exitUsage
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	opts := []dedup.Option{dedup.WithWindow(*window), dedup.WithRetention(*retention), dedup.WithThreshold(*threshold)}
	var (
		c   *dedup.Clusterer
		err error
	)
	if *index != "" {
		c, err = dedup.Open(*index, opts...)
	} else {
		c, err = dedup.New(opts...)
	}
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup cluster: %v\n", err)
		return exitFailure
	}

	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK

	// Read errors are reported as they come; valid documents flow on to the
	// clusterer in input order.
	docs := func(yield func(dedup.Document) bool) {
		for d, err := range dedup.ReadJSONL(stdin) {
			if err != nil {
				fmt.Fprintf(stderr, "%v\n", err)
				status = exitRejected
				var le *dedup.LineError
				if !errors.As(err, &le) {
					return // a read error ends the input
				}
				continue
			}
			if !yield(d) {
				return
			}
		}
	}
	for a, err := range c.AddAll(ctx, docs) {
		if err != nil {
			if ctx.Err() != nil {
				fmt.Fprintf(stderr, "eventdedup cluster: %v\n", err)
				status = exitFailure
				break
			}
			fmt.Fprintf(stderr, "id %q: %v\n", a.ID, err)
			status = exitRejected
			continue
		}
		o := clusterOutput{
			ID: a.ID, Cluster: a.Cluster, New: a.New, Score: round(a.Score), Lang: dedup.Lang(a.Lang),
			DuplicateOf: a.DuplicateOf, Repeat: a.Repeat,
		}
		if *evidence && !a.New && !a.Repeat {
			ev := a.Evidence
			o.Evidence = &ev
		}
		if err := enc.Encode(o); err != nil {
			fmt.Fprintf(stderr, "eventdedup cluster: write: %v\n", err)
			status = exitFailure
			break
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup cluster: write: %v\n", err)
		status = exitFailure
	}
	if err := c.Close(); err != nil {
		fmt.Fprintf(stderr, "eventdedup cluster: close: %v\n", err)
		status = exitFailure
	}
	return status
}

// round keeps four decimals, enough for scores and stable in golden files.
func round(x float64) float64 {
	return float64(int64(x*10000+0.5)) / 10000
}
