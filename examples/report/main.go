// Command report clusters a JSON Lines file of reports and writes the events
// it finds as one self-contained HTML page (package report): each event with
// its headline, a timeline of its members coloured by language, its members
// and their copies, and the names that tie it.
//
// Run it from anywhere inside the repository:
//
//	go run ./examples/report -o events.html
//
// and open events.html in a browser. Without -o the page goes to standard
// output. Another JSON Lines file in the format of "eventdedup cluster" may
// be given as argument.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
	"github.com/eventdedup/eventdedup/report"
)

const defaultData = "testdata/twoplustwo.jsonl"

func main() {
	out := flag.String("o", "", "write the page to `FILE` (default: standard output)")
	flag.Parse()
	if err := run(flag.Args(), *out, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run(args []string, out string, stdout io.Writer) (err error) {
	path := ""
	if len(args) > 0 {
		path = args[0]
	} else if path, err = findUp(defaultData); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()

	c, err := dedup.New()
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, c.Close()) }()
	for d, err := range jsonl.Read(f) {
		if err != nil {
			return err
		}
		if _, err := c.Add(context.Background(), d); err != nil {
			return err
		}
	}
	events := report.Events(c.Clusters())

	w := stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, f.Close()) }()
		w = f
	}
	if err := report.WriteHTML(w, events, report.WithTitle("Events in "+filepath.Base(path))); err != nil {
		return err
	}
	if out != "" {
		fmt.Fprintf(stdout, "%d events written to %s\n", len(events), out)
	}
	return nil
}

// findUp looks for rel in the current directory and its parents, so that the
// example runs from anywhere inside the repository.
func findUp(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New(rel + " not found in this directory or its parents; run the example inside the repository or pass a file")
		}
		dir = parent
	}
}
