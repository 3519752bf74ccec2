package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/eventdedup/eventdedup/normalize"
)

const namesHelp = `Usage: eventdedup names < pairs.tsv > matches.jsonl

Reads lines "A<TAB>B", two personal names in any language or script, and writes
one object per line, in input order:
  a, b    the names as given
  score   similarity in [0, 1]
  same    whether they are judged to name the same person
  reason  which parts matched and how

Lines without a tab are reported on stderr as "line N: reason"; the exit status
is then 1. Empty lines are skipped.
`

type namesOutput struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	Score  float64 `json:"score"`
	Same   bool    `json:"same"`
	Reason string  `json:"reason,omitempty"`
}

func runNames(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("names", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, namesHelp) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	var m normalize.Matcher
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		a, b, ok := strings.Cut(text, "\t")
		if !ok {
			fmt.Fprintf(stderr, "line %d: want two names separated by a tab\n", line)
			status = exitRejected
			continue
		}
		r := m.Match(a, b)
		if err := enc.Encode(namesOutput{A: a, B: b, Score: round(r.Score), Same: r.Same, Reason: r.Reason}); err != nil {
			fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
			return exitFailure
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "eventdedup names: read: %v\n", err)
		status = exitFailure
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
		return exitFailure
	}
	return status
}
