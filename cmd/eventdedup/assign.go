package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

// clustering holds the flags that cluster and report share: where the
// index is and how documents are clustered.
type clustering struct {
	index     string
	window    time.Duration
	lateness  time.Duration
	threshold float64
	batch     int
	maxText   int
	reorder   int
	progress  bool
	create    bool
	detection
}

// flags defines the shared flags on fs.
func (o *clustering) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.index, "index", "", "keep the index and cluster state in `DIR`, and continue from it (default: a temporary index)")
	fs.DurationVar(&o.window, "window", dedup.DefaultWindow, "how far apart in publication time reports of one event may be")
	fs.DurationVar(&o.lateness, "lateness", dedup.DefaultLateness, "how late, behind the newest report, a report may arrive and still find its clusters in memory (later ones find them in the index)")
	fs.Float64Var(&o.threshold, "threshold", dedup.DefaultThreshold, "similarity in [0,1] at which a document joins a cluster")
	fs.IntVar(&o.reorder, "reorder", dedup.DefaultReorder, "assign documents in blocks of up to `N`, each in order of publication (undated last), so that their clusters do not depend on the order they arrive in; 1 assigns them in input order, each as it comes")
	fs.IntVar(&o.batch, "batch", dedup.DefaultBatchSize, "write the index every `N` documents; a crash loses at most the last N, which a re-run adds again")
	fs.IntVar(&o.maxText, "max-text", dedup.DefaultMaxText, "truncate titles and texts longer than `BYTES`, with a warning")
	fs.BoolVar(&o.progress, "progress", false, "report progress on stderr even when it is not a terminal")
	o.detection.flags(fs)
	fs.BoolVar(&o.create, "create", false, "create the --index directory with its missing parents (without it, the parent must exist)")
}

// check reports the first flag out of range.
func (o *clustering) check(cmd string, stderr io.Writer) bool {
	return checkFlags(cmd, stderr,
		positiveDuration("window", o.window), nonNegativeDuration("lateness", o.lateness),
		unitFlag("threshold", o.threshold), positiveInt("batch", o.batch), positiveInt("max-text", o.maxText), positiveInt("reorder", o.reorder),
		o.detection.check())
}

// errNoParent is the error for an --index directory whose parent does not
// exist: a mistyped path, most likely.
var errNoParent = errors.New("its parent directory does not exist; check the path, or give --create to create it")

// open returns the Clusterer: persisted in the index directory, or
// temporary. A new index directory is created only in an existing
// directory, or with --create.
func (o *clustering) open() (*dedup.Clusterer, error) {
	if o.index != "" && !o.create {
		if _, err := os.Stat(o.index); errors.Is(err, os.ErrNotExist) {
			if _, err := os.Stat(filepath.Dir(filepath.Clean(o.index))); errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("--index %s: %w", o.index, errNoParent)
			}
		}
	}
	opts := []dedup.Option{
		dedup.WithWindow(o.window), dedup.WithLateness(o.lateness), dedup.WithThreshold(o.threshold),
		dedup.WithMaxText(o.maxText), dedup.WithBatchSize(o.batch), dedup.WithDetector(o.detector()),
		dedup.WithReorder(o.reorder),
	}
	if o.index != "" {
		return dedup.Open(o.index, opts...)
	}
	return dedup.New(opts...)
}

// openFailed reports that the Clusterer could not be opened and returns the
// exit status: a mistyped --index is a usage error.
func openFailed(stderr io.Writer, cmd string, err error) int {
	if errors.Is(err, errNoParent) || errors.Is(err, dedup.ErrNotIndex) {
		return usageError(stderr, cmd, "%v", err)
	}
	fmt.Fprintf(stderr, "eventdedup %s: %v\n", cmd, err)
	return exitFailure
}

// input is one source of JSON Lines: a file named on the command line, or
// standard input (name "").
type input struct {
	name string
	r    io.Reader
}

// prefix returns msg after the input's name, when it is a file.
func (in input) prefix(msg string) string {
	if in.name == "" {
		return msg
	}
	return in.name + ": " + msg
}

// openInputs opens the files named, or returns standard input when there
// are none. The caller closes the files.
func openInputs(names []string, stdin io.Reader) ([]input, []*os.File, error) {
	if len(names) == 0 {
		return []input{{r: stdin}}, nil, nil
	}
	var files []*os.File
	var ins []input
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, f := range files {
				f.Close()
			}
			return nil, nil, err
		}
		files = append(files, f)
		ins = append(ins, input{name: n, r: f})
	}
	return ins, files, nil
}

// lineRead is what was read from one input line: a document (its warnings
// aside) or an error.
type lineRead struct {
	file     string // "" for standard input
	line     int
	doc      bool
	err      error
	warnings []error
	// source and url are those of the document, passed through.
	source, url string
}

// where prefixes a message about the line with the file's name, when the
// input is a file.
func (r lineRead) where(err error) string {
	if r.file == "" {
		return err.Error()
	}
	return r.file + ": " + err.Error()
}

// assigner adds the documents of the inputs to a Clusterer and reports each
// bad line, in input order, the progress and the summary on stderr.
type assigner struct {
	cmd     string
	stderr  io.Writer
	maxText int
	status  int
	stats   runStats
	prog    *progress
}

func (s *assigner) fail(status int) { s.status = max(s.status, status) }

// run adds the documents of ins to c, calling each for every assignment, in
// input order; an error of each ends the run (a failure to write). It
// returns the exit status so far.
func (s *assigner) run(ctx context.Context, c *dedup.Clusterer, ins []input, each func(dedup.Assignment, lineRead) error) int {
	// The input is read ahead, on another goroutine, while documents are
	// assigned in order: what is read goes into a queue, in line order, and
	// is reported when the assignments reach it, so that stderr is in line
	// order too.
	var q readQueue
	for a, err := range c.AddAll(ctx, q.documents(ins)) {
		if !s.assigned(ctx, a, err, s.next(&q), each) {
			break
		}
	}
	if s.status != exitFailure {
		s.next(&q) // the bad lines after the last document
	}
	if err := ctx.Err(); err != nil && s.status != exitFailure {
		s.prog.clear()
		fmt.Fprintf(s.stderr, "eventdedup %s: %v\n", s.cmd, err) // interrupted: the input was not all read
		s.fail(exitFailure)
	}
	s.prog.clear()
	return s.status
}

// readQueue is the lines read ahead of the assignments: documents, bad
// lines and read errors, in line order.
type readQueue struct {
	mu    sync.Mutex
	lines []lineRead
}

// documents yields the documents of the inputs in turn, queueing every line.
// A read error ends the input.
func (q *readQueue) documents(ins []input) iter.Seq[dedup.Document] {
	return func(yield func(dedup.Document) bool) {
		for _, in := range ins {
			for l, err := range jsonl.Lines(in.r) {
				q.mu.Lock()
				q.lines = append(q.lines, lineRead{file: in.name, line: l.N, doc: err == nil, err: err, warnings: l.Warnings, source: l.Doc.Source, url: l.Doc.URL})
				q.mu.Unlock()
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
	}
}

// next reports the queue up to the next document, and returns its line.
func (s *assigner) next(q *readQueue) lineRead {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.lines) > 0 {
		r := q.lines[0]
		q.lines = q.lines[1:]
		if r.doc {
			for _, w := range r.warnings {
				s.warn(r, w)
			}
			return r
		}
		if errors.As(r.err, new(*jsonl.LineError)) {
			s.reject(r, r.err)
		} else {
			s.prog.clear()
			fmt.Fprintf(s.stderr, "eventdedup %s: read: %s\n", s.cmd, r.where(r.err))
			s.fail(exitFailure)
		}
	}
	return lineRead{}
}

// assigned reports the assignment of the document of line r, or its error,
// and passes it to each; it returns false when the run cannot go on.
func (s *assigner) assigned(ctx context.Context, a dedup.Assignment, err error, r lineRead, each func(dedup.Assignment, lineRead) error) bool {
	if err != nil {
		if ctx.Err() != nil || !rejection(err) {
			// the run cannot go on: an interruption, or an index that
			// cannot be written
			s.prog.clear()
			if r.line > 0 {
				fmt.Fprintf(s.stderr, "eventdedup %s: %s\n", s.cmd, r.where(&jsonl.LineError{Line: r.line, Err: err}))
			} else { // between documents
				fmt.Fprintf(s.stderr, "eventdedup %s: interrupted: %v\n", s.cmd, err)
			}
			s.fail(exitFailure)
			return false
		}
		s.reject(r, &jsonl.LineError{Line: r.line, ID: a.ID, Err: err})
		return true
	}
	if a.Truncated {
		s.warn(r, &jsonl.LineError{Line: r.line, ID: a.ID, Warning: true, Err: fmt.Errorf("title or text truncated to %d bytes (--max-text)", s.maxText)})
	}
	if a.IgnoredTime {
		s.warn(r, &jsonl.LineError{Line: r.line, ID: a.ID, Warning: true, Err: errors.New(`"published" is more than a day in the future: ignored`)})
	}
	s.stats.add(a)
	s.prog.update(s.stats)
	if err := each(a, r); err != nil {
		s.prog.clear()
		fmt.Fprintf(s.stderr, "eventdedup %s: write: %v\n", s.cmd, err)
		s.fail(exitFailure)
		return false
	}
	return true
}

func (s *assigner) warn(r lineRead, w error) {
	s.prog.clear()
	fmt.Fprintln(s.stderr, r.where(w))
	s.stats.warnings++
}

func (s *assigner) reject(r lineRead, err error) {
	s.prog.clear()
	fmt.Fprintln(s.stderr, r.where(err))
	s.stats.rejected++
	s.fail(exitRejected)
}

// rejection reports whether an error of Add is about the document, which is
// rejected while the run goes on, rather than about the run.
func rejection(err error) bool {
	return errors.Is(err, dedup.ErrInvalid) || errors.Is(err, dedup.ErrReusedID)
}
