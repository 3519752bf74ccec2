package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLiveFeed feeds a command through a pipe, one line, and reads its
// output line while stdin is still open, as with tail -f feed | eventdedup:
// a command that held its output until the end of the input would never
// answer.
func TestLiveFeed(t *testing.T) {
	doc := twoPlusTwo(t)[0]
	for _, tc := range []struct {
		args   []string
		line   string
		reason string
	}{
		{[]string{"cluster"}, doc, "cluster assigns documents as they come"},
		{[]string{"detect", "-low"}, doc, "detect answers line by line"},
		{[]string{"names"}, "Antony Blinken\tБлинкен", "names answers line by line"},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			inR, inW := io.Pipe()
			outR, outW := io.Pipe()
			var stderr bytes.Buffer
			done := make(chan int, 1)
			go func() {
				status := run(tc.args, inR, outW, &stderr)
				outW.Close()
				done <- status
			}()
			if _, err := io.WriteString(inW, tc.line+"\n"); err != nil {
				t.Fatal(err)
			}
			first := make(chan string, 1)
			go func() {
				line, _ := bufio.NewReader(outR).ReadString('\n')
				first <- line
				io.Copy(io.Discard, outR)
			}()
			select {
			case line := <-first:
				if !strings.HasPrefix(line, "{") {
					t.Errorf("%s: first output line %q, want a JSON object", tc.reason, line)
				}
			case <-time.After(time.Minute): // a deadlock guard, not a speed test
				t.Errorf("%s: no output line a minute after the first input line, stdin open", tc.reason)
			}
			inW.Close()
			if status := <-done; status != exitOK {
				t.Errorf("status %d, stderr:\n%s", status, stderr.String())
			}
		})
	}
}

// TestClusterSIGTERM stops a cluster run with SIGTERM, as timeout, systemd
// and docker do: the run ends as on Ctrl-C, with exitFailure and its
// temporary index removed.
func TestClusterSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "EVENTDEDUP_RUN_ARGS=cluster", "TMPDIR="+tmp)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe() // read, so that the run never blocks on it
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if _, err := io.WriteString(stdin, twoPlusTwo(t)[0]+"\n"); err != nil {
		t.Fatal(err)
	}
	// The signal handler is set before the temporary index is made: wait
	// for the index (a deadlock guard, not a speed test).
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if dirs, _ := filepath.Glob(filepath.Join(tmp, "eventdedup-*")); len(dirs) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no temporary index in %s a minute after the start; stderr:\n%s", tmp, stderr.String())
		}
	}
	go io.Copy(io.Discard, stdout)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitFailure {
		t.Errorf("after SIGTERM: %v, want exit status %d; stderr:\n%s", err, exitFailure, stderr.String())
	}
	if dirs, _ := filepath.Glob(filepath.Join(tmp, "eventdedup-*")); len(dirs) != 0 {
		t.Errorf("temporary index left behind after SIGTERM: %v", dirs)
	}
}
