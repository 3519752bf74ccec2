package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

const compareHelp = `Usage: eventdedup compare [flags] [FILE...] > scores.jsonl

Reads the files named, in turn, or standard input without any.

Reads one object per line: {"pair": "…" (optional), "a": DOC, "b": DOC}, where
each DOC has the fields of "eventdedup cluster" input (id, title, text,
published, lang; published may be absent). Writes one object per valid line,
in input order:
  pair       the pair id as given (or "a.id/b.id")
  score      graded similarity in [0, 1]: unrelated, related topic, same story
  same       whether the two are judged to report the same story: score >=
             --threshold, unless a document is mostly text that recurs in
             the input (evidence.parts.content is then 0) and the two are no
             copies. The default was fitted on real rated
             article pairs (SemEval-2022 Task 8): out of fold it says same
             for 4% of the pairs rated dissimilar and 61% of those rated the
             same story. Lower it to find more pairs of one story at the cost
             of more pairs of related stories (0.50: 86% and 15%). It is not
             the clustering decision, which weighs a report against a cluster.
  duplicate  whether one is a near-verbatim copy of the other
  evidence   what the two share

All pairs are read before any is scored: how rare a name or a word is, and so
how much it counts, is measured over all the documents of the input.

Bad lines are reported on stderr as "line N: reason"; the exit status is then 1.
A flag out of range is a usage error, status 2; an interrupted run (Ctrl-C or
SIGTERM) ends with status 3.

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
	fs := newFlags("compare")
	threshold := fs.Float64("threshold", dedup.DefaultSameScore, "score in [0,1] at which two documents are judged to report the same story")
	if status, ok := parseFlags(fs, compareHelp, args, stdout, stderr); !ok {
		return status
	}
	if !checkFlags("compare", stderr, unitFlag("threshold", *threshold)) {
		return exitUsage
	}
	ctx, stop := signalContext()
	defer stop()

	ins, files, err := openInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup compare: %v\n", err)
		return exitFailure
	}
	defer closeAll(files)
	var (
		pairs  []dedup.Pair
		names  []string
		status = exitOK
	)
	for _, in := range ins {
		in.r = untilDone(ctx, in.r)
		p, n, s, err := readPairs(in, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "eventdedup compare: read: %s\n", in.prefix(err.Error()))
			return exitFailure
		}
		pairs, names, status = append(pairs, p...), append(names, n...), max(status, s)
	}
	c, err := dedup.New(dedup.WithSameScore(*threshold))
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup compare: %v\n", err)
		return exitFailure
	}
	cmps, err := c.CompareAll(ctx, pairs)
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup compare: %v\n", err)
		return exitFailure
	}
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for i, cmp := range cmps {
		o := compareOutput{Pair: names[i], Score: round(cmp.Score), Same: cmp.Same, Duplicate: cmp.Duplicate, Evidence: cmp.Evidence}
		if err := encodeLine(enc, out, o); err != nil {
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

// readPairs reads lines {"pair"?, "a": DOC, "b": DOC}, reporting bad lines on
// stderr, and returns the pairs and their names (the "pair" field, or
// "a.id/b.id"), and exitRejected when a line was bad. The error is a read
// error.
func readPairs(src input, stderr io.Writer) ([]dedup.Pair, []string, int, error) {
	var (
		pairs  []dedup.Pair
		names  []string
		status = exitOK
	)
	for raw, err := range jsonl.RawLines(src.r) {
		if errors.As(err, new(*jsonl.LineError)) {
			fmt.Fprintln(stderr, src.prefix(err.Error()))
			status = exitRejected
			continue
		}
		if err != nil {
			return pairs, names, status, err
		}
		line := raw.N
		if len(bytes.TrimSpace(raw.Data)) == 0 {
			continue
		}
		var in struct {
			Pair jsonl.ID        `json:"pair"`
			A    json.RawMessage `json:"a"`
			B    json.RawMessage `json:"b"`
		}
		if err := json.Unmarshal(raw.Data, &in); err != nil {
			fmt.Fprintln(stderr, src.prefix(fmt.Sprintf("line %d: %v", line, lineError(err))))
			status = exitRejected
			continue
		}
		a, aerr := jsonl.Parse(in.A)
		b, berr := jsonl.Parse(in.B)
		if aerr != nil || berr != nil {
			var why []string
			if aerr != nil {
				why = append(why, "a: "+aerr.Error())
			}
			if berr != nil {
				why = append(why, "b: "+berr.Error())
			}
			fmt.Fprintln(stderr, src.prefix(fmt.Sprintf("line %d: %s", line, strings.Join(why, "; "))))
			status = exitRejected
			continue
		}
		name := string(in.Pair)
		if name == "" {
			name = a.ID + "/" + b.ID
		}
		pairs = append(pairs, dedup.Pair{A: a, B: b})
		names = append(names, name)
	}
	return pairs, names, status, nil
}
