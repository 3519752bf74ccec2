package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/eventdedup/eventdedup/dedup"
)

const clusterHelp = `Usage: eventdedup cluster [flags] [FILE...] > clusters.jsonl

Reads the files named, in turn, or standard input without any.

Reads one JSON object per line:
  id         string or number (read as written: 42 is "42"), required, unique
  title      string
  text       string (title or text must be non-empty)
  published  RFC 3339 time, or an RSS date (RFC 822 or 1123: "Fri, 07 Jan
             2022 08:05:00 GMT"), a date ("2022-01-07", midnight UTC), a
             date-time without zone (read as UTC, with a warning), a Unix
             time in seconds or milliseconds (a number or a string of
             digits); without it a document is compared regardless of time
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

When a document shows that two clusters report one event, they merge: the
older id survives, and right after the document's line comes one line per
absorbed cluster, {"merge":"c7","into":"c3"}, written once. A reader maps the
absorbed id, and the ids merged into it before, to the surviving one (the
document's own line already names the survivor).

An id names one document: a line repeating an id already added with the same
title, text and published time is a repeat; with a different content it is
rejected ("id reused with different content"). Give an updated report a new id.

--index DIR creates DIR if its parent exists (with --create, its missing
parents too), and refuses a folder that holds other files and no index.
With --index, a run interrupted even by a crash can be run again on the same
input: documents already in the index are repeated, the others added, and the
clusters are those of one uninterrupted run. A long input can also be split
into several runs on one index: the clusters and their ids are those of one run.

Bad lines are reported on stderr as "line N: reason", in input order, and
skipped; every valid line is still processed. Rejected are: malformed JSON, a
missing id, one that is neither a string nor a number or not valid UTF-8, a
document without title and text, a "published" that is none of the forms
above, a reused id, and a line longer than 64 MiB. Repaired, with "line N:
warning: reason", are: a bad "lang" (ignored), a "published" without zone or
with a zone name not known (read as UTC), invalid
UTF-8 elsewhere (replaced by U+FFFD), a title or text longer than
--max-text (truncated at a character boundary), and a "published" more than
a day in the future (ignored: it would close every open cluster). The exit
status is 1 when a line was rejected, 0 when there were only warnings, 3 when
the run failed or was interrupted (Ctrl-C or SIGTERM: the index is closed and
a temporary one removed). A flag out of range is a usage error, status 2.

Each output line is written as soon as its document is assigned, so that the
command can follow a live feed (tail -f feed.jsonl | eventdedup cluster).

On stderr, progress (documents, documents/s, clusters) is shown every second
when stderr is a terminal, or with --progress; every run ends with one summary
line: documents, new clusters, copies, merges, rejected lines, warnings and
the time taken.

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

// mergeOutput is the line written when a cluster is merged into another.
type mergeOutput struct {
	Merge string `json:"merge"`
	Into  string `json:"into"`
}

func runCluster(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("cluster")
	var o clustering
	o.flags(fs)
	evidence := fs.Bool("evidence", false, "include the evidence of each assignment")
	if status, ok := parseFlags(fs, clusterHelp, args, stdout, stderr); !ok {
		return status
	}
	if !o.check("cluster", stderr) {
		return exitUsage
	}
	ins, files, err := openInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup cluster: %v\n", err)
		return exitFailure
	}
	defer closeAll(files)

	ctx, stop := signalContext()
	defer stop()
	s := assigner{cmd: "cluster", stderr: stderr, maxText: o.maxText, stats: newRunStats(), prog: newProgress("cluster", stderr, o.progress)}
	c, err := o.open()
	if err != nil {
		return openFailed(stderr, "cluster", err)
	}

	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	s.run(ctx, c, ins, func(a dedup.Assignment, r lineRead) error {
		o := clusterOutput{
			ID: a.ID, Cluster: a.Cluster, New: a.New, Score: round(a.Score), Lang: a.Lang.String(),
			Source: r.source, URL: r.url, DuplicateOf: a.DuplicateOf, Repeat: a.Repeat, Truncated: a.Truncated, IgnoredTime: a.IgnoredTime,
		}
		if *evidence && !a.New && !a.Repeat {
			ev := a.Evidence
			o.Evidence = &ev
		}
		// Flushed line by line, for a live feed: a write per line costs far
		// less than assigning the document.
		if err := encodeLine(enc, out, o); err != nil {
			return err
		}
		for _, m := range a.Merged {
			if err := encodeLine(enc, out, mergeOutput{Merge: m, Into: a.Cluster}); err != nil {
				return err
			}
		}
		return nil
	})
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup cluster: write: %v\n", err)
		s.fail(exitFailure)
	}
	if err := c.Close(); err != nil {
		fmt.Fprintf(stderr, "eventdedup cluster: close: %v\n", err)
		s.fail(exitFailure)
	}
	fmt.Fprintln(stderr, s.stats.summary("cluster"))
	return s.status
}

// closeAll closes files opened for reading.
func closeAll(files []*os.File) {
	for _, f := range files {
		f.Close() // read only: nothing is lost
	}
}

// round keeps four decimals, enough for scores and stable in golden files.
func round(x float64) float64 {
	return float64(int64(x*10000+0.5)) / 10000
}
