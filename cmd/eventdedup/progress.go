package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
)

// runStats counts what a run of cluster or report did.
type runStats struct {
	start    time.Time
	docs     int // documents assigned, repeats included
	repeats  int // documents added before, in this run or (--index) an earlier one
	clusters int // clusters started
	copies   int // near-verbatim copies found
	merges   int // clusters merged into others
	rejected int // input lines rejected
	warnings int // input lines repaired
}

func newRunStats() runStats { return runStats{start: time.Now()} }

// add counts an assignment.
func (s *runStats) add(a dedup.Assignment) {
	s.docs++
	switch {
	case a.Repeat:
		s.repeats++
	case a.New:
		s.clusters++
	}
	if a.DuplicateOf != "" && !a.Repeat {
		s.copies++
	}
	s.merges += len(a.Merged)
}

// summary is the line that ends every run of cluster and report.
func (s runStats) summary(cmd string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "eventdedup %s: %s", cmd, plural(s.docs, "document"))
	if s.repeats > 0 {
		fmt.Fprintf(&b, " (%d repeated)", s.repeats)
	}
	fmt.Fprintf(&b, ", %s, %s, %s, %s rejected, %s in %s",
		plural(s.clusters, "new cluster"), plural(s.copies, "copy"), plural(s.merges, "merge"),
		plural(s.rejected, "line"), plural(s.warnings, "warning"), time.Since(s.start).Round(time.Millisecond))
	if secs := time.Since(s.start).Seconds(); s.docs > 0 && secs > 0 {
		fmt.Fprintf(&b, " (%s documents/s)", rate(float64(s.docs)/secs))
	}
	return b.String()
}

// rate formats a number of documents per second: whole from 10 up, with one
// decimal below, so that a short run does not read "0 documents/s".
func rate(x float64) string {
	if x < 10 {
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	return strconv.FormatFloat(x, 'f', 0, 64)
}

// plural writes a count and a noun, in the plural unless the count is 1.
func plural(n int, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case strings.HasSuffix(noun, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// progressEvery is how often progress is reported: often enough to see a
// run move, rarely enough to cost nothing (a report per some 2,000
// documents at the speed of the development machine).
const progressEvery = time.Second

// progress reports a run's progress on stderr: on a terminal, one line
// rewritten in place; elsewhere (--progress into a file), a line at a time.
// A nil *progress reports nothing.
type progress struct {
	w        io.Writer
	cmd      string
	terminal bool
	every    time.Duration // progressEvery
	last     time.Time     // of the last report, or of the first document
	shown    bool          // a line is on the terminal, to be cleared before others
}

// newProgress returns the progress reporter of a run, or nil when progress
// is not wanted: stderr is not a terminal and --progress was not given.
func newProgress(cmd string, stderr io.Writer, force bool) *progress {
	term := isTerminal(stderr)
	if !term && !force {
		return nil
	}
	return &progress{w: stderr, cmd: cmd, terminal: term, every: progressEvery}
}

// isTerminal reports whether w, a reader or writer, is a character device
// such as a terminal.
// (/dev/null is one too: progress written there is lost, at no cost.)
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// update reports the progress when p.every has passed since the last
// report.
func (p *progress) update(s runStats) {
	if p == nil {
		return
	}
	if p.last.IsZero() { // the first document: start-up is over
		p.last = time.Now()
		return
	}
	if time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	secs := time.Since(s.start).Seconds()
	line := fmt.Sprintf("eventdedup %s: %s, %s documents/s, %s", p.cmd, plural(s.docs, "document"), rate(float64(s.docs)/secs), plural(s.clusters, "new cluster"))
	if p.terminal {
		fmt.Fprint(p.w, "\r\033[K"+line)
		p.shown = true
		return
	}
	fmt.Fprintln(p.w, line)
}

// clear removes the progress line from a terminal, before another message.
func (p *progress) clear() {
	if p == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
	p.shown = false
}
