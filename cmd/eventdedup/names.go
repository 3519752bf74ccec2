package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eventdedup/eventdedup/jsonl"
	"github.com/eventdedup/eventdedup/normalize"
)

const namesHelp = `Usage: eventdedup names < pairs.tsv > matches.jsonl

Reads lines "A<TAB>B", two personal names in any language or script, and writes
one object per line, in input order:
  a, b    the names as given
  score   similarity in [0, 1]
  same    whether they are judged to name the same person
  reason  which parts matched and how

A line that is not two non-empty names separated by one tab is reported on
stderr as "line N: reason", and so is a line longer than 64 MiB; the exit
status is then 1. Blank lines (spaces alone, no tab) are skipped.
`

type namesOutput struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	Score  float64 `json:"score"`
	Same   bool    `json:"same"`
	Reason string  `json:"reason,omitempty"`
}

func runNames(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("names")
	if status, ok := parseFlags(fs, namesHelp, args, stdout, stderr); !ok {
		return status
	}
	var m normalize.Matcher
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	for raw, err := range jsonl.RawLines(stdin) {
		if errors.As(err, new(*jsonl.LineError)) {
			fmt.Fprintf(stderr, "line %d: longer than %d bytes\n", raw.N, jsonl.MaxLineBytes)
			status = exitRejected
			continue
		}
		if err != nil {
			fmt.Fprintf(stderr, "eventdedup names: read: %v\n", err)
			status = exitFailure
			break
		}
		text := string(raw.Data)
		if strings.TrimSpace(text) == "" && !strings.Contains(text, "\t") {
			continue
		}
		a, b, ok := splitNames(text)
		if !ok {
			fmt.Fprintf(stderr, "line %d: want two names separated by one tab\n", raw.N)
			status = exitRejected
			continue
		}
		r := m.Match(a, b)
		if err := encodeLine(enc, out, namesOutput{A: a, B: b, Score: round(r.Score), Same: r.Same, Reason: r.Reason}); err != nil {
			fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
			return exitFailure
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
		return exitFailure
	}
	return status
}

// splitNames splits a line "A<TAB>B" into its two names, and reports whether
// it has exactly one tab with a name, not only spaces, on either side.
func splitNames(text string) (a, b string, ok bool) {
	a, b, ok = strings.Cut(text, "\t")
	if !ok || strings.Contains(b, "\t") || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
		return "", "", false
	}
	return a, b, true
}
