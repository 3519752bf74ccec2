package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// newFlags returns the flag set of a command. A bad flag is reported on
// stderr in one line, followed by a hint (see parseFlags): the whole help
// goes to stdout, and only when asked for.
func newFlags(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags reports the errors
	fs.Usage = func() {}
	return fs
}

// parseFlags parses a command's arguments. With -h or --help it prints the
// command's help and flags to stdout; on a bad flag, the hint to stderr.
// It returns false, with the exit status, when the command is not to run.
func parseFlags(fs *flag.FlagSet, help string, args []string, stdout, stderr io.Writer) (int, bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, help)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return exitOK, false
	case err != nil:
		return usageError(stderr, fs.Name(), "%v", err), false
	}
	return exitOK, true
}

// usageError reports a usage error of a command in one line, with the hint,
// and returns exitUsage.
func usageError(stderr io.Writer, cmd, format string, args ...any) int {
	fmt.Fprintf(stderr, "eventdedup %s: %s\n", cmd, fmt.Sprintf(format, args...))
	hint(stderr, cmd)
	return exitUsage
}

// hint tells where the help of a command is.
func hint(stderr io.Writer, cmd string) {
	fmt.Fprintf(stderr, "Run \"eventdedup %s --help\" for its usage.\n", cmd)
}

// version is the version of the module the command was built from, as the
// go command records it ("(devel)" for a build in a clone), with the
// revision and the Go version.
func version() string {
	v := "(unknown)"
	info, ok := debug.ReadBuildInfo()
	if ok {
		v = info.Main.Version
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				v += " " + s.Value[:min(12, len(s.Value))]
			case "vcs.modified":
				if s.Value == "true" {
					v += "+modified"
				}
			}
		}
	}
	return fmt.Sprintf("eventdedup %s %s", v, runtime.Version())
}
