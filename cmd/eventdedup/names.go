package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/normalize"
)

const namesHelp = `Usage: eventdedup names < pairs.tsv > matches.jsonl
       eventdedup names --labelled < labelled.tsv > rates.txt

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
	if *labelled {
		return runLabelledNames(stdin, stdout, stderr)
	}
	var m normalize.Matcher
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	status := exitOK
	br := skipBOM(stdin)
	for line := 1; ; line++ {
		text, long, err := readTextLine(br, dedup.MaxLineBytes)
		switch {
		case long:
			fmt.Fprintf(stderr, "line %d: longer than %d bytes\n", line, dedup.MaxLineBytes)
			status = exitRejected
		case strings.TrimSpace(text) == "" && !strings.Contains(text, "\t"), strings.HasPrefix(text, "#"):
		default:
			a, b, ok := splitNames(text)
			if !ok {
				fmt.Fprintf(stderr, "line %d: want two names separated by a tab\n", line)
				status = exitRejected
				break
			}
			r := m.Match(a, b)
			if err := encodeLine(enc, out, namesOutput{A: a, B: b, Score: round(r.Score), Same: r.Same, Reason: r.Reason}); err != nil {
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

// rates counts the outcomes of labelled name pairs.
type rates struct{ pos, found, neg, wrong int }

// runLabelledNames scores lines "LABEL<TAB>LANG<TAB>A<TAB>B" and prints
// recall and false-match rate per language and overall.
func runLabelledNames(stdin io.Reader, stdout, stderr io.Writer) int {
	var m normalize.Matcher
	byLang := map[string]*rates{}
	var langs []string
	status := exitOK
	br := skipBOM(stdin)
	for line := 1; ; line++ {
		text, long, err := readTextLine(br, dedup.MaxLineBytes)
		switch {
		case long:
			fmt.Fprintf(stderr, "line %d: longer than %d bytes\n", line, dedup.MaxLineBytes)
			status = exitRejected
		case strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#"):
		default:
			f := strings.Split(text, "\t")
			if len(f) != 4 || f[0] != "0" && f[0] != "1" || strings.TrimSpace(f[2]) == "" || strings.TrimSpace(f[3]) == "" {
				fmt.Fprintf(stderr, "line %d: want LABEL (0 or 1), LANG, A and B separated by tabs\n", line)
				status = exitRejected
				break
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
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(stderr, "eventdedup names: read: %v\n", err)
			return exitFailure
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
