// Command eventdedup finds the news reports that describe the same real-world
// event, across outlets, languages and scripts. It reads and writes JSON Lines
// so that it fits in pipelines.
//
// Usage:
//
//	eventdedup <command> [flags] [FILE...] > output.jsonl
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
// Run "eventdedup help <command>" for the flags and fields of a command, and
// "eventdedup --version" for its version.
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
	tuneGC()
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
	if len(args) == 0 {
		fmt.Fprintln(stderr, "eventdedup: no command given")
		fmt.Fprintln(stderr, `Run "eventdedup help" for the commands.`)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "help":
		if len(args) == 1 {
			usage(stdout)
			return exitOK
		}
		cmd, ok := commands[args[1]]
		if !ok {
			return unknownCommand(stderr, args[1])
		}
		return cmd.run([]string{"--help"}, stdin, stdout, stderr)
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, version())
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return unknownCommand(stderr, args[0])
	}
	return cmd.run(args[1:], stdin, stdout, stderr)
}

func unknownCommand(stderr io.Writer, name string) int {
	fmt.Fprintf(stderr, "eventdedup: unknown command %q\n", name)
	fmt.Fprintln(stderr, `Run "eventdedup help" for the commands.`)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: eventdedup <command> [flags] [FILE...] > output.jsonl")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"eventdedup help <command>\" or \"eventdedup <command> --help\" for a command's flags and fields,")
	fmt.Fprintln(w, "\"eventdedup --version\" for the version.")
}
