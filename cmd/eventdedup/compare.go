package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/eventdedup/eventdedup/dedup"
)

const compareHelp = `Usage: eventdedup compare [flags] < pairs.jsonl > scores.jsonl

Reads one object per line: {"pair": "…" (optional), "a": DOC, "b": DOC}, where
each DOC has the fields of "eventdedup cluster" input (id, title, text,
published, lang; published may be absent). Writes one object per valid line,
in input order:
  pair      the pair id as given (or "a.id/b.id")
  score     similarity in [0, 1]
  same      whether the two are judged to report the same event
  duplicate whether one is a near-verbatim copy of the other
  evidence  what the two share

Bad lines are reported on stderr as "line N: reason"; the exit status is then 1.

Flags:
`

type compareOutput struct {
	Pair      string         `json:"pair"`
	Score     float64        `json:"score"`
	Same      bool           `json:"same"`
	Duplicate bool           `json:"duplicate"`
	Evidence  dedup.Evidence `json:"evidence"`
}

func runCompare(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, compareHelp)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	c, err := dedup.New()
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup compare: %v\n", err)
		return exitFailure
	}
	defer c.Close()
	br := bufio.NewReaderSize(stdin, 1<<20)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	dec := json.NewDecoder(br)
	for line := 1; ; line++ {
		var in struct {
			Pair string          `json:"pair"`
			A    json.RawMessage `json:"a"`
			B    json.RawMessage `json:"b"`
		}
		err := dec.Decode(&in)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(stderr, "line %d: invalid JSON: %v\n", line, err)
			status = exitRejected
			break
		}
		a, aerr := dedup.ParseJSON(in.A)
		b, berr := dedup.ParseJSON(in.B)
		if aerr != nil || berr != nil {
			fmt.Fprintf(stderr, "line %d: %v\n", line, errors.Join(aerr, berr))
			status = exitRejected
			continue
		}
		cmp, err := c.Compare(a, b)
		if err != nil {
			fmt.Fprintf(stderr, "line %d: %v\n", line, err)
			status = exitRejected
			continue
		}
		pair := in.Pair
		if pair == "" {
			pair = a.ID + "/" + b.ID
		}
		if err := enc.Encode(compareOutput{Pair: pair, Score: round(cmp.Score), Same: cmp.Same, Duplicate: cmp.Duplicate, Evidence: cmp.Evidence}); err != nil {
			fmt.Fprintf(stderr, "eventdedup compare: write: %v\n", err)
			return exitFailure
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup compare: write: %v\n", err)
		return exitFailure
	}
	return status
}
