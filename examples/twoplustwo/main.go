// Command twoplustwo clusters a small multilingual set of reports written for
// this project: the US–Japan "2+2" security talks of 7 January 2022 in seven
// languages, and two related but different events of the same week (the
// Japan–Australia defence pact of 6 January and North Korea's missile launch of
// 5 January). It prints each cluster with its documents' detected language and
// source, the near-copies, and the names that tied the documents together.
//
// Run it from anywhere inside the repository:
//
//	go run ./examples/twoplustwo
//
// or give it another JSON Lines file in the format of "eventdedup cluster":
//
//	go run ./examples/twoplustwo path/to/docs.jsonl
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

const defaultData = "testdata/twoplustwo.jsonl"

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "twoplustwo:", err)
		os.Exit(1)
	}
}

func run(args []string, w io.Writer) (err error) {
	path := ""
	if len(args) > 0 {
		path = args[0]
	} else {
		p, err := findUp(defaultData)
		if err != nil {
			return err
		}
		path = p
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
	defer func() {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}()

	docs := make(map[string]dedup.Document)
	assigned := make(map[string]dedup.Assignment)
	for d, err := range jsonl.Read(f) {
		if err != nil {
			return err
		}
		a, err := c.Add(context.Background(), d)
		if err != nil {
			return err
		}
		docs[d.ID] = d
		assigned[d.ID] = a
	}

	n := 0
	for cl := range c.Clusters() {
		n++
		fmt.Fprintf(w, "cluster %s: %d reports\n", cl.ID, len(cl.Docs))
		var names []string
		for _, id := range cl.Docs {
			d, a := docs[id], assigned[id]
			fmt.Fprintf(w, "  %-9s %-3s %-18s %s\n", id, a.Lang, d.Source, d.Title)
			if a.DuplicateOf != "" {
				fmt.Fprintf(w, "            near-copy of %s\n", a.DuplicateOf)
			}
			for _, p := range a.Evidence.Names {
				if p.A == p.B {
					continue // the same spelling on both sides says nothing about scripts
				}
				pair := p.A + " / " + p.B
				if !slices.Contains(names, pair) {
					names = append(names, pair)
				}
			}
		}
		if len(names) > 0 {
			fmt.Fprintf(w, "  tied by names: %s\n", strings.Join(names, ", "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d reports, %d clusters\n", len(docs), n)
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
