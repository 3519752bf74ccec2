package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// signalContext returns a context cancelled by Ctrl-C (SIGINT) or by SIGTERM,
// which timeout, systemd and docker send to stop a process: either ends a
// run cleanly, its index closed and a temporary index removed, with
// exitFailure.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// flagCheck is the verdict on one flag value: err is nil when it is valid.
type flagCheck struct {
	name string
	err  error
}

// checkFlags reports the first invalid flag value on stderr, naming the flag,
// and returns false then.
func checkFlags(cmd string, stderr io.Writer, checks ...flagCheck) bool {
	for _, c := range checks {
		if c.err != nil {
			usageError(stderr, cmd, "invalid value for --%s: %v", c.name, c.err)
			return false
		}
	}
	return true
}

// unitFlag checks that a flag's value is a number in [0, 1].
func unitFlag(name string, v float64) flagCheck {
	if math.IsNaN(v) || v < 0 || v > 1 {
		return flagCheck{name, fmt.Errorf("%v is not a number in [0,1]", v)}
	}
	return flagCheck{name: name}
}

// positiveDuration checks that a flag's value is a duration above zero.
func positiveDuration(name string, v time.Duration) flagCheck {
	if v <= 0 {
		return flagCheck{name, fmt.Errorf("%v is not a duration above zero", v)}
	}
	return flagCheck{name: name}
}

// nonNegativeDuration checks that a duration flag is not negative.
func nonNegativeDuration(name string, v time.Duration) flagCheck {
	if v < 0 {
		return flagCheck{name, fmt.Errorf("%v is a negative duration", v)}
	}
	return flagCheck{name: name}
}

// positiveInt checks that a flag's value is at least 1.
func positiveInt(name string, v int) flagCheck {
	if v < 1 {
		return flagCheck{name, fmt.Errorf("%d is not at least 1", v)}
	}
	return flagCheck{name: name}
}

// encodeLine writes v as one JSON line and flushes it, so that a reader of a
// live feed gets each result as soon as it is known.
func encodeLine(enc *json.Encoder, out *bufio.Writer, v any) error {
	if err := enc.Encode(v); err != nil {
		return err
	}
	return out.Flush()
}

// untilDone returns a reader of r whose reads fail with ctx's error once ctx
// is done, even while a read of r blocks on a live feed: a signal then ends
// the run instead of waiting for the next input line.
func untilDone(ctx context.Context, r io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, r)
		pw.CloseWithError(err) // nil: io.EOF for the reader
	}()
	go func() {
		<-ctx.Done()
		pw.CloseWithError(fmt.Errorf("interrupted by a signal: %w", ctx.Err()))
	}()
	return pr
}
