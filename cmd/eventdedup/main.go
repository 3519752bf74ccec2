// Command eventdedup finds the news reports that describe the same real-world
// event, across outlets, languages and scripts. It reads and writes JSON Lines
// so that it fits in pipelines.
//
// Usage:
//
//	eventdedup <command> [flags] < input.jsonl > output.jsonl
//
// Commands:
//
//	cluster   assign each document to an event cluster and flag near-copies
//	detect    detect the language of each document
//	names     compare pairs of personal names across scripts
//	compare   score pairs of documents: same event or not, and why
//	eval      measure a clustering against gold event labels
//	report    cluster documents and describe each event, as JSON Lines and an HTML page
//
// Run "eventdedup <command> --help" for the flags and fields of a command.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]command{
	"cluster": {"assign each document to an event cluster and flag near-copies", runCluster},
	"detect":  {"detect the language of each document", runDetect},
	"names":   {"compare pairs of personal names across scripts", runNames},
	"compare": {"score pairs of documents: same event or not, and why", runCompare},
	"eval":    {"measure a clustering against gold event labels", runEval},
	"report":  {"cluster documents and describe each event, as JSON Lines and an HTML page", runReport},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK       = 0
	exitRejected = 1 // some input lines were rejected; the others were processed
	exitUsage    = 2
	exitFailure  = 3 // the command could not run to completion
)

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "eventdedup: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: eventdedup <command> [flags] < input.jsonl > output.jsonl")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"eventdedup <command> --help\" for a command's flags and fields.")
}
