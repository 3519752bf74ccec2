package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/eventdedup/eventdedup/jsonl"
	"github.com/eventdedup/eventdedup/lang"
)

const detectHelp = `Usage: eventdedup detect [flags] < docs.jsonl > langs.jsonl

Reads documents in the JSON Lines format of "eventdedup cluster" (id, title,
text, lang hint; a title alone is enough) and writes one object per valid line,
in input order:
  id          the document's id
  lang        BCP 47 language subtag ("ar", "ja", "zh", …) or "und"
  confidence  in [0, 1]

A title and its text are detected as one text. A "lang" field is a hint: it
is checked against the text, not trusted. "und" means too few letters, mixed
scripts, or a script none of the languages is written in.

Bad lines are reported on stderr as "line N: reason"; the exit status is then 1.
A "published" that is not RFC 3339 is not used here: it is reported as
"line N: warning: reason" and the document detected. -low and -high exclude
each other.

Flags:
`

type detectOutput struct {
	ID         string  `json:"id"`
	Lang       string  `json:"lang"`
	Confidence float64 `json:"confidence"`
}

func runDetect(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("detect")
	all := fs.Bool("all", false, "choose among all 75 languages lingua knows instead of the major news languages")
	low := fs.Bool("low", false, "decide by the letter model alone, loading no lingua model: fastest, less reliable on titles")
	high := fs.Bool("high", false, "give open titles a second opinion from lingua's high accuracy models (25-30 MB per language)")
	if status, ok := parseFlags(fs, detectHelp, args, stdout, stderr); !ok {
		return status
	}
	if fs.NArg() > 0 {
		return usageError(stderr, "detect", "unexpected arguments %q", fs.Args())
	}
	if *low && *high {
		fmt.Fprintln(stderr, "eventdedup detect: -low and -high exclude each other")
		return exitUsage
	}
	var opts []lang.Option
	if *all {
		opts = append(opts, lang.WithAllLanguages())
	}
	if *low {
		opts = append(opts, lang.WithLowAccuracy())
	}
	if *high {
		opts = append(opts, lang.WithHighAccuracy())
	}
	det := lang.New(opts...)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	for l, err := range jsonl.Lines(stdin) {
		var le *jsonl.LineError
		switch {
		case err == nil:
		case !errors.As(err, &le):
			fmt.Fprintf(stderr, "eventdedup detect: read: %v\n", err)
			status = exitFailure
			continue // a read error ends the input
		case errors.Is(err, jsonl.ErrBadTime):
			// "published" is not used here: the rest of the document is
			// detected.
			le.Warning, le.Err = true, fmt.Errorf("%w: not used by detect", le.Err)
			fmt.Fprintln(stderr, le)
		default:
			fmt.Fprintln(stderr, err)
			status = exitRejected
			continue
		}
		for _, w := range l.Warnings {
			fmt.Fprintln(stderr, w)
		}
		d := l.Doc
		r := det.DetectHint(d.Title+"\n"+d.Text, d.Lang)
		if err := encodeLine(enc, out, detectOutput{ID: d.ID, Lang: r.String(), Confidence: round(r.Confidence)}); err != nil {
			fmt.Fprintf(stderr, "eventdedup detect: write: %v\n", err)
			return exitFailure
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup detect: write: %v\n", err)
		return exitFailure
	}
	return status
}
