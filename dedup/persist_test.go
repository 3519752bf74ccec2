package dedup_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eventdedup/eventdedup/dedup"
	"github.com/eventdedup/eventdedup/jsonl"
)

// stream returns the hand-written reports of testdata, in their order, a
// second time with their publication times a week later and new ids, so that
// the first clusters close while the second are open.
func stream(t testing.TB) []dedup.Document {
	t.Helper()
	docs := readDocs(t, filepath.Join("..", "testdata", "twoplustwo.jsonl"))
	n := len(docs)
	for _, d := range docs[:n] {
		d.ID += "-later"
		d.Published = d.Published.Add(7 * 24 * time.Hour)
		docs = append(docs, d)
	}
	return docs
}

// readDocs returns the documents of a JSON Lines file.
func readDocs(t testing.TB, path string) []dedup.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []dedup.Document
	for d, err := range jsonl.Read(f) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// small makes clusters close within the stream and batches small, to
// exercise restoring the window from several batches.
var small = []dedup.Option{dedup.WithLateness(24 * time.Hour), dedup.WithBatchSize(3)}

// addAll adds docs to c one by one and returns the assignments without
// their evidence.
func addAll(t testing.TB, c *dedup.Clusterer, docs []dedup.Document) []dedup.Assignment {
	t.Helper()
	var out []dedup.Assignment
	for _, d := range docs {
		a, err := c.Add(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		a.Evidence = dedup.Evidence{}
		out = append(out, a)
	}
	return out
}

func open(t testing.TB, dir string) *dedup.Clusterer {
	t.Helper()
	c, err := dedup.Open(dir, small...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// diff describes the elements of two slices that differ, as (-want +got);
// it is empty when they are equal.
func diff[T any](want, got []T) string {
	var s string
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(got):
			s += fmt.Sprintf("-%+v\n", want[i])
		case i >= len(want):
			s += fmt.Sprintf("+%+v\n", got[i])
		case !reflect.DeepEqual(want[i], got[i]):
			s += fmt.Sprintf("-%+v\n+%+v\n", want[i], got[i])
		}
	}
	return s
}

// clearRepeat makes recorded assignments comparable with fresh ones.
func clearRepeat(as []dedup.Assignment) []dedup.Assignment {
	out := slices.Clone(as)
	for i := range out {
		out[i].Repeat = false
	}
	return out
}

// TestOpenContinues checks that a stream added in two runs on one directory
// gets the assignments of one run, with the same cluster ids.
func TestOpenContinues(t *testing.T) {
	docs := stream(t)
	one := open(t, t.TempDir())
	want := addAll(t, one, docs)
	wantClusters := slices.Collect(one.Clusters())
	if err := one.Close(); err != nil {
		t.Fatal(err)
	}

	for _, split := range []int{1, 7, len(docs) / 2, len(docs) - 1} {
		t.Run(strconv.Itoa(split), func(t *testing.T) {
			dir := t.TempDir()
			c := open(t, dir)
			got := addAll(t, c, docs[:split])
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			c = open(t, dir)
			defer c.Close()
			got = append(got, addAll(t, c, docs[split:])...)
			if d := diff(want, got); d != "" {
				t.Errorf("assignments (-one run +two runs):\n%s", d)
			}
			if d := diff(wantClusters, slices.Collect(c.Clusters())); d != "" {
				t.Errorf("clusters (-one run +two runs):\n%s", d)
			}
		})
	}
}

// TestRepeat checks that adding a document again returns its recorded
// assignment, in the same run and after reopening, and adds nothing.
func TestRepeat(t *testing.T) {
	docs := stream(t)
	dir := t.TempDir()
	c := open(t, dir)
	first := addAll(t, c, docs)
	again := addAll(t, c, docs)
	for _, a := range again {
		if !a.Repeat {
			t.Errorf("%s: second Add is not a repeat", a.ID)
		}
	}
	if d := diff(first, clearRepeat(again)); d != "" {
		t.Errorf("repeated assignments (-first +again):\n%s", d)
	}
	n := 0
	for cl := range c.Clusters() {
		n += len(cl.Docs)
	}
	if n != len(docs) {
		t.Errorf("clusters hold %d documents, want %d", n, len(docs))
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = open(t, dir)
	defer c.Close()
	if d := diff(first, clearRepeat(addAll(t, c, docs))); d != "" {
		t.Errorf("assignments after reopening (-first +again):\n%s", d)
	}
}

// TestClusters checks the listing of clusters: every document once, in
// creation order, with the span of its reports.
func TestClusters(t *testing.T) {
	docs := stream(t)
	c, err := dedup.New(small...)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	as := addAll(t, c, docs)
	published := make(map[string]time.Time)
	for _, d := range docs {
		published[d.ID] = d.Published
	}
	seen := make(map[string]string)
	i := 0
	for cl := range c.Clusters() {
		i++
		if want := "c" + strconv.Itoa(i); cl.ID != want {
			t.Errorf("cluster %d has id %s, want %s", i, cl.ID, want)
		}
		for _, id := range cl.Docs {
			seen[id] = cl.ID
			if p := published[id]; p.Before(cl.First) || p.After(cl.Last) {
				t.Errorf("%s: %s published %v outside [%v, %v]", cl.ID, id, p, cl.First, cl.Last)
			}
		}
	}
	for _, a := range as {
		if seen[a.ID] != a.Cluster {
			t.Errorf("%s: listed in %q, assigned to %q", a.ID, seen[a.ID], a.Cluster)
		}
	}
}

// TestCrash kills a process adding a stream to a directory with SIGKILL, and
// checks that the directory opens again and that adding the whole stream
// again gives the assignments of an uninterrupted run.
func TestCrash(t *testing.T) {
	if os.Getenv("EVENTDEDUP_CRASH_DIR") != "" {
		crashChild(t)
		return
	}
	if testing.Short() {
		t.Skip("starts a process")
	}
	docs := stream(t)
	clean := open(t, t.TempDir())
	want := addAll(t, clean, docs)
	clean.Close()

	for _, after := range []int{2, 11, 25} {
		t.Run(strconv.Itoa(after), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrash$")
			cmd.Env = append(os.Environ(), "EVENTDEDUP_CRASH_DIR="+dir)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			for n := 0; n < after && sc.Scan(); n++ {
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()

			c := open(t, dir)
			defer c.Close()
			got := addAll(t, c, docs)
			if d := diff(want, clearRepeat(got)); d != "" {
				t.Errorf("assignments after a crash (-uninterrupted +resumed):\n%s", d)
			}
		})
	}
}

// crashChild adds the stream to the directory, printing a line after each
// document, until it is killed.
func crashChild(t *testing.T) {
	c := open(t, os.Getenv("EVENTDEDUP_CRASH_DIR"))
	for _, d := range stream(t) {
		if _, err := c.Add(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		fmt.Println(d.ID)
	}
	time.Sleep(time.Minute) // wait to be killed
}

// TestConcurrent adds documents from several goroutines and closes the
// Clusterer while they do: every call returns an assignment or ErrClosed.
func TestConcurrent(t *testing.T) {
	docs := stream(t)
	c, err := dedup.New(small...)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(docs))
	for g := range 8 {
		wg.Go(func() {
			for i, d := range docs {
				d.ID = fmt.Sprintf("%s-%d", d.ID, g)
				if _, err := c.Add(context.Background(), d); err != nil {
					errs <- err
				}
				if g == 0 && i == len(docs)/2 {
					errs <- c.Close()
				}
			}
		})
	}
	wg.Go(func() {
		for range c.Clusters() {
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil && !errors.Is(err, dedup.ErrClosed) {
			t.Errorf("unexpected error: %v", err)
		}
	}
	if err := c.Close(); !errors.Is(err, dedup.ErrClosed) {
		t.Errorf("second Close = %v, want ErrClosed", err)
	}
	if _, err := c.Add(context.Background(), docs[0]); !errors.Is(err, dedup.ErrClosed) {
		t.Errorf("Add after Close = %v, want ErrClosed", err)
	}
}

// TestInvalid checks the errors for documents that cannot be added.
func TestInvalid(t *testing.T) {
	c, err := dedup.New()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, d := range []dedup.Document{{Title: "no id"}, {ID: "empty"}} {
		if _, err := c.Add(context.Background(), d); !errors.Is(err, dedup.ErrInvalid) {
			t.Errorf("Add(%+v) = %v, want ErrInvalid", d, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Add(ctx, dedup.Document{ID: "x", Title: "t"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Add with a cancelled context = %v", err)
	}
	for _, tt := range []struct {
		opt dedup.Option
		why string
	}{
		{dedup.WithWindow(0), "a window of no time"},
		{dedup.WithLateness(-time.Hour), "a negative lateness"},
		{dedup.WithMaxDocs(0), "no documents"},
		{dedup.WithBatchSize(0), "a batch of no documents is never written"},
		{dedup.WithThreshold(2), "a threshold above 1 joins nothing"},
		{dedup.WithThreshold(-0.1), "a negative threshold joins everything"},
		{dedup.WithThreshold(math.NaN()), "NaN compares false with everything"},
		{dedup.WithDuplicate(0), "a duplicate similarity of 0 makes every document a copy"},
		{dedup.WithDuplicate(1.5), "a duplicate similarity above 1 finds no copy"},
	} {
		c, err := dedup.New(tt.opt)
		if !errors.Is(err, dedup.ErrInvalidOption) {
			t.Errorf("%s: New = %v, want ErrInvalidOption", tt.why, err)
		}
		if c != nil {
			c.Close()
		}
	}
}
