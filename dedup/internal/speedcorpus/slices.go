//go:build ignore

// Slices reads the output of eventdedup cluster and prints, for every slice
// of -step documents, the time it took and the documents per second, so
// that a long run shows whether the cost per document grows with the
// stream:
//
//	go run ./dedup/internal/speedcorpus/gen.go -n 300000 > /tmp/speed-300k.jsonl
//	go build -o /tmp/slices ./dedup/internal/speedcorpus/slices.go
//	/usr/bin/time -v eventdedup cluster < /tmp/speed-300k.jsonl | /tmp/slices -step 30000
//
// On a machine shared with other jobs the time of a slice says more about
// their load than about the stream. With -pid, the id of the eventdedup
// process, it also prints the CPU time (user and system, of all its
// threads, read from /proc on Linux) that each slice took, which their
// load changes much less:
//
//	mkfifo /tmp/out
//	eventdedup cluster < /tmp/speed-300k.jsonl > /tmp/out & /tmp/slices -step 30000 -pid $! < /tmp/out
//
// The merge lines of the output ({"merge": …}) are not documents and are
// not counted. The time of a slice runs from the end of the previous one
// (the first from the start of slices).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	step := flag.Int("step", 30000, "documents per slice")
	pid := flag.Int("pid", 0, "process id of eventdedup, to print the CPU time of each slice (Linux)")
	flag.Parse()
	if *step <= 0 {
		log.Fatalf("step %d, want a positive number", *step)
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(nil, 64<<20)
	start := time.Now()
	last, n := start, 0
	lastCPU, err := cpuTime(*pid)
	if err != nil {
		log.Fatal(err)
	}
	for sc.Scan() {
		if bytes.HasPrefix(sc.Bytes(), []byte(`{"merge"`)) {
			continue
		}
		n++
		if n%*step == 0 {
			now := time.Now()
			d := now.Sub(last)
			fmt.Printf("%8d documents: slice %6.2f s, %6.0f docs/s, %.3f ms per document",
				n, d.Seconds(), float64(*step)/d.Seconds(), d.Seconds()*1e3/float64(*step))
			if *pid != 0 {
				// The process may have ended, its output still being read.
				if cpu, err := cpuTime(*pid); err != nil {
					fmt.Printf(", CPU time unknown (%v)", err)
				} else {
					fmt.Printf(", %.3f ms of CPU per document", (cpu-lastCPU).Seconds()*1e3/float64(*step))
					lastCPU = cpu
				}
			}
			fmt.Println()
			last = now
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	d := time.Since(start)
	fmt.Printf("%8d documents in %.1f s, %.0f docs/s\n", n, d.Seconds(), float64(n)/d.Seconds())
}

// clockTicks is the unit of the CPU times of /proc/PID/stat, USER_HZ, which
// is 100 on Linux for every architecture that Go supports.
const clockTicks = 100

// cpuTime returns the CPU time, user and system, that process pid has used,
// or 0 for pid 0.
func cpuTime(pid int) (time.Duration, error) {
	if pid == 0 {
		return 0, nil
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name, in parentheses, may hold spaces: the fields are
	// counted after its closing parenthesis. utime and stime are the 14th
	// and 15th fields, the 12th and 13th after the name.
	i := bytes.LastIndexByte(b, ')')
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: %d fields after the name", pid, len(f))
	}
	var ticks int64
	for _, s := range f[11:13] {
		t, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/%d/stat: %w", pid, err)
		}
		ticks += t
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}
