package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/eventdedup/eventdedup/jsonl"
)

const detectHelp = `Usage: eventdedup detect [flags] [FILE...] > langs.jsonl

Reads the files named, in turn, or standard input without any.

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
A "published" that is not a time is not used here: it is reported as
"line N: warning: reason" and the document detected.

The detector is the one cluster uses with the same flags (--accuracy,
--all-languages), so that both give a document the same language; -low and
-high, which exclude each other, are the --accuracy of earlier versions.

Flags:
`

type detectOutput struct {
	ID         string  `json:"id"`
	Lang       string  `json:"lang"`
	Confidence float64 `json:"confidence"`
}

func runDetect(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("detect")
	var o detection
	o.flags(fs)
	// the flags of earlier versions
	fs.BoolVar(&o.all, "all", false, "the same as --all-languages")
	low := fs.Bool("low", false, "the same as --accuracy low")
	high := fs.Bool("high", false, "the same as --accuracy high")
	if status, ok := parseFlags(fs, detectHelp, args, stdout, stderr); !ok {
		return status
	}
	if *low && *high {
		return usageError(stderr, "detect", "-low and -high exclude each other")
	}
	if *low {
		o.accuracy = accuracyLow
	}
	if *high {
		o.accuracy = accuracyHigh
	}
	if !checkFlags("detect", stderr, o.check()) {
		return exitUsage
	}
	ins, files, err := openInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup detect: %v\n", err)
		return exitFailure
	}
	defer closeAll(files)
	det := o.detector()
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	for _, in := range ins {
		for l, err := range jsonl.Lines(in.r) {
			var le *jsonl.LineError
			switch {
			case err == nil:
			case !errors.As(err, &le):
				fmt.Fprintf(stderr, "eventdedup detect: read: %s\n", in.prefix(err.Error()))
				status = exitFailure
				continue // a read error ends the input
			case errors.Is(err, jsonl.ErrBadTime):
				// "published" is not used here: the rest of the document is
				// detected.
				le.Warning, le.Err = true, fmt.Errorf("%w: not used by detect", le.Err)
				fmt.Fprintln(stderr, in.prefix(le.Error()))
			default:
				fmt.Fprintln(stderr, in.prefix(err.Error()))
				status = exitRejected
				continue
			}
			for _, w := range l.Warnings {
				fmt.Fprintln(stderr, in.prefix(w.Error()))
			}
			d := l.Doc
			r := det.DetectHint(d.Title+"\n"+d.Text, d.Lang)
			if err := encodeLine(enc, out, detectOutput{ID: d.ID, Lang: r.String(), Confidence: round(r.Confidence)}); err != nil {
				fmt.Fprintf(stderr, "eventdedup detect: write: %v\n", err)
				return exitFailure
			}
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup detect: write: %v\n", err)
		return exitFailure
	}
	return status
}
