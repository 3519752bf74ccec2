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
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	br := bufio.NewReader(stdin)
	for line := 1; ; line++ {
		text, long, err := readTextLine(br, maxNamesLine)
		switch {
		case long:
			fmt.Fprintf(stderr, "line %d: longer than %d bytes\n", line, maxNamesLine)
			status = exitRejected
		case strings.TrimSpace(text) == "":
		default:
			a, b, ok := strings.Cut(text, "\t")
			if !ok {
				fmt.Fprintf(stderr, "line %d: want two names separated by a tab\n", line)
				status = exitRejected
				break
			}
			r := m.Match(a, b)
			if err := enc.Encode(namesOutput{A: a, B: b, Score: round(r.Score), Same: r.Same, Reason: r.Reason}); err != nil {
				fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
				return exitFailure
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(stderr, "eventdedup names: read: %v\n", err)
			status = exitFailure
			break
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
		return exitFailure
	}
	return status
}

// maxNamesLine is the longest line of names read: a pair of names is a few
// dozen bytes, and a longer line is not one.
const maxNamesLine = 64 << 10

// readTextLine reads one line, without its line end, and reports whether it
// was longer than max bytes: then it is skipped without being held in
// memory. The error is io.EOF after the last line.
func readTextLine(br *bufio.Reader, max int) (text string, long bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !long && len(buf)+len(chunk) <= max+2 { // the line end aside
			buf = append(buf, chunk...)
		} else {
			long, buf = true, nil
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF && len(buf) == 0 && !long {
			return "", false, io.EOF
		}
		text = strings.TrimRight(string(buf), "\r\n")
		if len(text) > max {
			text, long = "", true
		}
		return text, long, err
	}
}
