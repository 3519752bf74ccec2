package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

const clusterHelp = `Usage: eventdedup cluster [flags] < docs.jsonl > clusters.jsonl

Reads one JSON object per line:
  id         string, required, unique
  title      string
  text       string (title or text must be non-empty)
  published  RFC 3339 time; without it a document is compared regardless of time
  source     string, passed through to the output
  url        string, passed through to the output
  lang       optional BCP 47 language hint, checked against the text
Unknown fields are ignored.

Writes one JSON object per input document, in input order:
  id            the document's id
  cluster       the event cluster id (stable; kept across runs with --index)
  new           true when the document started the cluster
  score         similarity to the cluster joined (0 for a new cluster)
  lang          detected language subtag ("en", "ar", "ja", … or "und")
  source, url   as given in the input, when not empty
  duplicate_of  the id of the earliest near-verbatim copy, when there is one
  repeat        true when the id was added before (with --index, in an
                earlier run): its recorded assignment is repeated
  truncated     true when the title or text was cut to --max-text bytes
  ignored_time  true when "published" was more than a day in the future, and
                so ignored
  evidence      what tied the document to the cluster (with --evidence)

An id names one document: a line repeating an id already added with the same
title, text and published time is a repeat; with a different content it is
rejected ("id reused with different content"). Give an updated report a new id.

With --index, a run interrupted even by a crash can be run again on the same
input: documents already in the index are repeated, the others added, and the
clusters are those of one uninterrupted run. A long input can also be split
into several runs on one index: the clusters and their ids are those of one run.

Bad lines are reported on stderr as "line N: reason", in input order, and
skipped; every valid line is still processed. Rejected are: malformed JSON, a
missing id or one that is not valid UTF-8, a document without title and text,
a "published" that is not RFC 3339, a bad "lang", a reused id, and a line
longer than 64 MiB. Repaired, with "line N: warning: reason", are: invalid
UTF-8 elsewhere (replaced by U+FFFD), a title or text longer than
--max-text (truncated at a character boundary), and a "published" more than
a day in the future (ignored: it would close every open cluster). The exit
status is 1 when a line was rejected, 0 when there were only warnings, 3 when
the run failed or was interrupted (Ctrl-C or SIGTERM: the index is closed and
a temporary one removed). A flag out of range is a usage error, status 2.

Each output line is written as soon as its document is assigned, so that the
command can follow a live feed (tail -f feed.jsonl | eventdedup cluster).

Flags:
`

// clusterOutput is one output line of the cluster command.
type clusterOutput struct {
	ID          string          `json:"id"`
	Cluster     string          `json:"cluster"`
	New         bool            `json:"new"`
	Score       float64         `json:"score"`
	Lang        string          `json:"lang"`
	Source      string          `json:"source,omitempty"`
	URL         string          `json:"url,omitempty"`
	DuplicateOf string          `json:"duplicate_of,omitempty"`
	Repeat      bool            `json:"repeat,omitempty"`
	Truncated   bool            `json:"truncated,omitempty"`
	IgnoredTime bool            `json:"ignored_time,omitempty"`
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
	batch := fs.Int("batch", dedup.DefaultBatchSize, "write the index every `N` documents; a crash loses at most the last N, which a re-run adds again")
	maxText := fs.Int("max-text", dedup.DefaultMaxText, "truncate titles and texts longer than `BYTES`, with a warning")
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
	if !checkFlags("cluster", stderr,
		positiveDuration("window", *window), positiveDuration("retention", *retention),
		unitFlag("threshold", *threshold), positiveInt("batch", *batch), positiveInt("max-text", *maxText)) {
		return exitUsage
	}

	ctx, stop := signalContext()
	defer stop()

	opts := []dedup.Option{
		dedup.WithWindow(*window), dedup.WithRetention(*retention), dedup.WithThreshold(*threshold), dedup.WithMaxText(*maxText),
		dedup.WithBatchSize(*batch),
	}
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
	fail := func(s int) { status = max(status, s) }

	// The input is read ahead, on another goroutine, while documents are
	// assigned in order: what is read goes into a queue, in line order, and
	// is reported when the assignments reach it, so that stderr is in line
	// order too.
	var (
		mu    sync.Mutex
		queue []report
	)
	docs := func(yield func(dedup.Document) bool) {
		for l, err := range jsonl.Lines(stdin) {
			mu.Lock()
			queue = append(queue, report{line: l.N, doc: err == nil, err: err, warnings: l.Warnings, source: l.Doc.Source, url: l.Doc.URL})
			mu.Unlock()
			if err != nil {
				var le *jsonl.LineError
				if !errors.As(err, &le) {
					return // a read error ends the input
				}
				continue
			}
			if !yield(l.Doc) {
				return
			}
		}
	}
	// next reports the queue up to the next document, and returns its line.
	next := func() report {
		mu.Lock()
		defer mu.Unlock()
		for len(queue) > 0 {
			r := queue[0]
			queue = queue[1:]
			if r.doc {
				for _, w := range r.warnings {
					fmt.Fprintln(stderr, w)
				}
				return r
			}
			if errors.As(r.err, new(*jsonl.LineError)) {
				fmt.Fprintln(stderr, r.err)
				fail(exitRejected)
			} else {
				fmt.Fprintf(stderr, "eventdedup cluster: read: %v\n", r.err)
				fail(exitFailure)
			}
		}
		return report{}
	}
	for a, err := range c.AddAll(ctx, docs) {
		r := next()
		line := r.line
		if err != nil {
			if ctx.Err() != nil || !rejection(err) {
				// the run cannot go on: an interruption, or an index that
				// cannot be written
				if line > 0 {
					fmt.Fprintf(stderr, "eventdedup cluster: line %d: %v\n", line, err)
				} else { // between documents
					fmt.Fprintf(stderr, "eventdedup cluster: interrupted: %v\n", err)
				}
				fail(exitFailure)
				break
			}
			fmt.Fprintln(stderr, &jsonl.LineError{Line: line, ID: a.ID, Err: err})
			fail(exitRejected)
			continue
		}
		if a.Truncated {
			fmt.Fprintln(stderr, &jsonl.LineError{Line: line, ID: a.ID, Warning: true, Err: fmt.Errorf("title or text truncated to %d bytes (--max-text)", *maxText)})
		}
		if a.IgnoredTime {
			fmt.Fprintln(stderr, &jsonl.LineError{Line: line, ID: a.ID, Warning: true, Err: errors.New(`"published" is more than a day in the future: ignored`)})
		}
		o := clusterOutput{
			ID: a.ID, Cluster: a.Cluster, New: a.New, Score: round(a.Score), Lang: dedup.Lang(a.Lang),
			Source: r.source, URL: r.url, DuplicateOf: a.DuplicateOf, Repeat: a.Repeat, Truncated: a.Truncated, IgnoredTime: a.IgnoredTime,
		}
		if *evidence && !a.New && !a.Repeat {
			ev := a.Evidence
			o.Evidence = &ev
		}
		// Flushed line by line, for a live feed: a write per line costs far
		// less than assigning the document.
		if err := encodeLine(enc, out, o); err != nil {
			fmt.Fprintf(stderr, "eventdedup cluster: write: %v\n", err)
			fail(exitFailure)
			break
		}
	}
	if status != exitFailure {
		next() // the bad lines after the last document
	}
	if err := ctx.Err(); err != nil && status != exitFailure {
		fmt.Fprintf(stderr, "eventdedup cluster: %v\n", err) // interrupted: the input was not all read
		fail(exitFailure)
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

// rejection reports whether an error of Add is about the document, which is
// rejected while the run goes on, rather than about the run.
func rejection(err error) bool {
	return errors.Is(err, dedup.ErrInvalid) || errors.Is(err, dedup.ErrReusedID)
}

// report is what was read from one input line: a document (its warnings
// aside) or an error.
type report struct {
	line     int
	doc      bool
	err      error
	warnings []error
	// source and url are those of the document, passed through.
	source, url string
}

// round keeps four decimals, enough for scores and stable in golden files.
func round(x float64) float64 {
	return float64(int64(x*10000+0.5)) / 10000
}
