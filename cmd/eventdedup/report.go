package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/report"
)

const reportHelp = `Usage: eventdedup report [flags] [FILE...] > events.jsonl

Clusters documents as "eventdedup cluster" does, reading the same JSON Lines
from the files named, in turn, or from standard input without any, and writes
one JSON object per event, the largest first:
  cluster     the cluster id
  headline    the title of its first report in the language most of its
              members share (copies count; the most copied report first)
  size        the number of members
  langs       the number of members per detected language
  first, last the earliest and latest publication times, when known
  members     each document: id, title (or, without one, snippet: the
              beginning of its text), source, url, lang, published, new,
              score and duplicate_of, as in the output of cluster
  names       the names that tied members to it: key, forms (spellings),
              members (how many assignments they tied)
  places      the countries that tied members to it: code, members
  merged      the ids of the clusters merged into it

With --index DIR the documents are added to the clusters kept in DIR, and
the report covers every cluster there: "eventdedup report --index DIR", with
no file and standard input a terminal, reports the index as it is.

With --html FILE it also writes one self-contained HTML page (it loads
nothing from the network): the events by size or by time, each with a
timeline of its members coloured by language, its members and their copies,
and its names; a control filters them by language.

Bad lines are reported and the exit status set as by cluster. On stderr,
progress is shown when stderr is a terminal or with --progress, and every
run ends with one summary line.

Flags:
`

func runReport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("report")
	var o clustering
	o.flags(fs)
	html := fs.String("html", "", "also write the report as an HTML page to `FILE`")
	title := fs.String("title", "Events", "the title of the HTML page")
	if status, ok := parseFlags(fs, reportHelp, args, stdout, stderr); !ok {
		return status
	}
	if !o.check("report", stderr) {
		return exitUsage
	}
	if o.index != "" && fs.NArg() == 0 && isTerminal(stdin) {
		stdin = eofReader{} // the index as it is
	}
	ins, files, err := openInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup report: %v\n", err)
		return exitFailure
	}
	defer closeAll(files)

	ctx, stop := signalContext()
	defer stop()
	s := assigner{cmd: "report", stderr: stderr, maxText: o.maxText, stats: newRunStats(), prog: newProgress("report", stderr, o.progress)}
	c, err := o.open()
	if err != nil {
		return openFailed(stderr, "report", err)
	}
	s.run(ctx, c, ins, func(dedup.Assignment, lineRead) error { return nil })
	var events []report.Event
	if s.status != exitFailure {
		events = report.Events(c.Clusters())
		if err := writeReport(stdout, *html, *title, events); err != nil {
			fmt.Fprintf(stderr, "eventdedup report: write: %v\n", err)
			s.fail(exitFailure)
		}
	}
	if err := c.Close(); err != nil {
		fmt.Fprintf(stderr, "eventdedup report: close: %v\n", err)
		s.fail(exitFailure)
	}
	fmt.Fprintf(stderr, "%s; %s reported\n", s.stats.summary("report"), plural(len(events), "event"))
	return s.status
}

// writeReport writes the events as JSON Lines to stdout and, when html is
// not empty, as a page to the file html.
func writeReport(stdout io.Writer, html, title string, events []report.Event) (err error) {
	out := bufio.NewWriter(stdout)
	if err := report.WriteJSONL(out, events); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if html == "" {
		return nil
	}
	f, err := os.Create(html)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(f)
	if err := report.WriteHTML(w, events, report.WithTitle(title)); err != nil {
		return err
	}
	return w.Flush()
}

// eofReader is an empty input.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
