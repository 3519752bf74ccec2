package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/eventdedup/eventdedup/jsonl"
	"github.com/eventdedup/eventdedup/normalize"
)

const namesHelp = `Usage: eventdedup names [FILE...] > matches.jsonl
       eventdedup names --labelled [FILE...] > rates.txt

Reads the files named, in turn, or standard input without any.

Reads lines "A<TAB>B", two personal names in any language or script, and writes
one object per line, in input order:
  a, b    the names as given
  score   similarity in [0, 1]
  same    whether they are judged to name the same person
  reason  which parts matched and how

The names are the first two columns: further columns of a wider table (a
label, a note) are ignored. A line whose first two columns are not two
non-empty names is reported on stderr as "line N: reason", and so is a line
longer than 64 MiB; the exit status is then 1. Blank lines (spaces alone, no
tab) and lines starting with # (comments) are skipped.

With --labelled, reads lines "LABEL<TAB>LANG<TAB>A<TAB>B" (LABEL 1 for two
renderings of one name, 0 for different names; lines starting with # are
comments) and prints, per LANG and overall, the recall of the pairs labelled
1 and the false-match rate of the pairs labelled 0.

Flags:
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
	labelled := fs.Bool("labelled", false, "score a labelled file: LABEL, LANG, A, B")
	if status, ok := parseFlags(fs, namesHelp, args, stdout, stderr); !ok {
		return status
	}
	ins, files, err := openInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "eventdedup names: %v\n", err)
		return exitFailure
	}
	defer closeAll(files)
	if *labelled {
		return runLabelledNames(ins, stdout, stderr)
	}
	var m normalize.Matcher
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	for _, in := range ins {
		for n, text := range textLines(in, stderr, &status) {
			if strings.TrimSpace(text) == "" && !strings.Contains(text, "\t") || strings.HasPrefix(text, "#") {
				continue
			}
			a, b, ok := splitNames(text)
			if !ok {
				fmt.Fprintln(stderr, in.prefix(fmt.Sprintf("line %d: want two names separated by a tab", n)))
				status = max(status, exitRejected)
				continue
			}
			r := m.Match(a, b)
			if err := encodeLine(enc, out, namesOutput{A: a, B: b, Score: round(r.Score), Same: r.Same, Reason: r.Reason}); err != nil {
				fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
				return exitFailure
			}
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
		return exitFailure
	}
	return status
}

// textLines yields the lines of in with their numbers. It reports on
// stderr a line longer than jsonl.MaxLineBytes, which it skips (status
// exitRejected), and a read error, which ends the input (status
// exitFailure).
func textLines(in input, stderr io.Writer, status *int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for raw, err := range jsonl.RawLines(in.r) {
			if errors.As(err, new(*jsonl.LineError)) {
				fmt.Fprintln(stderr, in.prefix(fmt.Sprintf("line %d: longer than %d bytes", raw.N, jsonl.MaxLineBytes)))
				*status = max(*status, exitRejected)
				continue
			}
			if err != nil {
				fmt.Fprintf(stderr, "eventdedup names: read: %s\n", in.prefix(err.Error()))
				*status = exitFailure
				return
			}
			if !yield(raw.N, string(raw.Data)) {
				return
			}
		}
	}
}

// splitNames splits a line "A<TAB>B[<TAB>…]" into its first two columns,
// the names, and reports whether both hold a name, not only spaces; further
// columns (a label, a note) are ignored.
func splitNames(text string) (a, b string, ok bool) {
	f := strings.SplitN(text, "\t", 3)
	if len(f) < 2 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
		return "", "", false
	}
	return f[0], f[1], true
}

// rates counts the outcomes of labelled name pairs.
type rates struct{ pos, found, neg, wrong int }

// runLabelledNames scores lines "LABEL<TAB>LANG<TAB>A<TAB>B" and prints
// recall and false-match rate per language and overall.
func runLabelledNames(ins []input, stdout, stderr io.Writer) int {
	var m normalize.Matcher
	byLang := map[string]*rates{}
	var langs []string
	status := exitOK
	for _, in := range ins {
		for n, text := range textLines(in, stderr, &status) {
			if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
				continue
			}
			f := strings.Split(text, "\t")
			if len(f) != 4 || f[0] != "0" && f[0] != "1" || strings.TrimSpace(f[2]) == "" || strings.TrimSpace(f[3]) == "" {
				fmt.Fprintln(stderr, in.prefix(fmt.Sprintf("line %d: want LABEL (0 or 1), LANG, A and B separated by tabs", n)))
				status = max(status, exitRejected)
				continue
			}
			r := byLang[f[1]]
			if r == nil {
				r = &rates{}
				byLang[f[1]] = r
				langs = append(langs, f[1])
			}
			same := m.Match(f[2], f[3]).Same
			if f[0] == "1" {
				r.pos++
				r.found += b2i(same)
			} else {
				r.neg++
				r.wrong += b2i(same)
			}
		}
		if status == exitFailure {
			return status // a read error: no rates of part of the input
		}
	}
	slices.Sort(langs)
	out := bufio.NewWriter(stdout)
	fmt.Fprintf(out, "%-8s %9s %7s %9s %7s %8s\n", "lang", "positive", "recall", "negative", "false", "rate")
	var all rates
	for _, l := range langs {
		r := byLang[l]
		writeRates(out, l, r)
		all.pos, all.found, all.neg, all.wrong = all.pos+r.pos, all.found+r.found, all.neg+r.neg, all.wrong+r.wrong
	}
	writeRates(out, "all", &all)
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "eventdedup names: write: %v\n", err)
		return exitFailure
	}
	return status
}

func writeRates(w io.Writer, lang string, r *rates) {
	fmt.Fprintf(w, "%-8s %9d %7s %9d %7d %8s\n", lang, r.pos, share(r.found, r.pos, "%.3f"), r.neg, r.wrong, share(r.wrong, r.neg, "%.4f"))
}

// share formats a/b, "n/a" when b is 0.
func share(a, b int, format string) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf(format, float64(a)/float64(b))
}
