package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/eventdedup/eventdedup/dedup"
)

// TestMain runs the command line instead of the tests when the crash test
// starts the test binary as the command.
func TestMain(m *testing.M) {
	if args := os.Getenv("EVENTDEDUP_RUN_ARGS"); args != "" {
		os.Exit(run(strings.Fields(args), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// crashDocs is the size of the generated stream of the crash tests, and
// crashBatch the batch size, small so that a run writes many batches. The
// runs assign in input order (--reorder 1): a run cut short, or split in
// two, must then give the clusters of one run exactly; in blocks, the
// documents of a block cut in two would be planned apart.
const (
	crashDocs  = 400
	crashBatch = "16"
)

// reference runs cluster on lines in one run, on a fresh index, and checks
// that the stream is not trivial: it has clusters of several documents and
// near-copies.
func reference(t *testing.T, lines []string) []clusterLine {
	t.Helper()
	status, out, stderr := runCmd(t, strings.Join(lines, "\n"), "cluster", "--reorder", "1", "--index", t.TempDir(), "--batch", crashBatch)
	if status != exitOK {
		t.Fatalf("uninterrupted run: status %d, stderr:\n%s", status, stderr)
	}
	want := decodeLines[clusterLine](t, out)
	joined, copies := 0, 0
	for _, o := range want {
		if !o.New {
			joined++
		}
		if o.DuplicateOf != "" {
			copies++
		}
	}
	if len(want) != len(lines) || joined < len(lines)/3 || copies == 0 {
		t.Fatalf("generated stream: %d lines out of %d, %d joined a cluster, %d copies; want a mix", len(want), len(lines), joined, copies)
	}
	return want
}

// TestClusterCrash kills `eventdedup cluster --index DIR` with SIGKILL in the
// middle of a run, runs it again on the same input and index, and checks that
// the index opens, that every document has one assignment, that the
// documents the killed run had written to the index are repeats, and that the
// clusters and their ids are those of an uninterrupted run, including those
// the killed run printed.
func TestClusterCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	lines := genDocs(crashDocs)
	want := reference(t, lines)
	input := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(input, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, after := range []int{1, 150, 300} {
		t.Run(strconv.Itoa(after), func(t *testing.T) {
			dir := t.TempDir()
			printed := killAfter(t, input, dir, after)

			status, out, stderr := runCmd(t, strings.Join(lines, "\n"), "cluster", "--reorder", "1", "--index", dir, "--batch", crashBatch)
			if status != exitOK {
				t.Fatalf("run after the crash: status %d, stderr:\n%s", status, stderr)
			}
			got := decodeLines[clusterLine](t, out)
			if len(got) != len(want) {
				t.Fatalf("run after the crash wrote %d lines, want %d", len(got), len(want))
			}
			repeats := 0
			for i := range want {
				if got[i].Repeat {
					if i != repeats {
						t.Errorf("%s is a repeat after a document that is not", got[i].ID)
					}
					repeats++
				}
				g := got[i]
				g.Repeat = false
				if g != want[i] {
					t.Errorf("line %d: %+v, want %+v as in an uninterrupted run", i+1, g, want[i])
				}
			}
			for i, p := range printed {
				if p.Repeat = false; p != want[i] {
					t.Errorf("killed run printed %+v, the uninterrupted one %+v", p, want[i])
				}
			}
			t.Logf("killed after %d lines printed; %d documents were in the index", len(printed), repeats)
			checkIndex(t, dir, want)
		})
	}
}

// killAfter starts the command on input with the index dir, kills it with
// SIGKILL once it has printed n lines, and returns the lines printed.
func killAfter(t *testing.T, input, dir string, n int) []clusterLine {
	t.Helper()
	in, err := os.Open(input)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "EVENTDEDUP_RUN_ARGS=cluster --reorder 1 --index "+dir+" --batch "+crashBatch)
	cmd.Stdin = in
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var printed []clusterLine
	sc := bufio.NewScanner(out)
	for len(printed) < n && sc.Scan() {
		var o clusterLine
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("killed run: output %q: %v", sc.Text(), err)
		}
		printed = append(printed, o)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		// possible only on a machine so loaded that the run finished
		// between the line read and the kill
		t.Logf("the run ended before it was killed, after %d lines", len(printed))
	}
	return printed
}

// checkIndex opens the index and checks that its clusters hold each document
// once, in the cluster of its assignment.
func checkIndex(t *testing.T, dir string, want []clusterLine) {
	t.Helper()
	c, err := dedup.Open(dir)
	if err != nil {
		t.Fatalf("the index does not open: %v", err)
	}
	defer c.Close()
	in := make(map[string]string)
	for cl := range c.Clusters() {
		for _, id := range cl.Docs {
			if prev, ok := in[id]; ok {
				t.Errorf("%s is in clusters %s and %s", id, prev, cl.ID)
			}
			in[id] = cl.ID
		}
	}
	for _, o := range want {
		if in[o.ID] != o.Cluster {
			t.Errorf("%s: in cluster %q of the index, assigned to %s", o.ID, in[o.ID], o.Cluster)
		}
	}
	if len(in) != len(want) {
		t.Errorf("the index holds %d documents, want %d", len(in), len(want))
	}
}

// TestClusterSplit runs a stream in two runs on one index, the second on the
// rest of the input only, and checks that the clusters and their ids are
// those of one run.
func TestClusterSplit(t *testing.T) {
	lines := genDocs(crashDocs / 2)
	want := reference(t, lines)
	for _, split := range []int{1, 17, len(lines) / 2, len(lines) - 1} {
		t.Run(strconv.Itoa(split), func(t *testing.T) {
			dir := t.TempDir()
			var got []clusterLine
			for _, part := range [][]string{lines[:split], lines[split:]} {
				status, out, stderr := runCmd(t, strings.Join(part, "\n"), "cluster", "--reorder", "1", "--index", dir, "--batch", crashBatch)
				if status != exitOK {
					t.Fatalf("status %d, stderr:\n%s", status, stderr)
				}
				got = append(got, decodeLines[clusterLine](t, out)...)
			}
			if !slices.Equal(got, want) {
				t.Errorf("two runs differ from one:\n%s", lineDiff(want, got))
			}
			checkIndex(t, dir, want)
		})
	}
}

// lineDiff lists the lines that differ, as (-want +got).
func lineDiff(want, got []clusterLine) string {
	var b strings.Builder
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(got):
			fmt.Fprintf(&b, "-%+v\n", want[i])
		case i >= len(want):
			fmt.Fprintf(&b, "+%+v\n", got[i])
		case want[i] != got[i]:
			fmt.Fprintf(&b, "-%+v\n+%+v\n", want[i], got[i])
		}
	}
	return b.String()
}
